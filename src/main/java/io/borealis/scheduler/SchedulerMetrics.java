package io.borealis.scheduler;

import io.borealis.model.TaskState;
import io.borealis.updates.InstanceProgress;
import io.borealis.updates.UpdateRecord;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.ToLongFunction;

/**
 * The scheduler's own meters, next to the Vert.x and JVM meters in the same registry (served at
 * {@code /metrics}). The verticles update them on their event loops; a scrape reads them from the
 * API's, so everything a gauge reads is atomic or concurrent.
 *
 * <ul>
 *   <li>{@code borealis_tasks{state}}: tasks in each state now;
 *   <li>{@code borealis_task_transitions_total{state}} and {@code borealis_task_illegal_transitions_total}
 *       (Aurora's scheduler_illegal_task_state_transitions);
 *   <li>{@code borealis_scheduling_latency_seconds}: from PENDING to ASSIGNED;
 *   <li>{@code borealis_offers_held};
 *   <li>{@code borealis_updates_active} and {@code borealis_update_instances{phase}} over active updates.
 * </ul>
 */
public final class SchedulerMetrics {
  private final Map<TaskState, Counter> transitions = new EnumMap<>(TaskState.class);
  private final Counter illegalTransitions;
  private final Timer schedulingLatency;
  private final TaskCounts taskCounts = new TaskCounts();
  private final AtomicInteger offersHeld = new AtomicInteger();
  /** Progress of each active update, by id. */
  private final Map<String, UpdateRecord> activeUpdates = new ConcurrentHashMap<>();

  public SchedulerMetrics(MeterRegistry registry) {
    for (TaskState state : TaskState.values()) {
      transitions.put(state, Counter.builder("borealis.task.transitions").tag("state", state.name())
          .description("Tasks that entered this state").register(registry));
      Gauge.builder("borealis.tasks", taskCounts, counts -> counts.of(state)).tag("state", state.name())
          .description("Tasks in this state now").register(registry);
    }
    illegalTransitions = Counter.builder("borealis.task.illegal.transitions")
        .description("State changes the task state machine refused").register(registry);
    schedulingLatency = Timer.builder("borealis.scheduling.latency").description("From PENDING to ASSIGNED")
        .publishPercentiles(0.5, 0.99).register(registry);
    Gauge.builder("borealis.offers.held", offersHeld, AtomicInteger::get).description("Mesos offers held for placement")
        .register(registry);
    Gauge.builder("borealis.updates.active", activeUpdates, Map::size).description("Rolling updates in progress").register(registry);
    instances(registry, "total", update -> update.state().currentPass().goals().size());
    instances(registry, "done", update -> update.state().currentPass().count(InstanceProgress.Phase.SUCCEEDED));
    instances(registry, "failed", update -> update.state().currentPass().count(InstanceProgress.Phase.FAILED));
    instances(registry, "in_flight", update -> update.state().currentPass().count(InstanceProgress.Phase.IN_FLIGHT));
  }

  private void instances(MeterRegistry registry, String phase, ToLongFunction<UpdateRecord> count) {
    Gauge.builder("borealis.update.instances", activeUpdates, updates -> updates.values().stream().mapToLong(count).sum())
        .tag("phase", phase).description("Instances of active updates' current passes, by phase").register(registry);
  }

  TaskCounts taskCounts() {
    return taskCounts;
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

  void scheduled(Duration pendingFor) {
    schedulingLatency.record(pendingFor.isNegative() ? Duration.ZERO : pendingFor);
  }

  void offersHeld(int count) {
    offersHeld.set(count);
  }

  /** The update as stored now; it stops counting once it is no longer active (or is deleted, {@code update} null). */
  void update(String id, UpdateRecord update) {
    if (update != null && update.status().isActive()) {
      activeUpdates.put(id, update);
    } else {
      activeUpdates.remove(id);
    }
  }

  /** How many tasks are in each state, kept by the task store as it saves and deletes. */
  static final class TaskCounts {
    private final AtomicLongArray counts = new AtomicLongArray(TaskState.values().length);

    void moved(TaskState from, TaskState to) {
      if (from != null) {
        counts.decrementAndGet(from.ordinal());
      }
      if (to != null) {
        counts.incrementAndGet(to.ordinal());
      }
    }

    void clear() {
      for (int i = 0; i < counts.length(); i++) {
        counts.set(i, 0);
      }
    }

    long of(TaskState state) {
      return counts.get(state.ordinal());
    }
  }
}
