package io.borealis.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.borealis.model.HealthCheckConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Aurora's consecutive-success and consecutive-failure rules, over sequences of probe results. */
class HealthProbesTest {
  private static HealthCheckConfig config(int maxFailures, int minSuccesses) {
    return new HealthCheckConfig(HealthCheckConfig.HttpChecker.DEFAULT, null, 15.0, 10.0, maxFailures, minSuccesses, 1.0);
  }

  /** Results: + a successful probe, - a failed one. Verdicts after each probe: ? none yet, H healthy, U unhealthy. */
  @ParameterizedTest(name = "max failures {0}, min successes {1}: {2} -> {3}")
  @CsvSource({
      "0, 1, +,      H",
      "0, 1, -,      U",
      "0, 1, +-+,    HUH",
      "0, 2, ++,     ?H",
      "0, 2, +-++,   ?UUH",
      "1, 1, --,     ?U",
      "1, 1, +-+-,   HHHH",
      "2, 1, +---+,  HHHUH",
      "0, 0, +,      H",
  })
  void verdictsFollowConsecutiveResults(int maxFailures, int minSuccesses, String results, String verdicts) {
    HealthProbes probes = HealthProbes.start(config(maxFailures, minSuccesses));
    List<String> seen = new ArrayList<>();
    for (char result : results.toCharArray()) {
      probes = probes.after(result == '+' ? null : "status 500");
      seen.add(probes.healthy() == null ? "?" : probes.healthy() ? "H" : "U");
    }
    assertThat(String.join("", seen)).isEqualTo(verdicts);
  }

  @Test
  void probesStartAfterTheInitialIntervalAndRepeatEveryInterval() {
    HealthProbes probes = HealthProbes.start(new HealthCheckConfig(HealthCheckConfig.HttpChecker.DEFAULT, null, 2.5, 0.5, 0, 1, 0.25));
    Instant running = Instant.parse("2026-11-29T12:00:00Z");
    assertThat(probes.firstProbeAt(running)).isEqualTo(running.plusMillis(2500));
    assertThat(probes.nextProbeAt(running)).isEqualTo(running.plusMillis(500));
    assertThat(probes.timeout()).isEqualTo(Duration.ofMillis(250));
    assertThat(probes.after("connection refused").lastProblem()).isEqualTo("connection refused");
    assertThat(Arrays.asList(probes.after(null).lastProblem())).containsOnlyNulls();
  }
}
