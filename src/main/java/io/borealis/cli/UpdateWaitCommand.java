package io.borealis.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.locks.LockSupport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code borealis update wait CLUSTER/ROLE/ENV/NAME [ID]}: until the update ends; its final status decides the exit code. */
@Command(name = "wait", mixinStandardHelpOptions = true, description = "Wait for the job's active update (or update ID) to end.",
    footer = {"", "Example:", "  borealis update wait devcluster/www-data/prod/hello && echo rolled forward"},
    exitCodeListHeading = ExitCodes.HEADING,
    exitCodeList = {"0:The update rolled forward.", "1:It ended otherwise (ROLLED_BACK, ABORTED, FAILED, ERROR), or waiting failed.",
        ExitCodes.USAGE})
final class UpdateWaitCommand implements Callable<Integer> {
  private static final Duration POLL = Duration.ofMillis(500);

  @ParentCommand
  UpdateCommand update;

  @Parameters(index = "0", paramLabel = "CLUSTER/ROLE/ENV/NAME", description = "The job.")
  String key;

  @Parameters(index = "1", arity = "0..1", paramLabel = "ID", description = "An update id (default: the job's active update).")
  String id;

  @Option(names = "--wait-timeout", defaultValue = "PT1H", description = "How long to wait (ISO-8601, default 1 hour).")
  Duration waitTimeout;

  @Override
  public Integer call() {
    JobSpec spec = JobSpec.parse(key);
    SchedulerApi api = update.root.api(spec.key().cluster());
    String updateId = id != null ? id : UpdateCommand.activeUpdateOf(api, spec.key()).path("update_id").asText();
    return await(api, updateId, waitTimeout, update.spec.commandLine().getOut());
  }

  /**
   * Polls until the update ends. On a terminal a progress bar counts instances done and names the
   * status and the instances in flight; otherwise each change of status or progress is a plain line.
   */
  static int await(SchedulerApi api, String id, Duration timeout, PrintWriter out) {
    long deadline = System.nanoTime() + timeout.toNanos();
    ProgressBarDisplay bar = System.console() != null ? new ProgressBarDisplay("instances") : null;
    String last = "";
    try {
      while (true) {
        JsonNode update = api.update(id);
        String status = update.path("status").asText();
        int done = update.path("instances_done").asInt();
        int total = update.path("instances_to_change").asInt();
        String progress = status + ": " + done + " of " + total + " instance(s) done, " + update.path("instances_in_flight").asInt()
            + " in flight, " + update.path("instances_failed").asInt() + " failed";
        if (bar != null) {
          bar.update(done, total);
          bar.detail(status + inFlight(update));
        } else if (!progress.equals(last)) {
          out.println(progress);
          out.flush();
          last = progress;
        }
        if (UpdateCommand.isFinal(status)) {
          if (bar != null) {
            bar.close();
            bar = null;
          }
          out.println(status);
          out.flush();
          return "ROLLED_FORWARD".equals(status) ? 0 : 1;
        }
        if (System.nanoTime() > deadline) {
          throw new CliException("update " + id + " is still " + status + " after " + timeout.toMinutes() + " minutes");
        }
        LockSupport.parkNanos(POLL.toNanos());
      }
    } finally {
      if (bar != null) {
        bar.close();
      }
    }
  }

  /** The instances whose last event says they are moving, e.g. {@code ; in flight: 3, 4, 5}. */
  private static String inFlight(JsonNode update) {
    Map<Integer, String> lastAction = new TreeMap<>();
    update.path("instance_events").forEach(e -> lastAction.put(e.path("instance").asInt(), e.path("action").asText()));
    List<String> moving = lastAction.entrySet().stream()
        .filter(e -> e.getValue().equals("INSTANCE_UPDATING") || e.getValue().equals("INSTANCE_ROLLING_BACK"))
        .map(e -> Integer.toString(e.getKey())).toList();
    return moving.isEmpty() ? "" : "; in flight: " + String.join(", ", moving);
  }
}
