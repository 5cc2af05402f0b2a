package io.borealis.cli;

import io.borealis.model.JobConfig;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code borealis config list FILE}: the keys of the jobs a file defines, exactly as Aurora prints them. */
@Command(name = "list", mixinStandardHelpOptions = true,
    description = "Print the jobs a file defines: jobs=[cluster/role/env/name, ...].",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:The file loaded.", "1:The file does not load (the message gives file:line:column).",
        "2:Invalid command line."})
final class ConfigListCommand implements Callable<Integer> {
  @ParentCommand
  ConfigCommand config;

  @Parameters(index = "0", paramLabel = "FILE", description = "A .aurora config or a JSON job file.")
  Path file;

  @Mixin
  BindOptions bind;

  @Override
  public Integer call() {
    String line;
    if (JobFiles.isJson(file, bind.readJson)) {
      line = JobFiles.readJson(file, bind.parsed()).stream().map(JobConfig::key).map(Object::toString)
          .collect(Collectors.joining(", ", "jobs=[", "]"));
    } else {
      line = JobFiles.loadAurora(file, bind.parsed(), config.root.environment()).listLine();
    }
    config.spec.commandLine().getOut().println(line);
    config.spec.commandLine().getOut().flush();
    return 0;
  }
}
