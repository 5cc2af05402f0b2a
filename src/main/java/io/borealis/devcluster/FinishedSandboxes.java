package io.borealis.devcluster;

import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * An agent's sandboxes whose executor has exited, and when: the only ones garbage collection may
 * delete, so a running task's sandbox is never touched. Every {@code sandboxGcInterval} (zero: never)
 * those past {@code sandboxGcDelay} or over {@code sandboxDiskBudgetBytes} are deleted, oldest first
 * ({@link SandboxRetention}). Used on the owning agent's event loop.
 */
final class FinishedSandboxes {
  private static final Logger LOG = Logger.getLogger(FinishedSandboxes.class.getName());

  private final Vertx vertx;
  private final SandboxRetention retention;
  private final Map<Path, Instant> finished = new LinkedHashMap<>();
  private boolean collecting;

  private FinishedSandboxes(Vertx vertx, SandboxRetention retention) {
    this.vertx = vertx;
    this.retention = retention;
  }

  /** Starts collecting every {@code settings.sandboxGcInterval()}, unless that is zero. */
  static FinishedSandboxes start(Vertx vertx, AgentVerticle.AgentSettings settings) {
    FinishedSandboxes sandboxes = new FinishedSandboxes(vertx,
        new SandboxRetention(settings.sandboxGcDelay(), settings.sandboxDiskBudgetBytes()));
    if (settings.sandboxGcInterval().toMillis() > 0) {
      vertx.setPeriodic(settings.sandboxGcInterval().toMillis(), id -> sandboxes.collect());
    }
    return sandboxes;
  }

  /** The executor using {@code sandbox} has exited (now): from now on the sandbox may be collected. */
  void finished(Path sandbox) {
    finished.put(sandbox, Instant.now());
  }

  /**
   * Deletes finished sandboxes past the delay or over the budget, oldest first. Measuring and deleting
   * run on a worker; one collection at a time.
   */
  private void collect() {
    if (collecting || finished.isEmpty()) {
      return;
    }
    collecting = true;
    Map<Path, Instant> snapshot = Map.copyOf(finished);
    vertx.executeBlocking(() -> SandboxCollector.collect(snapshot, retention, Instant.now()), false)
        .onComplete(done -> {
          collecting = false;
          if (done.succeeded()) {
            done.result().forEach(finished::remove);
          } else {
            LOG.log(Level.WARNING, "Sandbox garbage collection failed", done.cause());
          }
        });
  }
}
