package io.borealis.state;

import io.borealis.model.PartitionPolicy;
import io.borealis.model.ScheduledTask;
import io.borealis.model.TaskState;
import java.time.Instant;

/**
 * Aurora's partition policy applied to a task Mesos calls unreachable: with {@code reschedule} it is
 * given up as LOST (and so replaced) {@code delay_secs} after it became PARTITIONED; without, it waits
 * for Mesos to report it running again or gone.
 */
public final class PartitionTimeout {
  private PartitionTimeout() {}

  public static boolean expired(ScheduledTask task, Instant now) {
    PartitionPolicy policy = task.config().partitionPolicy();
    return task.state() == TaskState.PARTITIONED && policy.reschedule()
        && !now.isBefore(task.since().plusSeconds(policy.delaySecs()));
  }

  /** Why the task is given up, for its event history. */
  public static String reason(ScheduledTask task) {
    return "Unreachable for " + task.config().partitionPolicy().delaySecs() + " s; the partition policy reschedules it";
  }
}
