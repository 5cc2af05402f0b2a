package io.borealis.executor;

/**
 * Where one process of a task stands, as in Thermos. A process that failed with retries left, or a
 * daemon that exited, goes back to WAITING for its next run.
 */
enum ProcessState {
  /** Not running: waiting for the processes ordered before it, a free slot, or min_duration. */
  WAITING,
  /** Spawn handed to a worker thread, no pid yet. */
  STARTING,
  RUNNING,
  /** Exited 0 (not a daemon). */
  SUCCEEDED,
  /** Failed (non-zero exit or no spawn) {@code max_failures} times. */
  FAILED,
  /** Killed by the executor: a KILL, the task ending, or the finalization deadline. */
  KILLED;

  boolean isLive() {
    return this == STARTING || this == RUNNING;
  }

  boolean isTerminal() {
    return this == SUCCEEDED || this == FAILED || this == KILLED;
  }
}
