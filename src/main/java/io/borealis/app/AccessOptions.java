package io.borealis.app;

import io.borealis.access.AccessSettings;
import io.borealis.access.UsersFile;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The access-control options {@code scheduler} and {@code local} share (a picocli mixin). */
final class AccessOptions {
  @Option(names = "--users-file", paramLabel = "FILE",
      description = "Users allowed to change jobs (JSON with hashed secrets; see the README). Without it, anyone who can "
          + "reach the scheduler may change anything.")
  Path usersFile;

  @Option(names = "--authenticate-reads", description = "Reading jobs, tasks, events and the dashboard needs credentials too "
      + "(by default reads are open, as Aurora's UI is). Needs --users-file.")
  boolean authenticateReads;

  @Spec(Spec.Target.MIXEE)
  CommandSpec command;

  /**
   * The settings these options ask for, or null after printing every problem of the users file
   * (the server then exits 1). A misused option is a usage error (exit 2).
   */
  AccessSettings settingsOrExplain() {
    if (usersFile == null) {
      if (authenticateReads) {
        throw new ParameterException(command.commandLine(), "--authenticate-reads needs --users-file FILE (who may read)");
      }
      return AccessSettings.OPEN;
    }
    try {
      return new AccessSettings(UsersFile.read(usersFile), authenticateReads);
    } catch (UsersFile.InvalidUsersFile e) {
      command.commandLine().getErr().println("Error: " + e.getMessage());
      return null;
    }
  }

  /** One line for the start-up banner: an open scheduler says so, loudly. */
  static String describe(AccessSettings settings) {
    if (settings.open()) {
      return "open: anyone who can reach it may create, kill and update jobs (--users-file FILE requires credentials)";
    }
    return settings.users().size() + " user(s) may write; reads are " + (settings.authenticateReads() ? "signed in too" : "open");
  }
}
