package io.borealis.updates;

import static org.assertj.core.api.Assertions.assertThat;

import io.borealis.model.JobConfig;
import io.borealis.model.UpdateConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.BiPredicate;
import org.junit.jupiter.api.Test;

/** Whole updates driven to their end against a simulated job, with a virtual clock. */
class UpdatePlannerTest {
  private static final Instant T0 = Instant.parse("2026-11-29T12:00:00Z");
  private static final UpdatePlanner PLANNER = new UpdatePlanner(Duration.ofMinutes(5));

  private Instant now = T0;
  private final List<UpdateStep.InstanceEvent> events = new ArrayList<>();
  private final List<String> reasons = new ArrayList<>();

  private static JobConfig job(String cmdline, int instances) {
    return SimulatedJob.config(cmdline, instances);
  }

  private static UpdateConfig batches(int size, boolean autopause) {
    return new UpdateConfig(size, 10, 0, 0, true, false, null, false,
        new UpdateConfig.Strategy(UpdateConfig.Strategy.Kind.BATCH, size, List.of(), autopause));
  }

  private static UpdateConfig queue(int size, int watch, int maxTotalFailures) {
    return new UpdateConfig(size, watch, 0, maxTotalFailures, true, false, null, false, null);
  }

  private UpdateState drive(UpdateState update, SimulatedJob job) {
    SimulatedJob.Run run = job.drive(PLANNER, update, now);
    events.addAll(run.events());
    reasons.addAll(run.reasons());
    now = run.end();
    return run.update();
  }

  private List<Integer> order(InstanceAction action) {
    return events.stream().filter(e -> e.action() == action).map(UpdateStep.InstanceEvent::instance).toList();
  }

