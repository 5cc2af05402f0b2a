package io.borealis.scheduler;

import io.borealis.model.TaskState;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Map;

/**
 * The scheduler's own counters, next to the Vert.x and JVM meters in the same registry (served at
 * {@code /metrics}): {@code borealis_task_transitions_total{state}} and
 * {@code borealis_task_illegal_transitions_total} (Aurora's scheduler_illegal_task_state_transitions).
 */
public final class SchedulerMetrics {
  private final Map<TaskState, Counter> transitions = new EnumMap<>(TaskState.class);
  private final Counter illegalTransitions;

  public SchedulerMetrics(MeterRegistry registry) {
    for (TaskState state : TaskState.values()) {
      transitions.put(state, Counter.builder("borealis.task.transitions").tag("state", state.name())
          .description("Tasks that entered this state").register(registry));
    }
    illegalTransitions = Counter.builder("borealis.task.illegal.transitions")
        .description("State changes the task state machine refused").register(registry);
  }

  void entered(TaskState state) {
    transitions.get(state).increment();
  }

  void illegalTransition() {
    illegalTransitions.increment();
  }

  long illegalTransitions() {
    return (long) illegalTransitions.count();
  }
}
