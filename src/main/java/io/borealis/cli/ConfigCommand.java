package io.borealis.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code borealis config ...}: look at job files without a scheduler. */
@Command(name = "config", mixinStandardHelpOptions = true, description = "Inspect job files locally.",
    subcommands = {ConfigListCommand.class})
final class ConfigCommand implements Runnable {
  @ParentCommand
  BorealisCommand root;

  @Spec
  CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
