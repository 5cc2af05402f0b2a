package io.borealis.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.borealis.model.HealthCheckConfig;
import io.borealis.model.JobConfig;
import io.borealis.model.JobKey;
import io.borealis.model.ProcessConfig;
import io.borealis.model.Resources;
import io.borealis.model.ScheduledTask;
import io.borealis.model.TaskConfig;
import io.borealis.model.TaskEvent;
import io.borealis.model.TaskState;
import io.borealis.model.UpdateConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LifecyclePoliciesTest {
  private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");
  private static final LifecycleSettings AURORA = LifecycleSettings.AURORA_DEFAULTS;
  private static final JobConfig JOB = new JobConfig(JobKey.parse("c/r/e/j"), 1, true, 1, null, false, 0, null,
      new TaskConfig("t", List.of(ProcessConfig.of("p", "sleep 1")), List.of(), new Resources(1, 1 << 20, 1 << 20, 0), 1, 0, 30),
      Map.of(), HealthCheckConfig.DEFAULT, UpdateConfig.DEFAULT, null, null, null);

  /** A task that went through {@code states}, one every {@code step} from T0. */
  private static ScheduledTask task(Duration step, TaskState... states) {
    List<TaskEvent> events = new ArrayList<>();
    for (int i = 0; i < states.length; i++) {
      events.add(new TaskEvent(T0.plus(step.multipliedBy(i)), states[i], null));
    }
    return new ScheduledTask("id", JOB, 0, states[states.length - 1], "agent", "host", Map.of(), 0, null, events);
  }

  @ParameterizedTest(name = "{0} for {1} s: timed out = {2}")
  @CsvSource({
      "ASSIGNED, 299, false", "ASSIGNED, 300, true", "STARTING, 300, true", "KILLING, 301, true",
      "PREEMPTING, 300, true", "RESTARTING, 300, true", "DRAINING, 300, true",
      "RUNNING, 3000, false", "PENDING, 3000, false", "THROTTLED, 3000, false", "PARTITIONED, 3000, false",
  })
  void tasksStuckInAPassingStateTimeOut(TaskState state, long seconds, boolean timedOut) {
    ScheduledTask stuck = task(Duration.ZERO, state);
    assertThat(TransientStatePolicy.timedOut(stuck, T0.plusSeconds(seconds), AURORA)).isEqualTo(timedOut);
  }

  @ParameterizedTest(name = "KILLING for {0} s: {1} retries due")
  @CsvSource({"0, 0", "14, 0", "15, 1", "44, 1", "45, 2", "104, 2", "105, 3", "225, 4", "299, 4"})
  void killsAreResentWithADoublingInterval(long seconds, int retries) {
    assertThat(TransientStatePolicy.killRetriesDue(task(Duration.ZERO, TaskState.KILLING), T0.plusSeconds(seconds), AURORA))
        .isEqualTo(retries);
  }

  @Test
  void onlyTasksBeingKilledGetKillRetries() {
    assertThat(TransientStatePolicy.killRetriesDue(task(Duration.ZERO, TaskState.STARTING), T0.plusSeconds(100), AURORA)).isZero();
  }

  @Test
  void aRunShorterThanTheThresholdIsThrottledThirtySeconds() {
    ScheduledTask shortRun = task(Duration.ofSeconds(10), TaskState.PENDING, TaskState.RUNNING, TaskState.FAILED);
    assertThat(FlappingPolicy.penalty(List.of(shortRun), AURORA)).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void aRunLongerThanTheThresholdIsNotThrottled() {
    ScheduledTask longRun = task(Duration.ofMinutes(6), TaskState.PENDING, TaskState.RUNNING, TaskState.FAILED);
    assertThat(FlappingPolicy.penalty(List.of(longRun), AURORA)).isZero();
  }

  @Test
  void aRunThatNeverReachedRunningDidNotFlap() {
    ScheduledTask neverRan = task(Duration.ofSeconds(1), TaskState.PENDING, TaskState.ASSIGNED, TaskState.LOST);
    assertThat(FlappingPolicy.penalty(List.of(neverRan), AURORA)).isZero();
  }

  @Test
  void aRunStoppedOnPurposeIsNotFlapping() {
    ScheduledTask killed = task(Duration.ofSeconds(1), TaskState.RUNNING, TaskState.KILLING, TaskState.KILLED);
    assertThat(FlappingPolicy.penalty(List.of(killed), AURORA)).isZero();
  }

  @ParameterizedTest(name = "{0} consecutive flaps: {1} s")
  @CsvSource({"1, 30", "2, 60", "3, 120", "4, 240", "5, 300", "9, 300"})
  void eachFurtherFlappingAncestorDoublesTheWaitUpToTheCap(int flaps, long seconds) {
    ScheduledTask flap = task(Duration.ofSeconds(5), TaskState.RUNNING, TaskState.FAILED);
    List<ScheduledTask> ancestry = new ArrayList<>();
    for (int i = 0; i < flaps; i++) {
      ancestry.add(flap);
    }
    ancestry.add(task(Duration.ofHours(1), TaskState.RUNNING, TaskState.FAILED));
    ancestry.add(flap);
    assertThat(FlappingPolicy.penalty(ancestry, AURORA)).isEqualTo(Duration.ofSeconds(seconds));
  }
}
