/**
 * Rolling updates as Aurora's scheduler-driven updater runs them, as pure decisions. An update has a
 * {@link io.borealis.updates.UpdateStatus} that moves only as {@link io.borealis.updates.UpdateStatusMachine}
 * allows; {@link io.borealis.updates.UpdateDiff} turns the running configs and the new one into ordered
 * {@link io.borealis.updates.InstanceGoal}s; {@link io.borealis.updates.BatchStrategy} says which
 * instances may be in flight; {@link io.borealis.updates.InstanceEvaluator} judges one instance from
 * what its tasks did; and {@link io.borealis.updates.UpdatePlanner} puts these together into the next
 * step: tasks to kill or add, instance events, a new status and when to look again. No clock reads and
 * no I/O: the update verticle observes, asks the planner, and applies its answer.
 */
package io.borealis.updates;
