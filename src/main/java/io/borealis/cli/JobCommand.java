package io.borealis.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code borealis job ...}: create, inspect and kill jobs. */
@Command(name = "job", mixinStandardHelpOptions = true, description = "Create, inspect, restart and kill jobs.",
    subcommands = {JobCreateCommand.class, JobAddCommand.class, JobStatusCommand.class, JobKillCommand.class,
        JobKillAllCommand.class, JobRestartCommand.class, JobListCommand.class, JobInspectCommand.class, JobDiffCommand.class,
        JobOpenCommand.class})
final class JobCommand implements Runnable {
  @ParentCommand
  BorealisCommand root;

  @Spec
  CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
