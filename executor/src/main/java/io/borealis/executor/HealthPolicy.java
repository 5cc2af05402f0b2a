package io.borealis.executor;

/**
 * Aurora's health-check counting rules as a pure function: from the standing so far and one
 * check's result, the new standing and whether health changed. No I/O, no clock: the checks' timing
 * is {@link HealthMonitor}'s, and a snoozed check never gets here (it does not count).
 *
 * <p>The rules (Aurora's {@code HealthChecker}):
 * <ul>
 *   <li>until healthy, the first {@code forgivenAttempts} = ceil(initial_interval / interval) checks
 *       may fail without consequence: with the defaults 15 s / 10 s that is 2 checks;
 *   <li>{@code min_consecutive_successes} passes in a row make the task healthy;
 *   <li>more than {@code max_consecutive_failures} counted failures in a row make it unhealthy;
 *   <li>fail fast: until healthy, when the checks left of {@code forgiven + max_failures +
 *       min_successes} cannot add up to the passes still needed, a failure makes it unhealthy.
 *       With forgiven 2, max 0, min 3: after attempt 4 fails with no passes, 3 passes are needed in
 *       the 1 attempt left, so it is unhealthy at once.
 * </ul>
 * Unhealthy is final: the executor kills the task.
 */
final class HealthPolicy {
  enum Verdict { UNCHANGED, BECAME_HEALTHY, BECAME_UNHEALTHY }

  /**
   * @param forgivenAttempts ceil(initial_interval / interval)
   */
  record Rules(int forgivenAttempts, int maxConsecutiveFailures, int minConsecutiveSuccesses) {
    static Rules of(HealthCheckConfig config) {
      long interval = config.interval().toMillis();
      int forgiven = (int) ((config.initialInterval().toMillis() + interval - 1) / interval);
      return new Rules(forgiven, config.maxConsecutiveFailures(), config.minConsecutiveSuccesses());
    }

    int attemptsToHealthy() {
      return forgivenAttempts + maxConsecutiveFailures + minConsecutiveSuccesses;
    }
  }

  /** @param attempts checks done (snoozed ones are not) */
  record Standing(int attempts, int successes, int failures, boolean healthy, boolean unhealthy) {
    static final Standing INITIAL = new Standing(0, 0, 0, false, false);
  }

  /** @param reason for BECAME_UNHEALTHY, why; else null */
  record Step(Standing standing, Verdict verdict, String reason) {}

  private HealthPolicy() {}

  /**
   * @param passed the check's result
   * @param why what the check saw when it failed ("HTTP 500", "exit code 1")
   */
  static Step step(Rules rules, Standing standing, boolean passed, String why) {
    if (standing.unhealthy()) {
      return new Step(standing, Verdict.UNCHANGED, null);
    }
    int attempts = standing.attempts() + 1;
    if (passed) {
      int successes = standing.successes() + 1;
      boolean healthy = standing.healthy() || successes >= rules.minConsecutiveSuccesses();
      Standing next = new Standing(attempts, successes, 0, healthy, false);
      return new Step(next, healthy && !standing.healthy() ? Verdict.BECAME_HEALTHY : Verdict.UNCHANGED, null);
    }
    if (!standing.healthy() && attempts <= rules.forgivenAttempts()) {
      return new Step(new Standing(attempts, 0, standing.failures(), false, false), Verdict.UNCHANGED, null);
    }
    int failures = standing.failures() + 1;
    // A failure resets the passes, so all min_consecutive_successes are still needed.
    boolean tooLate = !standing.healthy() && rules.minConsecutiveSuccesses() > rules.attemptsToHealthy() - attempts;
    if (failures > rules.maxConsecutiveFailures() || tooLate) {
      String reason = tooLate && failures <= rules.maxConsecutiveFailures()
          ? "not enough successful health checks within " + rules.attemptsToHealthy() + " attempts, the last: " + why
          : failures + " consecutive failed health check(s), the last: " + why;
      return new Step(new Standing(attempts, 0, failures, standing.healthy(), true), Verdict.BECAME_UNHEALTHY, reason);
    }
    return new Step(new Standing(attempts, 0, failures, standing.healthy(), false), Verdict.UNCHANGED, null);
  }
}
