package io.borealis.executor;

/** Where one process of a task stands. Only the first run is tracked: processes are not restarted. */
enum ProcessState {
  /** Not started yet: waiting for the processes ordered before it. */
  WAITING,
  /** Spawn handed to a worker thread, no pid yet. */
  STARTING,
  RUNNING,
  SUCCEEDED,
  /** Exited non-zero, was killed, or could not be spawned. */
  FAILED;

  boolean isLive() {
    return this == STARTING || this == RUNNING;
  }
}
