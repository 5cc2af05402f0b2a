package io.borealis.state;

/**
 * What the life-cycle rules need to know about a task besides its state.
 *
 * @param service jobs that always come back
 * @param maxTaskFailures -1 for unlimited
 * @param failureCount failures of this instance's earlier runs
 * @param everKilling whether the task was ever KILLING (a killed task is never rescheduled)
 */
public record TaskFacts(boolean service, int maxTaskFailures, int failureCount, boolean everKilling) {}
