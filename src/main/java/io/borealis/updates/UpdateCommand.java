package io.borealis.updates;

/** What can happen to an update: a user's request, or the planner's finding. */
public enum UpdateCommand {
  /** User: stop starting instances; those in flight finish. */
  PAUSE,
  /** User: continue after a pause. */
  RESUME,
  /** User: stop for good, leaving instances as they are. */
  ABORT,
  /** User: undo what the update changed, in reverse order. */
  ROLLBACK,
  /** An external system says a coordinated update may go on. */
  PULSE,
  /** No pulse within {@code pulse_interval_secs}: block until the next. */
  PULSE_EXPIRED,
  /** Planner: every instance of this direction done. */
  SUCCEEDED,
  /** Planner: too many instances failed (rolls back when {@code rollback_on_failure}). */
  FAILED,
  /** Planner: the autopause of a batch strategy after a batch completes. */
  BATCH_DONE,
  /** The update cannot continue for a reason outside it (its job is gone, say). */
  ERROR
}
