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

/** {@code borealis job create CLUSTER/ROLE/ENV/NAME FILE}. */
@Command(name = "create", mixinStandardHelpOptions = true,
    description = "Create a job from a job file: a .aurora config or JSON (Aurora's --read-json format).",
    footer = {"", "Example:", "  borealis job create devcluster/www-data/prod/hello hello.aurora \\", "      --bind greeting=hi --wait-until RUNNING"},
    exitCodeListHeading = ExitCodes.HEADING,
    exitCodeList = {"0:The job was created.", "1:The file does not load, the job is not in it, Aurora's rules or "
        + "Borealis refuse it (for example cron jobs), the scheduler refused it, or --wait-until timed out.", ExitCodes.USAGE})
final class JobCreateCommand implements Callable<Integer> {
  enum WaitUntil { PENDING, RUNNING, FINISHED }

  @ParentCommand
  JobCommand job;

  @Parameters(index = "0", paramLabel = "CLUSTER/ROLE/ENV/NAME", description = "Key of the job to create.")
  String key;

  @Parameters(index = "1", paramLabel = "FILE",
      description = "Job file: a .aurora config, or one job object or {\"jobs\": [...]} in JSON.")
  Path file;

  @Mixin
  BindOptions bind;

  @Option(names = "--wait-until", defaultValue = "PENDING",
      description = "Return once every instance is ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  WaitUntil waitUntil;

  @Option(names = "--wait-timeout", defaultValue = "PT5M", description = "How long --wait-until may take (ISO-8601, default 5 minutes).")
  Duration waitTimeout;

  @Override
  public Integer call() {
    JobSpec spec = JobSpec.parse(key);
    if (spec.instances() != null) {
      throw new CliException("job create takes a job key without instances: " + spec.key());
    }
    List<String> warnings = new ArrayList<>();
    JobConfig config = JobFiles.load(file, spec.key(), bind.parsed(), bind.readJson, job.root.environment(), warnings);
    warnings.forEach(warning -> job.spec.commandLine().getErr().println("Warning: " + warning));
    SchedulerApi api = job.root.api(spec.key().cluster());
    JsonNode created = api.createJob(JobJson.write(config).toString());
    var out = job.spec.commandLine().getOut();
    out.println("Job url: " + created.path("url").asText());
    int pending = created.path("pending_tasks").asInt();
    out.println(pending + (pending == 1 ? " task" : " tasks") + " pending for " + spec.key());
    if (waitUntil != WaitUntil.PENDING) {
      int total = config.instances();
      try (Progress progress = Progress.create(out, "instances " + waitUntil.name())) {
        JobWaiter.await(api, spec.key(), j -> JobWaiter.allActive(j, waitUntil.name())
                || waitUntil == WaitUntil.FINISHED && j.path("active_tasks").isEmpty(), waitTimeout, waitUntil.name(),
            j -> progress.update(waitUntil == WaitUntil.RUNNING ? JobWaiter.countActive(j, "RUNNING")
                : Math.max(0, total - j.path("active_tasks").size()), total));
      }
      out.println("All instances of " + spec.key() + " are " + waitUntil.name());
    }
    out.flush();
    return 0;
  }
}
