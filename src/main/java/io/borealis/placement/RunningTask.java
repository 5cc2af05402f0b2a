package io.borealis.placement;

/**
 * A task on a host, as preemption sees it: what stopping it would free (its resources plus the
 * executor's overhead) and what decides whether it may be stopped for another.
 *
 * @param beingPreempted already PREEMPTING: its resources are as good as free, and it is no victim
 */
public record RunningTask(String taskId, String role, boolean production, int priority, double cpus, double memMb, double diskMb,
    int ports, boolean beingPreempted) {}
