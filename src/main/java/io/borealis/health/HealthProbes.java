package io.borealis.health;

import io.borealis.model.HealthCheckConfig;
import java.time.Duration;
import java.time.Instant;

/**
 * One task's probes so far. {@code healthy} is null until the first verdict; each probe result gives
 * the next state, and whether the verdict changed is for the caller to compare.
 */
public record HealthProbes(HealthCheckConfig config, int consecutiveSuccesses, int consecutiveFailures, Boolean healthy,
    String lastProblem) {

  public static HealthProbes start(HealthCheckConfig config) {
    return new HealthProbes(config, 0, 0, null, null);
  }

  /** When to probe a task that became RUNNING at {@code runningSince} for the first time. */
  public Instant firstProbeAt(Instant runningSince) {
    return runningSince.plus(seconds(config.initialIntervalSecs()));
  }

  /** When to probe again after a probe that ended at {@code now}. */
  public Instant nextProbeAt(Instant now) {
    return now.plus(seconds(config.intervalSecs()));
  }

  /** How long one probe may take before it counts as failed. */
  public Duration timeout() {
    return seconds(config.timeoutSecs());
  }

  /** @param problem why the probe failed, or null when it succeeded */
  public HealthProbes after(String problem) {
    if (problem == null) {
      int successes = consecutiveSuccesses + 1;
      boolean nowHealthy = successes >= Math.max(1, config.minConsecutiveSuccesses());
      return new HealthProbes(config, successes, 0, nowHealthy ? Boolean.TRUE : healthy, null);
    }
    int failures = consecutiveFailures + 1;
    return new HealthProbes(config, 0, failures, failures > config.maxConsecutiveFailures() ? Boolean.FALSE : healthy, problem);
  }

  private static Duration seconds(double value) {
    return Duration.ofNanos(Math.round(value * 1e9));
  }
}
