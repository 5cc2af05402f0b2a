package io.borealis.mesos.wire;

import java.time.Duration;

/** Mesos {@code DurationInfo}. */
public record DurationInfo(long nanoseconds) {
  public static DurationInfo of(Duration duration) {
    return new DurationInfo(duration.toNanos());
  }

  public Duration toDuration() {
    return Duration.ofNanos(nanoseconds);
  }
}
