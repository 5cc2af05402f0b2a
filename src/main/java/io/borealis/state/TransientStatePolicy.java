package io.borealis.state;

import io.borealis.model.ScheduledTask;
import io.borealis.model.TaskState;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

/**
 * What to do about a task that has been in a passing state for a while: Aurora moves it to LOST once
 * it has sat there past the transient timeout, and keeps re-sending the KILL of a task being stopped
 * with a doubling interval until then.
 */
public final class TransientStatePolicy {
  /** States a task should only pass through; staying is a sign that a message was lost. */
  public static final Set<TaskState> TRANSIENT = EnumSet.of(TaskState.ASSIGNED, TaskState.STARTING, TaskState.KILLING,
      TaskState.PREEMPTING, TaskState.RESTARTING, TaskState.DRAINING);
  /** States in which the scheduler has asked Mesos to kill the task. */
  public static final Set<TaskState> BEING_KILLED = EnumSet.of(TaskState.KILLING, TaskState.PREEMPTING,
      TaskState.RESTARTING, TaskState.DRAINING);

  private TransientStatePolicy() {}

  /** True when {@code task} has been in its transient state for the whole timeout. */
  public static boolean timedOut(ScheduledTask task, Instant now, LifecycleSettings settings) {
    return TRANSIENT.contains(task.state()) && !now.isBefore(task.since().plus(settings.transientTimeout()));
  }

  /**
   * How many KILLs should have been re-sent by {@code now} for a task being killed since
   * {@link ScheduledTask#since()}. Retries fall at 1, 3, 7, 15... times the initial interval after the
   * first KILL (each wait doubles): with 15 s, at 15 s, 45 s, 1 m 45 s, 3 m 45 s.
   */
  public static int killRetriesDue(ScheduledTask task, Instant now, LifecycleSettings settings) {
    if (!BEING_KILLED.contains(task.state())) {
      return 0;
    }
    long elapsed = Duration.between(task.since(), now).toMillis();
    long initial = settings.initialKillRetry().toMillis();
    int retries = 0;
    long nextAt = initial;
    while (initial > 0 && nextAt <= elapsed) {
      retries++;
      nextAt = nextAt * 2 + initial;
    }
    return retries;
  }
}
