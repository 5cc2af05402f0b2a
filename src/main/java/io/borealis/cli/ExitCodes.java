package io.borealis.cli;

/**
 * The exit codes every verb documents in its {@code --help}, as picocli annotation constants:
 * 0 success, 1 the command failed (the message says why), 2 the command line itself is wrong.
 */
final class ExitCodes {
  static final String HEADING = "%nExit codes:%n";
  static final String OK = "0:Success.";
  static final String FAILED = "1:The command failed: the message on stderr says why (scheduler error, unknown job, bad file).";
  static final String USAGE = "2:Invalid command line (unknown option, missing or malformed argument).";
  static final String UNAVAILABLE = "1:Always, for now: this Borealis scheduler does not offer the capability (the message says which).";

  private ExitCodes() {}
}
