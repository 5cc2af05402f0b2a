package io.borealis.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.borealis.config.JobJson;
import io.borealis.model.JobConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code borealis job diff CLUSTER/ROLE/ENV/NAME FILE}: what creating (or updating to) the file's job
 * would change compared with the job the scheduler runs. Both sides are rendered by the same
 * {@code JobJson.write}, so only real differences show.
 */
@Command(name = "diff", mixinStandardHelpOptions = true,
    description = "Compare the running job's config with the job in a file, field by field.",
    footer = {"", "Example:", "  borealis job diff devcluster/www-data/prod/hello hello.aurora \\", "      --bind greeting=hi",
        "  --- devcluster/www-data/prod/hello (running)", "  +++ hello.aurora",
        "  - instances: 3", "  + instances: 5"},
    exitCodeListHeading = ExitCodes.HEADING,
    exitCodeList = {"0:The comparison was printed, whether or not there are differences (read the output, not the exit code).",
        "1:The file does not load, the job is not in it or not on the scheduler, or the scheduler failed.", ExitCodes.USAGE})
final class JobDiffCommand implements Callable<Integer> {
  @ParentCommand
  JobCommand job;

  @Parameters(index = "0", paramLabel = "CLUSTER/ROLE/ENV/NAME", description = "Key of the running job.")
  String key;

  @Parameters(index = "1", paramLabel = "FILE", description = "A .aurora config or a JSON job file.")
  Path file;

  @Mixin
  BindOptions bind;

  @Override
  public Integer call() {
    JobSpec spec = JobSpec.parse(key);
    if (spec.instances() != null) {
      throw new CliException("job diff compares whole jobs; give the key without instances: " + spec.key());
    }
    List<String> warnings = new ArrayList<>();
    JobConfig local = JobFiles.load(file, spec.key(), bind.parsed(), bind.readJson, job.root.environment(), warnings);
    warnings.forEach(warning -> job.spec.commandLine().getErr().println("Warning: " + warning));
    JsonNode running = job.root.api(spec.key().cluster()).job(spec.key()).path("config");
    List<String> changes = ConfigDiff.diff(running, JobJson.write(local));
    var out = job.spec.commandLine().getOut();
    if (changes.isEmpty()) {
      out.println("No differences between " + spec.key() + " (running) and " + file);
    } else {
      out.println("--- " + spec.key() + " (running)");
      out.println("+++ " + file);
      changes.forEach(out::println);
    }
    out.flush();
    return 0;
  }
}
