package io.borealis.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code borealis job status CLUSTER/ROLE/ENV/NAME}: each instance with its state, host and since-time. */
@Command(name = "status", mixinStandardHelpOptions = true,
    description = "Show the tasks of a job (only some instances when the key ends in /INSTANCES).",
    footer = {"", "Example:", "  borealis job status devcluster/www-data/prod/hello",
        "  borealis job status --json devcluster/www-data/prod/hello/0-1"},
    exitCodeListHeading = ExitCodes.HEADING, exitCodeList = {ExitCodes.OK, "1:No such job, or the scheduler failed.", ExitCodes.USAGE})
final class JobStatusCommand implements Callable<Integer> {
  private static final String ROW = "%-9s %-12s %-24s %-21s %s%n";

  @ParentCommand
  JobCommand job;

  @Parameters(index = "0", paramLabel = "CLUSTER/ROLE/ENV/NAME[/INSTANCES]")
  String key;

  @Option(names = "--json", description = "Print the job as the API returns it.")
  boolean json;

  @Override
  public Integer call() {
    JobSpec spec = JobSpec.parse(key);
    JsonNode found = job.root.api(spec.key().cluster()).job(spec.key());
    PrintWriter out = job.spec.commandLine().getOut();
    if (json) {
      out.println(found.toPrettyString());
      out.flush();
      return 0;
    }
    JsonNode active = found.path("active_tasks");
    JsonNode completed = found.path("completed_tasks");
    out.println("Job " + found.path("key").asText() + ": " + active.size() + " active, " + completed.size() + " completed");
    out.println("  " + found.path("url").asText());
    printConfigGroups(out, found.path("config_groups"));
    printTasks(out, "Active tasks", active, spec);
    printTasks(out, "Completed tasks", completed, spec);
    out.flush();
    return 0;
  }

  /** Only when instances run different configs (a canary, an unfinished update): which run which. */
  private static void printConfigGroups(PrintWriter out, JsonNode groups) {
    if (groups.size() < 2) {
      return;
    }
    out.println();
    out.println("Config groups (" + groups.size() + "):");
    for (JsonNode group : groups) {
      JsonNode task = group.path("config").path("task");
      StringBuilder cmdlines = new StringBuilder();
      for (JsonNode process : task.path("processes")) {
        String cmdline = process.path("cmdline").asText().strip().replaceAll("\\s+", " ");
        cmdlines.append(cmdlines.length() == 0 ? "" : "; ").append(process.path("name").asText()).append(": ")
            .append(cmdline.length() > 60 ? cmdline.substring(0, 57) + "..." : cmdline);
      }
      JsonNode resources = task.path("resources");
      out.println("  instances " + group.path("instances").asText() + "  cpu " + resources.path("cpu").asDouble() + ", ram "
          + resources.path("ram").asLong() / (1024 * 1024) + " MiB  " + cmdlines);
    }
  }

  /** The since-time to the second, in UTC: {@code 2026-11-25 09:28:10Z}. */
  private static String since(String iso) {
    try {
      return Instant.parse(iso).truncatedTo(ChronoUnit.SECONDS).toString().replace('T', ' ');
    } catch (DateTimeParseException e) {
      return iso;
    }
  }

  private static void printTasks(PrintWriter out, String title, JsonNode tasks, JobSpec spec) {
    if (tasks.isEmpty()) {
      return;
    }
    out.println();
    out.println(title + " (" + tasks.size() + "):");
    out.printf(ROW, "INSTANCE", "STATE", "HOST", "SINCE", "TASK ID / MESSAGE");
    for (JsonNode task : tasks) {
      if (spec.instances() != null && !spec.instances().contains(task.path("instance").asInt())) {
        continue;
      }
      String detail = task.path("task_id").asText();
      String reason = task.path("pending_reason").asText("");
      String message = reason.isEmpty() ? task.path("message").asText("") : reason;
      out.printf(ROW, task.path("instance").asText(), task.path("state").asText(), task.path("host").asText("-"),
          since(task.path("since").asText()), detail + (message.isEmpty() ? "" : "  (" + message + ")"));
    }
  }
}
