package io.borealis.model;

/**
 * Aurora's {@code Process}: one command line of a task, run through bash by the executor.
 * {@code logger} is null when the process has none (Aurora's default {@link LoggerConfig#DEFAULT}).
 */
public record ProcessConfig(
    String name,
    String cmdline,
    int maxFailures,
    boolean daemon,
    boolean ephemeral,
    int minDurationSecs,
    boolean isFinal,
    LoggerConfig logger) {

  public static final int DEFAULT_MAX_FAILURES = 1;
  public static final int DEFAULT_MIN_DURATION_SECS = 5;

  public static ProcessConfig of(String name, String cmdline) {
    return new ProcessConfig(name, cmdline, DEFAULT_MAX_FAILURES, false, false, DEFAULT_MIN_DURATION_SECS, false, null);
  }
}
