package io.borealis.scheduler;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import java.util.concurrent.TimeUnit;

/**
 * Measures how late its event loop runs a timer: {@code borealis_event_loop_lag_seconds{loop}}. A
 * loop that is blocked or overloaded shows here before anything times out. Deployed once per event
 * loop; Vert.x hands each instance the next loop in turn.
 */
final class EventLoopLagVerticle extends VerticleBase {
  static final long INTERVAL_MS = 500;

  private final MeterRegistry registry;
  private Timer lag;
  private long expectedAt;

  EventLoopLagVerticle(MeterRegistry registry) {
    this.registry = registry;
  }

  @Override
  public Future<?> start() {
    lag = Timer.builder("borealis.event.loop.lag").tag("loop", Thread.currentThread().getName())
        .description("How late the event loop ran a timer due every " + INTERVAL_MS + " ms").register(registry);
    expectedAt = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(INTERVAL_MS);
    vertx.setPeriodic(INTERVAL_MS, id -> {
      long now = System.nanoTime();
      lag.record(Math.max(0, now - expectedAt), TimeUnit.NANOSECONDS);
      expectedAt = now + TimeUnit.MILLISECONDS.toNanos(INTERVAL_MS);
    });
    return Future.succeededFuture();
  }
}
