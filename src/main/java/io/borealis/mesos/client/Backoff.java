package io.borealis.mesos.client;

import java.util.function.DoubleSupplier;

/**
 * Jittered exponential backoff: each delay is drawn from the upper half of a window that doubles
 * after every failure, up to a cap. With 250 ms and a 30 s cap the windows are 250, 500, 1000 ... ms,
 * then 30 s forever; the delays 125-250, 250-500, 500-1000 ms ... 15-30 s. The jitter keeps many
 * schedulers (or retries) that failed together from hitting a recovering master together.
 */
public final class Backoff {
  private final long minMs;
  private final long maxMs;
  private final DoubleSupplier random;
  private long windowMs;

  /** @param random uniform in [0, 1), e.g. {@code Math::random}; tests pass a fixed one */
  public Backoff(long minMs, long maxMs, DoubleSupplier random) {
    this.minMs = minMs;
    this.maxMs = maxMs;
    this.random = random;
    this.windowMs = minMs;
  }

  /** The delay before the next attempt; widens the window for the one after. */
  public long nextDelayMs() {
    long delay = windowMs / 2 + (long) (random.getAsDouble() * (windowMs - windowMs / 2));
    windowMs = Math.min(maxMs, windowMs * 2);
    return delay;
  }

  /** After a success: the next failure starts again from the smallest window. */
  public void reset() {
    windowMs = minMs;
  }
}
