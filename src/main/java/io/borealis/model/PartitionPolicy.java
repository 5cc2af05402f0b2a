package io.borealis.model;

/**
 * Aurora's {@code PartitionPolicy}: what to do with a task Mesos reports unreachable (PARTITIONED).
 * With {@code reschedule} the task is given up as LOST {@code delaySecs} after it was partitioned
 * and a replacement scheduled; without it the task waits in PARTITIONED for Mesos to say more.
 */
public record PartitionPolicy(boolean reschedule, int delaySecs) {
  /** Aurora's default: reschedule at once. */
  public static final PartitionPolicy DEFAULT = new PartitionPolicy(true, 0);

  public PartitionPolicy {
    if (delaySecs < 0) {
      throw new IllegalArgumentException("delay_secs must be at least 0, not " + delaySecs);
    }
  }
}
