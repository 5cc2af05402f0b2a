package io.borealis.model;

import java.util.EnumSet;
import java.util.Set;

/**
 * Aurora's {@code ScheduleStatus}: where a task is in its life. INIT is the moment before a new task
 * is first stored. Legal moves between these states live in {@code io.borealis.state}.
 */
public enum TaskState {
  INIT, PENDING, THROTTLED, ASSIGNED, STARTING, RUNNING, FINISHED, FAILED, KILLING, KILLED, LOST,
  PREEMPTING, RESTARTING, DRAINING, PARTITIONED;

  private static final Set<TaskState> TERMINAL = EnumSet.of(FINISHED, FAILED, KILLED, LOST);

  public boolean isTerminal() {
    return TERMINAL.contains(this);
  }

  /**
   * On its host and meant to keep running there (ASSIGNED, STARTING, RUNNING): what draining moves
   * away and preemption may stop, unlike a task already being stopped.
   */
  public boolean isLive() {
    return this == ASSIGNED || this == STARTING || this == RUNNING;
  }

  /** Placed on an agent: the executor may be running the task (Aurora's SLAVE_ASSIGNED). */
  public boolean isOnAgent() {
    return !isTerminal() && this != INIT && this != PENDING && this != THROTTLED;
  }
}
