package io.borealis.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code borealis admin ...}: operations on the scheduler itself, for its operators. */
@Command(name = "admin", mixinStandardHelpOptions = true, description = "Operate the scheduler itself: back up and restore its state, set quotas, drain hosts.",
    subcommands = {AdminBackupCommand.class, AdminRestoreCommand.class, AdminSetQuotaCommand.class, AdminHostCommand.class})
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
