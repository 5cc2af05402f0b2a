package io.borealis.executor;

import static io.borealis.executor.HealthPolicy.Verdict.BECAME_HEALTHY;
import static io.borealis.executor.HealthPolicy.Verdict.BECAME_UNHEALTHY;
import static io.borealis.executor.HealthPolicy.Verdict.UNCHANGED;
import static org.assertj.core.api.Assertions.assertThat;

import io.borealis.executor.HealthPolicy.Rules;
import io.borealis.executor.HealthPolicy.Standing;
import io.borealis.executor.HealthPolicy.Step;
import io.borealis.executor.HealthPolicy.Verdict;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class HealthPolicyTest {
  /**
   * A run of check results ('+' passed, '-' failed) and the verdict after each one.
   */
  record Case(Rules rules, String results, List<Verdict> expected) {}

  static Stream<Arguments> runs() {
    Rules defaults = new Rules(2, 0, 1);
    return Stream.of(
        named("the first pass makes it healthy", new Case(defaults, "+", List.of(BECAME_HEALTHY))),
        named("forgiven failures, then a pass", new Case(defaults, "--+",
            List.of(UNCHANGED, UNCHANGED, BECAME_HEALTHY))),
        named("the failure after the forgiven ones is one too many", new Case(defaults, "---",
            List.of(UNCHANGED, UNCHANGED, BECAME_UNHEALTHY))),
        named("once healthy, the first failure exceeds max 0", new Case(defaults, "++-",
            List.of(BECAME_HEALTHY, UNCHANGED, BECAME_UNHEALTHY))),
        named("once healthy, nothing is forgiven any more", new Case(new Rules(5, 0, 1), "+-",
            List.of(BECAME_HEALTHY, BECAME_UNHEALTHY))),
        named("max 2 allows two failures in a row, a pass resets them", new Case(new Rules(0, 2, 1), "+--+--+---",
            List.of(BECAME_HEALTHY, UNCHANGED, UNCHANGED, UNCHANGED, UNCHANGED, UNCHANGED, UNCHANGED, UNCHANGED,
                UNCHANGED, BECAME_UNHEALTHY))),
        named("three passes in a row are needed; a failure restarts the count", new Case(new Rules(1, 5, 3), "-++-+++",
            List.of(UNCHANGED, UNCHANGED, UNCHANGED, UNCHANGED, UNCHANGED, UNCHANGED, BECAME_HEALTHY))),
        named("fail fast: forgiven 2, max 5, min 3 allow 10 attempts; after the 8th, 2 are left for 3 passes",
            new Case(new Rules(2, 5, 3), "--+-+-+-",
                List.of(UNCHANGED, UNCHANGED, UNCHANGED, UNCHANGED, UNCHANGED, UNCHANGED, UNCHANGED, BECAME_UNHEALTHY))),
        named("no fail fast while the passes needed still fit", new Case(new Rules(2, 5, 3), "--+-+-+++",
            List.of(UNCHANGED, UNCHANGED, UNCHANGED, UNCHANGED, UNCHANGED, UNCHANGED, UNCHANGED, UNCHANGED, BECAME_HEALTHY))),
        named("unhealthy is final", new Case(defaults, "---+",
            List.of(UNCHANGED, UNCHANGED, BECAME_UNHEALTHY, UNCHANGED))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("runs")
  void countsAsAurora(Case run) {
    Standing standing = Standing.INITIAL;
    List<Verdict> verdicts = new ArrayList<>();
    for (char result : run.results().toCharArray()) {
      Step step = HealthPolicy.step(run.rules(), standing, result == '+', "HTTP 500");
      standing = step.standing();
      verdicts.add(step.verdict());
    }
    assertThat(verdicts).isEqualTo(run.expected());
  }

  @Test
  void theUnhealthyVerdictSaysWhy() {
    Standing healthy = HealthPolicy.step(new Rules(0, 0, 1), Standing.INITIAL, true, null).standing();

    Step step = HealthPolicy.step(new Rules(0, 0, 1), healthy, false, "HTTP 500");

    assertThat(step.verdict()).isEqualTo(BECAME_UNHEALTHY);
    assertThat(step.reason()).isEqualTo("1 consecutive failed health check(s), the last: HTTP 500");
    assertThat(step.standing().unhealthy()).isTrue();
  }

  @Test
  void failingFastSaysSo() {
    Standing standing = Standing.INITIAL;
    Step step = null;
    for (char result : "--+-+-+-".toCharArray()) {
      step = HealthPolicy.step(new Rules(2, 5, 3), standing, result == '+', "HTTP 503");
      standing = step.standing();
    }
    assertThat(step.reason()).isEqualTo("not enough successful health checks within 10 attempts, the last: HTTP 503");
  }

  @Test
  void forgivenAttemptsAreInitialIntervalOverIntervalRoundedUp() {
    assertThat(Rules.of(config(15, 10)).forgivenAttempts()).isEqualTo(2);
    assertThat(Rules.of(config(0.2, 0.2)).forgivenAttempts()).isEqualTo(1);
    assertThat(Rules.of(config(0, 10)).forgivenAttempts()).isZero();
    assertThat(Rules.of(config(30, 10)).forgivenAttempts()).isEqualTo(3);
  }

  private static HealthCheckConfig config(double initialSecs, double intervalSecs) {
    return new HealthCheckConfig("/health", "ok", 0, null, Duration.ofMillis(Math.round(initialSecs * 1000)),
        Duration.ofMillis(Math.round(intervalSecs * 1000)), 0, 1, Duration.ofSeconds(1));
  }

  private static Arguments named(String name, Case run) {
    return Arguments.of(Named.of(name, run));
  }
}
