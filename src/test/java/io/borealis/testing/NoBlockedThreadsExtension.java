package io.borealis.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fails a test class if Vert.x warned that an event loop was blocked while it ran. Registered for
 * every test class through JUnit's extension auto-detection (see junit-platform.properties).
 */
public final class NoBlockedThreadsExtension implements BeforeAllCallback, AfterAllCallback {
  /** Vert.x 5's checker logs through this logger when a loop runs longer than allowed. */
  static final String CHECKER_LOGGER = "io.vertx.core.internal.threadchecker.BlockedThreadChecker";

  private static final Logger CHECKER = Logger.getLogger(CHECKER_LOGGER);
  private static final List<String> WARNINGS = new CopyOnWriteArrayList<>();
  private static final Handler RECORDER = new Handler() {
    @Override
    public void publish(LogRecord record) {
      if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
        WARNINGS.add(record.getMessage());
      }
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  };

  static {
    CHECKER.addHandler(RECORDER);
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    WARNINGS.clear();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (!WARNINGS.isEmpty()) {
      List<String> seen = List.copyOf(WARNINGS);
      WARNINGS.clear();
      throw new AssertionError("Vert.x reported a blocked thread during " + context.getDisplayName() + ": " + seen);
    }
  }
}
