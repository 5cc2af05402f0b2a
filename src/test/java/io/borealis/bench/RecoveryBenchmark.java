package io.borealis.bench;

import io.borealis.config.JobJson;
import io.borealis.events.StateRequests;
import io.borealis.mesos.wire.SchedulerCall;
import io.borealis.model.JobKey;
import io.borealis.model.ScheduledTask;
import io.borealis.scheduler.SchedulerOnRecordingMaster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * How long the scheduler takes to recover from a cut Mesos stream: from the cut to its new SUBSCRIBE
 * reaching the master, and to the implicit RECONCILE that ends its recovery (SUBSCRIBED, framework id
 * stored, explicit reconcile of every task on an agent, then implicit). The scheduler's state and
 * Mesos verticles run against a {@code RecordingMaster} over real HTTP on loopback, in one JVM; the
 * master is up, so this is the scheduler's own part of recovery (its reconnect backoff included).
 *
 * <p>Usage: {@code RecoveryBenchmark [cuts=200] [tasks=200] [results.json]}.
 */
public final class RecoveryBenchmark {
  private static final int WARMUP_CUTS = 20;

  private RecoveryBenchmark() {}

  public static void main(String[] args) throws Exception {
    int cuts = args.length > 0 ? Integer.parseInt(args[0]) : 200;
    int tasks = args.length > 1 ? Integer.parseInt(args[1]) : 200;
    Path results = Path.of(args.length > 2 ? args[2] : "target/bench/recovery.json");
    try (SchedulerOnRecordingMaster scheduler = SchedulerOnRecordingMaster.start(false)) {
      placeTasksOnAgents(scheduler, tasks);
      measure(scheduler, WARMUP_CUTS, tasks);
      long[][] measured = measure(scheduler, cuts, tasks);
      long[] subscribed = measured[0];
      long[] reconciled = measured[1];
      System.out.printf("%n| benchmark | cuts | tasks on agents | | p50 | p99 | max |%n|---|---|---|---|---|---|---|%n");
      System.out.printf("| stream cut recovery | %d | %d | cut -> SUBSCRIBE | %s | %s | %s |%n", cuts, tasks,
          ms(percentile(subscribed, 50)), ms(percentile(subscribed, 99)), ms(subscribed[subscribed.length - 1]));
      System.out.printf("| | | | cut -> implicit RECONCILE | %s | %s | %s |%n",
          ms(percentile(reconciled, 50)), ms(percentile(reconciled, 99)), ms(reconciled[reconciled.length - 1]));
      Files.createDirectories(results.toAbsolutePath().getParent());
      Files.writeString(results, """
          {"benchmark": "stream-cut-recovery", "cuts": %d, "tasks": %d,
           "subscribe_ms": {"p50": %s, "p99": %s, "max": %s},
           "reconciled_ms": {"p50": %s, "p99": %s, "max": %s}}
          """.formatted(cuts, tasks, ms(percentile(subscribed, 50)), ms(percentile(subscribed, 99)), ms(subscribed[subscribed.length - 1]),
          ms(percentile(reconciled, 50)), ms(percentile(reconciled, 99)), ms(reconciled[reconciled.length - 1])));
    }
  }

  /** A job of {@code count} instances, every task ASSIGNED to an agent, so each recovery reconciles them all explicitly. */
  private static void placeTasksOnAgents(SchedulerOnRecordingMaster scheduler, int count) throws Exception {
    JobKey key = JobKey.parse("devcluster/www-data/prod/bench");
    String job = """
        {"cluster": "devcluster", "role": "www-data", "environment": "prod", "name": "bench", "instances": %d,
         "task": {"processes": [{"name": "p", "cmdline": "sleep 1"}], "resources": {"cpu": 0.01, "ram": 1048576, "disk": 1048576}}}
        """.formatted(count);
    scheduler.state(new StateRequests.CreateJob(JobJson.read(job).jobs().get(0)));
    List<ScheduledTask> pending = ((StateRequests.JobView) scheduler.state(new StateRequests.GetJob(key))).tasks();
    List<StateRequests.Placement> placements = new ArrayList<>();
    for (int i = 0; i < pending.size(); i++) {
      placements.add(new StateRequests.Placement(pending.get(i).taskId(), "S" + i % 10, "host-" + i % 10, Map.of()));
    }
    scheduler.state(new StateRequests.PlaceTasks(placements, Map.of()));
  }

  /** Nanoseconds from each cut to the SUBSCRIBE ({@code [0]}) and to the implicit RECONCILE ({@code [1]}), each sorted. */
  private static long[][] measure(SchedulerOnRecordingMaster scheduler, int cuts, int tasks) throws Exception {
    long[] subscribed = new long[cuts];
    long[] reconciled = new long[cuts];
    for (int i = 0; i < cuts; i++) {
      scheduler.master.drainCalls();
      long cut = System.nanoTime();
      scheduler.master.cutStream();
      scheduler.master.awaitCall(c -> c.type() == SchedulerCall.Type.SUBSCRIBE, "the re-SUBSCRIBE");
      subscribed[i] = System.nanoTime() - cut;
      SchedulerCall explicit = scheduler.master.awaitCall(c -> c.type() == SchedulerCall.Type.RECONCILE && !c.reconcile().tasks().isEmpty(),
          "the explicit RECONCILE");
      if (explicit.reconcile().tasks().size() != tasks) {
        throw new AssertionError("reconciled " + explicit.reconcile().tasks().size() + " tasks, not " + tasks);
      }
      scheduler.master.awaitCall(c -> c.type() == SchedulerCall.Type.RECONCILE && c.reconcile().tasks().isEmpty(), "the implicit RECONCILE");
      reconciled[i] = System.nanoTime() - cut;
    }
    Arrays.sort(subscribed);
    Arrays.sort(reconciled);
    return new long[][] {subscribed, reconciled};
  }

  private static long percentile(long[] sorted, int p) {
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
  }

  private static String ms(long nanos) {
    return String.format("%.1f", nanos / 1e6);
  }
}
