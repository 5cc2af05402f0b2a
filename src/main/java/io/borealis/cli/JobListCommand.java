package io.borealis.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code borealis job list CLUSTER/ROLE[/ENV]}: the jobs of a role. */
@Command(name = "list", mixinStandardHelpOptions = true,
    description = "List the jobs of a role (optionally of one environment) with their task counts per state.",
    footer = {"", "Example:", "  borealis job list devcluster/www-data/prod",
        "  devcluster/www-data/prod/hello RUNNING=3 KILLED=1"},
    exitCodeListHeading = ExitCodes.HEADING, exitCodeList = {ExitCodes.OK, "1:The scheduler failed.", ExitCodes.USAGE})
final class JobListCommand implements Callable<Integer> {
  @ParentCommand
  JobCommand job;

  @Parameters(index = "0", paramLabel = "CLUSTER/ROLE[/ENV]")
  String scope;

  @Option(names = "--json", description = "Print the jobs as the API returns them: {\"jobs\": [...]}.")
  boolean json;

  @Override
  public Integer call() {
    String[] parts = scope.split("/", -1);
    if (parts.length < 2 || parts.length > 3 || java.util.Arrays.stream(parts).anyMatch(String::isEmpty)) {
      throw new CliException("'" + scope + "' is not cluster/role or cluster/role/env");
    }
    JsonNode answer = job.root.api(parts[0]).jobs(parts[1], parts.length == 3 ? parts[2] : null);
    JsonNode jobs = answer.path("jobs");
    var out = job.spec.commandLine().getOut();
    if (json) {
      out.println(answer.toPrettyString());
      out.flush();
      return 0;
    }
    for (JsonNode found : jobs) {
      StringBuilder counts = new StringBuilder();
      found.path("task_counts").properties().forEach(e -> counts.append(' ').append(e.getKey()).append('=').append(e.getValue().asInt()));
      out.println(found.path("key").asText() + counts);
    }
    out.flush();
    return 0;
  }
}
