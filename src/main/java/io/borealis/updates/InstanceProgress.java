package io.borealis.updates;

import java.time.Instant;

/** Where one instance of an update's pass stands once the pass has started it. */
public record InstanceProgress(Phase phase, Instant startedAt, String reason) {
  public enum Phase { IN_FLIGHT, SUCCEEDED, FAILED }

  static InstanceProgress started(Instant at) {
    return new InstanceProgress(Phase.IN_FLIGHT, at, null);
  }

  InstanceProgress succeeded() {
    return new InstanceProgress(Phase.SUCCEEDED, startedAt, null);
  }

  InstanceProgress failed(String why) {
    return new InstanceProgress(Phase.FAILED, startedAt, why);
  }

  public boolean isDone() {
    return phase != Phase.IN_FLIGHT;
  }
}
