package io.borealis.api;

import java.time.Duration;

/**
 * How {@code GET /api/v1/events} treats its subscribers.
 *
 * @param heartbeat how often every subscriber gets a {@code : heartbeat} comment, so proxies and load
 *     balancers that drop idle connections (often after 30-60 s) keep the stream open
 * @param replayCapacity how many recent events are kept for clients resuming with {@code Last-Event-ID}
 * @param maxPendingBytes how many bytes written to one subscriber may wait to reach its socket before it
 *     counts as too slow and is cut off (its stream ends with a {@code reset} event)
 * @param cutGrace how long a cut subscriber's last bytes (the reset) may take to leave before the
 *     connection is closed regardless
 */
public record EventStreamSettings(Duration heartbeat, int replayCapacity, int maxPendingBytes, Duration cutGrace) {
  public static final Duration DEFAULT_HEARTBEAT = Duration.ofSeconds(15);
  /** At the 1,000 events/s of a busy cluster, ten seconds of history; a dashboard reconnects within 2 s. */
  public static final int DEFAULT_REPLAY_CAPACITY = 10_000;
  /** About three seconds of a 1,000 events/s stream beyond what the kernel's socket buffers already hold. */
  public static final int DEFAULT_MAX_PENDING_BYTES = 1024 * 1024;
  public static final Duration DEFAULT_CUT_GRACE = Duration.ofSeconds(1);
  public static final EventStreamSettings DEFAULTS =
      new EventStreamSettings(DEFAULT_HEARTBEAT, DEFAULT_REPLAY_CAPACITY, DEFAULT_MAX_PENDING_BYTES, DEFAULT_CUT_GRACE);

  public EventStreamSettings {
    if (heartbeat.isNegative() || heartbeat.isZero() || replayCapacity < 1 || maxPendingBytes < 1 || cutGrace.isNegative()) {
      throw new IllegalArgumentException("event stream settings must be positive: " + heartbeat + ", " + replayCapacity
          + ", " + maxPendingBytes + ", " + cutGrace);
    }
  }

  public EventStreamSettings withHeartbeat(Duration interval) {
    return new EventStreamSettings(interval, replayCapacity, maxPendingBytes, cutGrace);
  }
}
