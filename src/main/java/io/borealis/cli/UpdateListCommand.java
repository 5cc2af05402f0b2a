package io.borealis.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code borealis update list CLUSTER/ROLE[/ENV[/NAME]]}: updates, a line each. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List the updates of a role, environment or job.",
    footer = {"", "Example:", "  borealis update list devcluster/www-data --status active"},
    exitCodeListHeading = ExitCodes.HEADING, exitCodeList = {ExitCodes.OK, ExitCodes.FAILED, ExitCodes.USAGE})
final class UpdateListCommand implements Callable<Integer> {
  @ParentCommand
  UpdateCommand update;

  @Parameters(index = "0", paramLabel = "CLUSTER/ROLE[/ENV[/NAME]]")
  String scope;

  @Option(names = "--status", description = "Only 'active' or 'finished' updates.")
  String status;

  @Option(names = "--json", description = "Print the API's JSON.")
  boolean json;

  @Override
  public Integer call() {
    String[] parts = scope.split("/", -1);
    if (parts.length < 2 || parts.length > 4 || java.util.Arrays.stream(parts).anyMatch(String::isEmpty)) {
      throw new CliException("'" + scope + "' is not cluster/role, cluster/role/env or cluster/role/env/name");
    }
    JsonNode updates = update.root.api(parts[0]).updates(parts[1], parts.length > 2 ? parts[2] : null,
        parts.length > 3 ? parts[3] : null, status);
    var out = update.spec.commandLine().getOut();
    if (json) {
      out.println(updates.toPrettyString());
    } else {
      for (JsonNode u : updates.path("updates")) {
        out.println(u.path("key").asText() + "  " + u.path("update_id").asText() + "  " + u.path("status").asText() + "  created "
            + u.path("created").asText() + "  " + u.path("instances_done").asInt() + "/" + u.path("instances_to_change").asInt()
            + " done");
      }
    }
    out.flush();
    return 0;
  }
}
