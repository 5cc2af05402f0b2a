package io.borealis.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code borealis job kill CLUSTER/ROLE/ENV/NAME[/INSTANCES]}: kill some instances, or all of them. */
@Command(name = "kill", mixinStandardHelpOptions = true,
    description = "Kill instances of a job (all of them when no instances are given) and wait until they are dead.",
    footer = {"", "Example:", "  borealis job kill devcluster/www-data/prod/hello/1-2"},
    exitCodeListHeading = ExitCodes.HEADING,
    exitCodeList = {"0:The tasks are dead (or were not running).", "1:No such job, the scheduler failed, or the wait timed out.",
        ExitCodes.USAGE})
final class JobKillCommand implements Callable<Integer> {
  @ParentCommand
  JobCommand job;

  @Parameters(index = "0", paramLabel = "CLUSTER/ROLE/ENV/NAME[/INSTANCES]",
      description = "Job key, optionally with instances such as /1 or /0-3,7.")
  String key;

  @Mixin
  KillWaitOptions waiting;

  @Override
  public Integer call() {
    return kill(job, JobSpec.parse(key), waiting);
  }

  static int kill(JobCommand job, JobSpec spec, KillWaitOptions waiting) {
    SchedulerApi api = job.root.api(spec.key().cluster());
    JsonNode result = api.kill(spec.key(), spec.instances());
    Set<String> killing = new HashSet<>();
    result.path("killing").forEach(id -> killing.add(id.asText()));
    var out = job.spec.commandLine().getOut();
    String which = spec.instances() == null ? "all instances" : "instances " + spec.instances();
    if (killing.isEmpty()) {
      out.println("No active tasks to kill in " + which + " of " + spec.key());
      out.flush();
      return 0;
    }
    out.println("Killing " + killing.size() + (killing.size() == 1 ? " task" : " tasks") + " (" + which + ") of " + spec.key());
    if (!waiting.noWait) {
      try (Progress progress = Progress.create(out, "tasks killed")) {
        JobWaiter.await(api, spec.key(), found -> noneActive(found, killing), waiting.waitTimeout, "the kill",
            found -> progress.update(killing.size() - stillActive(found, killing), killing.size()));
      }
      out.println("Killed " + which + " of " + spec.key());
    }
    out.flush();
    return 0;
  }

  private static boolean noneActive(JsonNode job, Set<String> taskIds) {
    return stillActive(job, taskIds) == 0;
  }

  private static int stillActive(JsonNode job, Set<String> taskIds) {
    int active = 0;
    for (JsonNode task : job.path("active_tasks")) {
      if (taskIds.contains(task.path("task_id").asText())) {
        active++;
      }
    }
    return active;
  }
}
