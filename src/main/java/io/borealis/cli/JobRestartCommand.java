package io.borealis.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.borealis.model.InstanceRanges;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code borealis job restart CLUSTER/ROLE/ENV/NAME[/INSTANCES]}: a rolling restart, as Aurora's
 * client does it. Instances restart a batch at a time; the next batch starts once every instance of
 * this one runs again and has stayed RUNNING for {@code --watch-secs}.
 */
@Command(name = "restart", mixinStandardHelpOptions = true,
    description = "Restart instances of a job in rolling batches: each task is killed and replaced by an identical one.",
    footer = {"", "Example:", "  borealis job restart devcluster/www-data/prod/hello/0-3 \\", "      --batch-size 2 --watch-secs 10"},
    exitCodeListHeading = ExitCodes.HEADING,
    exitCodeList = {"0:Every chosen instance runs a new task.", "1:No such job or active instances, the scheduler failed, or a "
        + "batch timed out (later batches are not started).", ExitCodes.USAGE})
final class JobRestartCommand implements Callable<Integer> {
  @ParentCommand
  JobCommand job;

  @Parameters(index = "0", paramLabel = "CLUSTER/ROLE/ENV/NAME[/INSTANCES]")
  String key;

  @Option(names = "--batch-size", defaultValue = "1", description = "Instances restarted at a time (default ${DEFAULT-VALUE}).")
  int batchSize;

  @Option(names = "--watch-secs", defaultValue = "30",
      description = "How long a restarted instance must stay RUNNING before the next batch (default ${DEFAULT-VALUE}).")
  int watchSecs;

  @Option(names = "--wait-timeout", defaultValue = "PT5M", description = "How long one batch may take (ISO-8601).")
  Duration waitTimeout;

  @Override
  public Integer call() {
    if (batchSize < 1 || watchSecs < 0) {
      throw new CliException("--batch-size must be at least 1 and --watch-secs at least 0");
    }
    JobSpec spec = JobSpec.parse(key);
    SchedulerApi api = job.root.api(spec.key().cluster());
    TreeSet<Integer> instances = new TreeSet<>();
    for (JsonNode task : api.job(spec.key()).path("active_tasks")) {
      int instance = task.path("instance").asInt();
      if (spec.instances() == null || spec.instances().contains(instance)) {
        instances.add(instance);
      }
    }
    PrintWriter out = job.spec.commandLine().getOut();
    if (instances.isEmpty()) {
      throw new CliException("No active instances to restart in " + key);
    }
    List<Integer> order = new ArrayList<>(instances);
    try (Progress progress = Progress.create(out, "instances restarted")) {
      for (int start = 0; start < order.size(); start += batchSize) {
        InstanceRanges batch = InstanceRanges.of(order.subList(start, Math.min(order.size(), start + batchSize)));
        Set<String> restarting = new HashSet<>();
        api.restart(spec.key(), batch).path("restarting").forEach(id -> restarting.add(id.asText()));
        out.println("Restarting instances " + batch + " of " + spec.key());
        out.flush();
        int before = start;
        JobWaiter.await(api, spec.key(), found -> restarted(found, batch, restarting).containsAll(batch.ids()), waitTimeout,
            "instances " + batch + " to restart",
            found -> progress.update(before + restarted(found, batch, restarting).size(), order.size()));
      }
    }
    out.println("Restarted instances " + InstanceRanges.of(instances) + " of " + spec.key());
    out.flush();
    return 0;
  }

  /** The instances of the batch that run a new task, RUNNING for at least the watch time. */
  private Set<Integer> restarted(JsonNode found, InstanceRanges batch, Set<String> oldTasks) {
    Instant settled = Instant.now().minusSeconds(watchSecs);
    Set<Integer> done = new HashSet<>();
    for (JsonNode task : found.path("active_tasks")) {
      boolean fresh = !oldTasks.contains(task.path("task_id").asText());
      boolean running = task.path("state").asText().equals("RUNNING");
      if (fresh && running && batch.contains(task.path("instance").asInt())
          && !Instant.parse(task.path("since").asText()).isAfter(settled)) {
        done.add(task.path("instance").asInt());
      }
    }
    return done;
  }
}
