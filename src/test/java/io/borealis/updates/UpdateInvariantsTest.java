package io.borealis.updates;

import static org.assertj.core.api.Assertions.assertThat;

import io.borealis.model.JobConfig;
import io.borealis.model.UpdateConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Properties over many random updates (job size, strategy, batch size, which instances fail): an
 * update never has more of its own instances in flight than its batch or queue allows, ends in a
 * final status, and a rollback restores exactly the configs it started from, last touched first.
 */
class UpdateInvariantsTest {
  private static final UpdatePlanner PLANNER = new UpdatePlanner(Duration.ofMinutes(5));
  private static final int RUNS = 500;

  @Test
  void randomUpdatesKeepTheirLimitsAndRollBackExactly() {
    long seed = Long.getLong("borealis.update.seed", 20261129L);
    Random random = new Random(seed);
    for (int run = 0; run < RUNS; run++) {
      int before = 1 + random.nextInt(12);
      int after = 1 + random.nextInt(12);
      int size = 1 + random.nextInt(4);
      boolean batch = random.nextBoolean();
      int maxTotalFailures = random.nextInt(2);
      Set<Integer> failing = new HashSet<>();
      for (int i = 0; i < Math.max(before, after); i++) {
        if (random.nextInt(8) == 0) {
          failing.add(i);
        }
      }
      UpdateConfig settings = new UpdateConfig(size, random.nextInt(3) * 10, 0, maxTotalFailures, true, false, null, false,
          batch ? new UpdateConfig.Strategy(UpdateConfig.Strategy.Kind.BATCH, size, List.of(), false) : null);
      String context = "run " + run + " (seed " + seed + "): " + before + " -> " + after + " instances, "
          + (batch ? "batch " : "queue ") + size + ", failing " + failing + ", max_total_failures " + maxTotalFailures;
      check(SimulatedJob.config("v1", before), SimulatedJob.config("v2", after), settings, failing, context);
    }
  }

  private static void check(JobConfig v1, JobConfig v2, UpdateConfig settings, Set<Integer> failing, String context) {
    Instant now = Instant.parse("2026-11-29T12:00:00Z");
    SimulatedJob job = new SimulatedJob(v1, (instance, config) -> config == v2 && failing.contains(instance), now);
    var initial = job.runningConfigs();
    UpdateState update = UpdateState.start("u", v1.key(), settings, UpdateDiff.between(initial, v2, null), now);
    SimulatedJob.Run run = job.drive(PLANNER, update, now);
    update = run.update();
    List<UpdateStep.InstanceEvent> events = run.events();
    assertThat(update.status()).as(context).isIn(UpdateStatus.ROLLED_FORWARD, UpdateStatus.ROLLED_BACK, UpdateStatus.FAILED);
    assertThat(job.maxInFlight()).as(context).isLessThanOrEqualTo(settings.batchSize());
    if (update.status() == UpdateStatus.ROLLED_BACK) {
      assertThat(job.runningConfigs()).as(context + ": rollback restores the initial configs").isEqualTo(initial);
      List<Integer> started = events.stream().filter(e -> e.action() == InstanceAction.INSTANCE_UPDATING)
          .map(UpdateStep.InstanceEvent::instance).toList();
      List<Integer> undone = events.stream().filter(e -> e.action() == InstanceAction.INSTANCE_ROLLING_BACK)
          .map(UpdateStep.InstanceEvent::instance).toList();
      List<Integer> reversed = new ArrayList<>(started);
      java.util.Collections.reverse(reversed);
      assertThat(undone).as(context + ": rollback order").isEqualTo(reversed);
    } else if (update.status() == UpdateStatus.ROLLED_FORWARD) {
      // A failed instance (within max_total_failures) is left as its failure left it: in the simulation
      // nothing reschedules it; every other instance runs the new config.
      for (int instance = 0; instance < Math.max(v1.instances(), v2.instances()); instance++) {
        JobConfig running = job.runningConfigs().get(instance);
        if (instance >= v2.instances()) {
          assertThat(running).as(context + ": instance " + instance + " removed").isNull();
        } else if (!failing.contains(instance)) {
          assertThat(running).as(context + ": instance " + instance).isSameAs(v2);
        }
      }
    }
  }
}
