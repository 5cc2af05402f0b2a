package io.borealis.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.borealis.config.JobJson;
import io.borealis.model.JobConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code borealis update start CLUSTER/ROLE/ENV/NAME[/INSTANCES] FILE}. */
@Command(name = "start", mixinStandardHelpOptions = true,
    description = "Roll the job's config in FILE out to its instances (or only to INSTANCES: a canary), batch by batch "
        + "as its update_config says, rolling back in reverse order if too many fail.",
    footer = {"", "Example:", "  borealis update start devcluster/www-data/prod/hello hello.aurora --wait",
        "  borealis update start devcluster/www-data/prod/hello/0-1 hello.aurora      # canary on instances 0 and 1"},
    exitCodeListHeading = ExitCodes.HEADING,
    exitCodeList = {"0:Started (with --wait: rolled forward).", "1:Refused (unchanged job, another update active, bad file) "
        + "or, with --wait, it ended other than ROLLED_FORWARD.", ExitCodes.USAGE})
final class UpdateStartCommand implements Callable<Integer> {
  @ParentCommand
  UpdateCommand update;

  @Parameters(index = "0", paramLabel = "CLUSTER/ROLE/ENV/NAME[/INSTANCES]", description = "The job, and optionally instances like 0-3,7.")
  String key;

  @Parameters(index = "1", paramLabel = "FILE", description = "A .aurora config or JSON job file with the new config.")
  Path file;

  @Mixin
  BindOptions bind;

  @Option(names = "--wait", description = "Wait until the update ends and print how it ended.")
  boolean await;

  @Option(names = "--wait-timeout", defaultValue = "PT1H", description = "How long --wait may take (ISO-8601, default 1 hour).")
  Duration waitTimeout;

  @Override
  public Integer call() {
    JobSpec spec = JobSpec.parse(key);
    List<String> warnings = new ArrayList<>();
    JobConfig config = JobFiles.load(file, spec.key(), bind.parsed(), bind.readJson, update.root.environment(), warnings);
    warnings.forEach(warning -> update.spec.commandLine().getErr().println("Warning: " + warning));
    SchedulerApi api = update.root.api(spec.key().cluster());
    JsonNode started = api.startUpdate(JobJson.write(config).toString(), spec.instances());
    var out = update.spec.commandLine().getOut();
    String id = started.path("update_id").asText();
    out.println("Update " + id + " started for " + spec.key() + ": " + started.path("instances_to_change").asInt()
        + " instance(s) to change");
    out.flush();
    return await ? UpdateWaitCommand.await(api, id, waitTimeout, out) : 0;
  }
}
