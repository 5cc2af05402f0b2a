package io.borealis.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code borealis job add CLUSTER/ROLE/ENV/NAME/INSTANCE COUNT}: Aurora's way to grow a job without
 * an update. The new instances copy the config the given instance runs and are numbered after the
 * highest active instance.
 */
@Command(name = "add", mixinStandardHelpOptions = true,
    description = "Add COUNT instances to a job, each running the config of the given existing instance.",
    footer = {"", "Example:", "  borealis job add devcluster/www-data/prod/hello/0 2",
        "  Added instances 3-4 to devcluster/www-data/prod/hello (copies of instance 0)"},
    exitCodeListHeading = ExitCodes.HEADING,
    exitCodeList = {"0:The instances were added (their tasks are PENDING).",
        "1:The job or the instance has no active task, the count is too large, or the scheduler failed.", ExitCodes.USAGE})
final class JobAddCommand implements Callable<Integer> {
  @ParentCommand
  JobCommand job;

  @Parameters(index = "0", paramLabel = "CLUSTER/ROLE/ENV/NAME/INSTANCE",
      description = "The job and the one instance whose config the new instances copy.")
  String key;

  @Parameters(index = "1", paramLabel = "COUNT", description = "How many instances to add (at least 1).")
  int count;

  @Override
  public Integer call() {
    JobSpec spec = JobSpec.parse(key);
    if (spec.instances() == null || spec.instances().ids().size() != 1) {
      throw new CliException("job add needs exactly one instance to copy, like " + spec.key() + "/0");
    }
    if (count < 1) {
      throw new CliException("COUNT must be at least 1, not " + count);
    }
    int from = spec.instances().ids().first();
    JsonNode added = job.root.api(spec.key().cluster()).addInstances(spec.key(), from, count);
    var out = job.spec.commandLine().getOut();
    out.println("Added instances " + added.path("instances").asText() + " to " + spec.key() + " (copies of instance " + from + ")");
    out.flush();
    return 0;
  }
}
