package io.borealis.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code borealis admin ...}: operations on the scheduler itself, for its operators. */
@Command(name = "admin", mixinStandardHelpOptions = true, description = "Back up and restore a scheduler's stored state.",
    subcommands = {AdminBackupCommand.class, AdminRestoreCommand.class})
final class AdminCommand implements Runnable {
  @ParentCommand
  BorealisCommand root;

  @Spec
  CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
