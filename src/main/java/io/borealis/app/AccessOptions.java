package io.borealis.app;

import io.borealis.access.AccessSettings;
import io.borealis.access.UsersFile;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The access-control options {@code scheduler} and {@code local} share (a picocli mixin). */
final class AccessOptions {
  @Option(names = "--users-file", paramLabel = "FILE",
      description = "Users allowed to change jobs (JSON with hashed secrets; see the README). Without it, anyone who can "
          + "reach the scheduler may change anything.")
  Path usersFile;

  @Option(names = "--authenticate-reads", description = "Reading jobs, tasks, events and the dashboard needs credentials too "
      + "(by default reads are open, as Aurora's UI is). Needs --users-file.")
  boolean authenticateReads;

  /** The settings these options ask for; throws UsersFile.InvalidUsersFile naming every problem in the file. */
  AccessSettings settings() {
    if (usersFile == null) {
      if (authenticateReads) {
        throw new IllegalArgumentException("--authenticate-reads needs --users-file FILE (who may read)");
      }
      return AccessSettings.OPEN;
    }
    return new AccessSettings(UsersFile.read(usersFile), authenticateReads);
  }

  /** One line for the start-up banner: an open scheduler says so, loudly. */
  static String describe(AccessSettings settings) {
    if (settings.open()) {
      return "open: anyone who can reach it may create, kill and update jobs (--users-file FILE requires credentials)";
    }
    return settings.users().size() + " user(s) may write; reads are " + (settings.authenticateReads() ? "signed in too" : "open");
  }
}
