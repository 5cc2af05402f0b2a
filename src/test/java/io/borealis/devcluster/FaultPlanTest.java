package io.borealis.devcluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code borealis local --faults=PLAN}: what a plan means, and what each mistake in one is told. */
class FaultPlanTest {
  @Test
  void readsFaultsWithTheEndpointsNamesAndParametersAndWhenEachIsDue() {
    FaultPlan plan = FaultPlan.parse("cut-streams@10s, restart-master?downtime_seconds=2&recovery_seconds=0.5@1m,"
        + "unavailable?seconds=5@1.5s,replace-stream-ids,redirect?seconds=3&location=//other%3A5050/api/v1/scheduler@250ms,"
        + "partition-agent?agent=agent-a@2h");
    assertThat(plan.entries()).extracting(FaultPlan.Entry::at).containsExactly(Duration.ofSeconds(10), Duration.ofMinutes(1),
        Duration.ofMillis(1500), Duration.ZERO, Duration.ofMillis(250), Duration.ofHours(2));
    assertThat(plan.entries()).extracting(e -> e.command().name()).containsExactly("cut-streams", "restart-master", "unavailable",
        "replace-stream-ids", "redirect", "partition-agent");
    assertThat(plan.entries().get(4).command().text()).as("parameters decoded").isEqualTo("redirect?seconds=3&location=//other:5050/api/v1/scheduler");
    assertThat(plan.toString()).startsWith("cut-streams@10s,restart-master?downtime_seconds=2&recovery_seconds=0.5@1m,");
  }

  @Test
  void anEmptyPlanIsNoFaults() {
    assertThat(FaultPlan.parse("").isEmpty()).isTrue();
    assertThat(FaultPlan.parse(null).entries()).isEqualTo(List.of());
  }

  static Stream<Arguments> mistakes() {
    return Stream.of(
        Arguments.of("cut-streamz@10s", "fault 1 of 1 ('cut-streamz@10s'): unknown fault 'cut-streamz'; known: cut-streams, "
            + "replace-stream-ids, withhold-heartbeats?seconds=, unavailable?seconds=, redirect?seconds=&location=, "
            + "restart-master?downtime_seconds=&recovery_seconds=, partition-agent?agent=, heal-agent?agent=, clear"),
        Arguments.of("cut-streams@10", "fault 1 of 1 ('cut-streams@10'): '10' after '@' is not a time after the start; "
            + "write e.g. 500ms, 10s, 2m or 1h"),
        Arguments.of("cut-streams@10s,,clear", "fault 2 of 3 (''): empty; write <fault>[?<params>][@<when>], e.g. cut-streams@10s"),
        Arguments.of("cut-streams,unavailable@5s", "fault 2 of 2 ('unavailable@5s'): 'seconds' (a number of seconds) is required"),
        Arguments.of("unavailable?seconds=ten@5s", "fault 1 of 1 ('unavailable?seconds=ten@5s'): 'seconds' must be a number of seconds, got 'ten'"),
        Arguments.of("unavailable?secs=10", "fault 1 of 1 ('unavailable?secs=10'): fault 'unavailable' has no parameter 'secs'; it takes seconds"),
        Arguments.of("clear?now=1", "fault 1 of 1 ('clear?now=1'): fault 'clear' has no parameter 'now'; it takes none"),
        Arguments.of("unavailable?seconds", "fault 1 of 1 ('unavailable?seconds'): parameter 'seconds' is not <name>=<value>"),
        Arguments.of("unavailable?seconds=1&seconds=2", "fault 1 of 1 ('unavailable?seconds=1&seconds=2'): parameter 'seconds' is given twice"),
        Arguments.of("heal-agent@1m", "fault 1 of 1 ('heal-agent@1m'): 'agent' (an agent id or hostname) is required"),
        Arguments.of("withhold-heartbeats?seconds=-1", "fault 1 of 1 ('withhold-heartbeats?seconds=-1'): 'seconds' must be a number of seconds, got '-1'"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("mistakes")
  void aMistakeIsRefusedNamingTheEntryAndWhatIsWrong(String plan, String message) {
    assertThatThrownBy(() -> FaultPlan.parse(plan)).isInstanceOf(IllegalArgumentException.class).hasMessage(message);
  }
}
