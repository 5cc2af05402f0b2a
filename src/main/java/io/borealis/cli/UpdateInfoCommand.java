package io.borealis.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code borealis update info CLUSTER/ROLE/ENV/NAME [ID]}: one update with its history. */
@Command(name = "info", mixinStandardHelpOptions = true,
    description = "Show an update (default: the job's active one, else its latest) with its status and instance history.",
    footer = {"", "Example:", "  borealis update info devcluster/www-data/prod/hello"},
    exitCodeListHeading = ExitCodes.HEADING, exitCodeList = {ExitCodes.OK, ExitCodes.FAILED, ExitCodes.USAGE})
final class UpdateInfoCommand implements Callable<Integer> {
  @ParentCommand
  UpdateCommand update;

  @Parameters(index = "0", paramLabel = "CLUSTER/ROLE/ENV/NAME", description = "The job.")
  String key;

  @Parameters(index = "1", arity = "0..1", paramLabel = "ID", description = "An update id.")
  String id;

  @Option(names = "--json", description = "Print the API's JSON.")
  boolean json;

  @Override
  public Integer call() {
    JobSpec spec = JobSpec.parse(key);
    SchedulerApi api = update.root.api(spec.key().cluster());
    String updateId = id != null ? id : latestOf(api, spec);
    JsonNode info = api.update(updateId);
    var out = update.spec.commandLine().getOut();
    if (json) {
      out.println(info.toPrettyString());
      out.flush();
      return 0;
    }
    out.println("Update " + info.path("update_id").asText() + " of " + info.path("key").asText() + ": " + info.path("status").asText());
    out.println("  created " + info.path("created").asText() + ", last modified " + info.path("last_modified").asText());
    out.println("  instances: " + info.path("instances") + "; " + info.path("instances_done").asInt() + " done, "
        + info.path("instances_failed").asInt() + " failed");
    out.println("Status history:");
    for (JsonNode e : info.path("status_events")) {
      out.println("  " + e.path("timestamp").asText() + "  " + e.path("status").asText()
          + (e.path("message").isNull() ? "" : "  " + e.path("message").asText()));
    }
    out.println("Instance events:");
    for (JsonNode e : info.path("instance_events")) {
      out.println("  " + e.path("timestamp").asText() + "  instance " + e.path("instance").asInt() + "  " + e.path("action").asText()
          + (e.path("message").isNull() ? "" : "  " + e.path("message").asText()));
    }
    out.flush();
    return 0;
  }

  private static String latestOf(SchedulerApi api, JobSpec spec) {
    String latest = null;
    for (JsonNode u : api.updates(spec.key().role(), spec.key().environment(), spec.key().name(), null).path("updates")) {
      if (u.path("key").asText().equals(spec.key().toString())) {
        latest = u.path("update_id").asText();
      }
    }
    if (latest == null) {
      throw new CliException("job " + spec.key() + " has never been updated");
    }
    return latest;
  }
}
