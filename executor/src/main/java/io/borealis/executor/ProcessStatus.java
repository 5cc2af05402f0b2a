package io.borealis.executor;

import java.time.Instant;

/**
 * One process's standing: its state and the story of its runs. Immutable; the task replaces it on
 * every change.
 *
 * @param runs how many runs were started; the current (or last) run is number {@code runs - 1}
 * @param failures failed runs so far, counted against {@code max_failures}
 * @param lastStart when the last run was started; null before the first
 * @param pid of the current (or last) run; null before it has one
 * @param exitCode of the last run that exited; null before
 * @param reason what ended the last run, for people ("exit code 3"); null before
 */
record ProcessStatus(ProcessState state, int runs, int failures, Instant lastStart, Long pid, Integer exitCode,
    String reason) {

  static final ProcessStatus INITIAL = new ProcessStatus(ProcessState.WAITING, 0, 0, null, null, null, null);

  /** The number of the current or last run, -1 before the first. */
  int run() {
    return runs - 1;
  }

  ProcessStatus starting(Instant now) {
    return new ProcessStatus(ProcessState.STARTING, runs + 1, failures, now, null, null, null);
  }

  ProcessStatus running(long newPid) {
    return new ProcessStatus(ProcessState.RUNNING, runs, failures, lastStart, newPid, null, null);
  }

  ProcessStatus ended(ProcessState next, int failuresNow, Integer code, String why) {
    return new ProcessStatus(next, runs, failuresNow, lastStart, pid, code, why);
  }
}
