package io.borealis.state;

/** What a transition obliges the scheduler to do, applied after the new state is stored. */
public enum Effect {
  /** Ask Mesos to kill the task on its agent. */
  KILL,
  /** Create a replacement task for the same instance (new id, ancestor = this task). */
  RESCHEDULE,
  /** The replacement counts this run as a failure ({@code failure_count + 1}). */
  RESCHEDULE_AS_FAILURE,
  /** Remove the task from the store (a task killed before it was ever placed). */
  DELETE,
  /** Move on to LOST straight away (e.g. a partitioned task that was being killed). */
  TRANSITION_TO_LOST
}