  @Test
  void aFailureInTheLastBatchRollsBackEveryTouchedInstanceInReverseBatches() {
    JobConfig v1 = job("v1", 9);
    JobConfig v2 = job("v2", 9);
    SimulatedJob job = new SimulatedJob(v1, (instance, config) -> instance == 8 && config == v2, now);
    UpdateState update = UpdateState.start("u1", v1.key(), batches(3, false), UpdateDiff.between(job.runningConfigs(), v2, null), now);

    update = drive(update, job);

    assertThat(update.status()).isEqualTo(UpdateStatus.ROLLED_BACK);
    assertThat(order(InstanceAction.INSTANCE_UPDATING)).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8);
    assertThat(order(InstanceAction.INSTANCE_UPDATE_FAILED)).containsExactly(8);
    assertThat(order(InstanceAction.INSTANCE_ROLLING_BACK)).containsExactly(8, 7, 6, 5, 4, 3, 2, 1, 0);
    assertThat(order(InstanceAction.INSTANCE_ROLLED_BACK)).hasSize(9);
    assertThat(batchesOf(InstanceAction.INSTANCE_ROLLING_BACK)).containsExactly(List.of(8, 7, 6), List.of(5, 4, 3), List.of(2, 1, 0));
    assertThat(job.runningConfigs().values()).allSatisfy(config -> assertThat(config).isSameAs(v1));
    assertThat(reasons).anySatisfy(reason -> assertThat(reason).contains("instance 8").contains("max_per_shard_failures 0"));
    assertThat(job.maxInFlight()).isLessThanOrEqualTo(3);
  }

  /** Instances whose events of one kind share a timestamp: the batches they were started in. */
  private List<List<Integer>> batchesOf(InstanceAction action) {
    List<List<Integer>> batches = new ArrayList<>();
    Instant last = null;
    for (UpdateStep.InstanceEvent event : events) {
      if (event.action() == action) {
        if (!event.at().equals(last)) {
          batches.add(new ArrayList<>());
          last = event.at();
        }
        batches.get(batches.size() - 1).add(event.instance());
      }
    }
    return batches;
  }

  @Test
  void aQueueKeepsAtMostItsSizeInFlightAndWaitsForWatchSecs() {
    JobConfig v1 = job("v1", 10);
    JobConfig v2 = job("v2", 10);
    SimulatedJob job = new SimulatedJob(v1, (instance, config) -> false, now);
    UpdateState update = UpdateState.start("u2", v1.key(), queue(3, 30, 0), UpdateDiff.between(job.runningConfigs(), v2, null), now);

    update = drive(update, job);

    assertThat(update.status()).isEqualTo(UpdateStatus.ROLLED_FORWARD);
    assertThat(order(InstanceAction.INSTANCE_UPDATED)).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
    assertThat(job.maxInFlight()).isEqualTo(3);
    assertThat(job.runningConfigs().values()).allSatisfy(config -> assertThat(config).isSameAs(v2));
    assertThat(Duration.between(T0, now)).as("four waves of 30 s watch").isGreaterThanOrEqualTo(Duration.ofSeconds(120));
  }

  @Test
  void aCanaryTouchesOnlyItsInstances() {
    JobConfig v1 = job("v1", 5);
    JobConfig v2 = job("v2", 5);
    SimulatedJob job = new SimulatedJob(v1, (instance, config) -> false, now);
    List<InstanceGoal> goals = UpdateDiff.between(job.runningConfigs(), v2, Set.of(0, 1));
    UpdateState update = drive(UpdateState.start("u3", v1.key(), queue(1, 0, 0), goals, now), job);

    assertThat(update.status()).isEqualTo(UpdateStatus.ROLLED_FORWARD);
    assertThat(job.runningConfigs()).containsEntry(0, v2).containsEntry(1, v2).containsEntry(2, v1).containsEntry(3, v1)
        .containsEntry(4, v1);
  }

  @Test
  void scalingUpAddsAndScalingDownRemovesInAurorasOrder() {
    JobConfig three = job("v1", 3);
    SimulatedJob job = new SimulatedJob(three, (instance, config) -> false, now);
    JobConfig fiveChanged = job("v2", 5);
    List<InstanceGoal> goals = UpdateDiff.between(job.runningConfigs(), fiveChanged, null);
    assertThat(goals).extracting(InstanceGoal::instance).containsExactly(3, 4, 0, 1, 2);
    assertThat(UpdateDiff.between(job.runningConfigs(), job("v1", 1), null))
        .extracting(InstanceGoal::instance, InstanceGoal::kind)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(1, InstanceGoal.Kind.REMOVE), org.assertj.core.groups.Tuple.tuple(2, InstanceGoal.Kind.REMOVE));
    assertThat(UpdateDiff.between(job.runningConfigs(), job("v1", 3), null)).as("unchanged job").isEmpty();

    UpdateState update = drive(UpdateState.start("u4", three.key(), queue(2, 0, 0), UpdateDiff.between(job.runningConfigs(),
        job("v1", 1), null), now), job);
    assertThat(update.status()).isEqualTo(UpdateStatus.ROLLED_FORWARD);
    assertThat(job.runningConfigs()).containsOnlyKeys(0);
  }

  @Test
  void anAutopausedBatchWaitsForResume() {
    JobConfig v1 = job("v1", 4);
    JobConfig v2 = job("v2", 4);
    SimulatedJob job = new SimulatedJob(v1, (instance, config) -> false, now);
    UpdateState update = drive(UpdateState.start("u5", v1.key(), batches(2, true), UpdateDiff.between(job.runningConfigs(), v2, null),
        now), job);
    assertThat(update.status()).isEqualTo(UpdateStatus.ROLL_FORWARD_PAUSED);
    assertThat(order(InstanceAction.INSTANCE_UPDATED)).containsExactly(0, 1);

    update = UpdatePlanner.command(update, UpdateCommand.RESUME, now).orElseThrow();
    update = drive(update, job);
    assertThat(update.status()).isEqualTo(UpdateStatus.ROLLED_FORWARD);
    assertThat(order(InstanceAction.INSTANCE_UPDATED)).containsExactly(0, 1, 2, 3);
  }

  @Test
  void aTaskThatRunsButStaysUnhealthyFailsAtTheProgressDeadline() {
    JobConfig v1 = job("v1", 1);
    JobConfig v2 = job("v2", 1);
    SimulatedJob job = new SimulatedJob(v1, (instance, config) -> false, now);
    job.setHealthy(0, false);
    UpdateState update = drive(UpdateState.start("u6", v1.key(), new UpdateConfig(1, 10, 0, 0, false, false, null, false, null),
        UpdateDiff.between(job.runningConfigs(), v2, null), now), job);

    assertThat(update.status()).isEqualTo(UpdateStatus.FAILED);
    assertThat(Duration.between(T0, now)).isEqualTo(Duration.ofMinutes(5));
    assertThat(events).last().satisfies(e -> assertThat(e.message()).contains("RUNNING but unhealthy"));
  }

  @Test
  void failuresWithinMaxTotalFailuresStillRollForward() {
    JobConfig v1 = job("v1", 4);
    JobConfig v2 = job("v2", 4);
    BiPredicate<Integer, JobConfig> instanceTwoFails = (instance, config) -> instance == 2 && config == v2;
    SimulatedJob job = new SimulatedJob(v1, instanceTwoFails, now);
    UpdateState update = drive(UpdateState.start("u7", v1.key(), queue(1, 0, 1), UpdateDiff.between(job.runningConfigs(), v2, null),
        now), job);
    assertThat(update.status()).isEqualTo(UpdateStatus.ROLLED_FORWARD);
    assertThat(order(InstanceAction.INSTANCE_UPDATE_FAILED)).containsExactly(2);
  }

  @Test
  void aUserRollbackUndoesOnlyWhatWasStarted() {
    JobConfig v1 = job("v1", 6);
    JobConfig v2 = job("v2", 6);
    SimulatedJob job = new SimulatedJob(v1, (instance, config) -> false, now);
    UpdateState update = drive(UpdateState.start("u8", v1.key(), batches(2, true), UpdateDiff.between(job.runningConfigs(), v2, null),
        now), job);
    update = UpdatePlanner.command(update, UpdateCommand.ROLLBACK, now).orElseThrow();
    update = drive(update, job);
    assertThat(update.status()).isEqualTo(UpdateStatus.ROLLED_BACK);
    assertThat(order(InstanceAction.INSTANCE_ROLLING_BACK)).containsExactly(1, 0);
    assertThat(job.runningConfigs().values()).allSatisfy(config -> assertThat(config).isSameAs(v1));
    assertThat(UpdatePlanner.command(update, UpdateCommand.PAUSE, now)).as("a finished update takes no commands").isEmpty();
  }

  @Test
  void aCoordinatedUpdateWaitsForAPulseOncePulseIntervalPasses() {
    JobConfig v1 = job("v1", 3);
    JobConfig v2 = job("v2", 3);
    SimulatedJob job = new SimulatedJob(v1, (instance, config) -> false, now);
    UpdateConfig pulsed = new UpdateConfig(1, 20, 0, 0, true, false, 30, false, null);
    UpdateState update = drive(UpdateState.start("u9", v1.key(), pulsed, UpdateDiff.between(job.runningConfigs(), v2, null), now),
        job);
    assertThat(update.status()).as("no pulse for 30 s").isEqualTo(UpdateStatus.ROLL_FORWARD_AWAITING_PULSE);
    assertThat(order(InstanceAction.INSTANCE_UPDATED)).as("20 s watch: one instance done before the pulse was due")
        .containsExactly(0);

    update = UpdatePlanner.command(update, UpdateCommand.PULSE, now).orElseThrow();
    assertThat(update.status()).isEqualTo(UpdateStatus.ROLLING_FORWARD);
    update = drive(update, job);
    assertThat(update.status()).as("another 30 s: one more instance").isEqualTo(UpdateStatus.ROLL_FORWARD_AWAITING_PULSE);
    update = drive(UpdatePlanner.command(update, UpdateCommand.PULSE, now).orElseThrow(), job);
    assertThat(update.status()).isEqualTo(UpdateStatus.ROLLED_FORWARD);
    assertThat(order(InstanceAction.INSTANCE_UPDATED)).containsExactly(0, 1, 2);
  }
}
