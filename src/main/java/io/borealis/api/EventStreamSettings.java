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
 * @param coalesce how long events may wait to be written together: each write to a subscriber costs a
 *     system call, so with 1,000 subscribers and 1,000 events/s, writing every event at once would be a
 *     million calls a second; gathering 25 ms of events makes it 40,000, at a delay no dashboard shows
 *     (bench/README.md, benchmark (f), has the measurements). Zero writes on the event loop's next turn.
 */
public record EventStreamSettings(Duration heartbeat, int replayCapacity, int maxPendingBytes, Duration cutGrace,
    Duration coalesce) {
  public static final Duration DEFAULT_HEARTBEAT = Duration.ofSeconds(15);
  /** At the 1,000 events/s of a busy cluster, ten seconds of history; a dashboard reconnects within 2 s. */
  public static final int DEFAULT_REPLAY_CAPACITY = 10_000;
  /** About three seconds of a 1,000 events/s stream beyond what the kernel's socket buffers already hold. */
  public static final int DEFAULT_MAX_PENDING_BYTES = 1024 * 1024;
  public static final Duration DEFAULT_CUT_GRACE = Duration.ofSeconds(1);
  public static final Duration DEFAULT_COALESCE = Duration.ofMillis(25);
  public static final EventStreamSettings DEFAULTS = new EventStreamSettings(DEFAULT_HEARTBEAT, DEFAULT_REPLAY_CAPACITY,
      DEFAULT_MAX_PENDING_BYTES, DEFAULT_CUT_GRACE, DEFAULT_COALESCE);

  public EventStreamSettings {
    if (heartbeat.isNegative() || heartbeat.isZero() || replayCapacity < 1 || maxPendingBytes < 1 || cutGrace.isNegative()
        || coalesce.isNegative()) {
      throw new IllegalArgumentException("event stream settings must be positive: " + heartbeat + ", " + replayCapacity
          + ", " + maxPendingBytes + ", " + cutGrace + ", " + coalesce);
    }
  }

  public EventStreamSettings withHeartbeat(Duration interval) {
    return new EventStreamSettings(interval, replayCapacity, maxPendingBytes, cutGrace, coalesce);
  }

  public EventStreamSettings withReplayCapacity(int events) {
    return new EventStreamSettings(heartbeat, events, maxPendingBytes, cutGrace, coalesce);
  }

  public EventStreamSettings withMaxPendingBytes(int bytes, Duration grace) {
    return new EventStreamSettings(heartbeat, replayCapacity, bytes, grace, coalesce);
  }

  public EventStreamSettings withCoalesce(Duration window) {
    return new EventStreamSettings(heartbeat, replayCapacity, maxPendingBytes, cutGrace, window);
  }
}
