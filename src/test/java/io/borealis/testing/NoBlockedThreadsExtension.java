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
  /**
   * Vert.x's checker logs "Thread ... has been blocked for N ms" under io.vertx (the logger's exact
   * name has moved between versions, so listen on the parent and match the message).
   */
  private static final Logger VERTX = Logger.getLogger("io.vertx");
  private static final String BLOCKED = "has been blocked for";
  private static final List<String> WARNINGS = new CopyOnWriteArrayList<>();
  private static final Handler RECORDER = new Handler() {
    @Override
    public void publish(LogRecord record) {
      if (record.getLevel().intValue() >= Level.WARNING.intValue() && String.valueOf(record.getMessage()).contains(BLOCKED)) {
        WARNINGS.add(record.getMessage());
      }
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  };

  static {
    VERTX.addHandler(RECORDER);
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    WARNINGS.clear();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    List<String> seen = drainWarnings();
    if (!seen.isEmpty()) {
      throw new AssertionError("Vert.x reported a blocked thread during " + context.getDisplayName() + ": " + seen);
    }
  }

  /** The blocked-thread warnings logged since the last drain. */
  static synchronized List<String> drainWarnings() {
    List<String> seen = List.copyOf(WARNINGS);
    WARNINGS.removeAll(seen);
    return seen;
  }
}
