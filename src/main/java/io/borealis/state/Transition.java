package io.borealis.state;

import io.borealis.model.TaskState;
import java.util.List;

/** The verdict on a requested state change. */
public sealed interface Transition {

  /** The task moves to {@code to}; then apply {@code effects} in order. */
  record Allowed(TaskState from, TaskState to, List<Effect> effects) implements Transition {
    public Allowed {
      effects = List.copyOf(effects);
    }
  }

  /** Same state again (a duplicate status update): nothing to do. */
  record Unchanged(TaskState state) implements Transition {}

  /**
   * Not a legal move: the state stays, the attempt is counted and logged, and {@code effects} (a
   * KILL when Mesos reports a stopped task as alive) still apply.
   */
  record Illegal(TaskState from, TaskState to, List<Effect> effects) implements Transition {
    public Illegal {
      effects = List.copyOf(effects);
    }
  }
}
