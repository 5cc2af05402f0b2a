package io.borealis.cli;

import io.borealis.config.aurora.AuroraJob;
import io.borealis.model.JobConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code borealis config list FILE}: the keys of the jobs a file defines, exactly as Aurora prints them. */
@Command(name = "list", mixinStandardHelpOptions = true,
    description = "Print the jobs a file defines: jobs=[cluster/role/env/name, ...].",
    footer = {"", "Example:", "  borealis config list hello.aurora", "  jobs=[devcluster/www-data/prod/hello]"},
    exitCodeListHeading = ExitCodes.HEADING,
    exitCodeList = {"0:The file loaded.", "1:The file does not load (the message gives file:line:column).",
        ExitCodes.USAGE})
final class ConfigListCommand implements Callable<Integer> {
  @ParentCommand
  ConfigCommand config;

  @Parameters(index = "0", paramLabel = "FILE", description = "A .aurora config or a JSON job file.")
  Path file;

  @Mixin
  BindOptions bind;

  @Option(names = "--json", description = "Print {\"jobs\": [\"cluster/role/env/name\", ...]} for machines.")
  boolean json;

  @Override
  public Integer call() {
    List<String> keys;
    if (JobFiles.isJson(file, bind.readJson)) {
      keys = JobFiles.readJson(file, bind.parsed()).stream().map(JobConfig::key).map(Object::toString).toList();
    } else {
      keys = JobFiles.loadAurora(file, bind.parsed(), config.root.environment()).jobs().stream().map(AuroraJob::key).toList();
    }
    String line = json ? JobFiles.toJson(Map.of("jobs", keys)) : keys.stream().collect(Collectors.joining(", ", "jobs=[", "]"));
    config.spec.commandLine().getOut().println(line);
    config.spec.commandLine().getOut().flush();
    return 0;
  }
}
