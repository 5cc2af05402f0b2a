package io.borealis.state;

import static io.borealis.model.TaskState.ASSIGNED;
import static io.borealis.model.TaskState.DRAINING;
import static io.borealis.model.TaskState.FAILED;
import static io.borealis.model.TaskState.FINISHED;
import static io.borealis.model.TaskState.INIT;
import static io.borealis.model.TaskState.KILLED;
import static io.borealis.model.TaskState.KILLING;
import static io.borealis.model.TaskState.LOST;
import static io.borealis.model.TaskState.PARTITIONED;
import static io.borealis.model.TaskState.PENDING;
import static io.borealis.model.TaskState.PREEMPTING;
import static io.borealis.model.TaskState.RESTARTING;
import static io.borealis.model.TaskState.RUNNING;
import static io.borealis.model.TaskState.STARTING;
import static io.borealis.model.TaskState.THROTTLED;

import io.borealis.model.TaskState;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Aurora's task state machine (its {@code TaskStateMachine}) as a table of legal moves plus the
 * rules that attach effects to a move. Terminal states have no legal successor: Aurora only deletes
 * them, which Borealis does outside the state machine.
 */
public final class TaskStateMachine {
  private static final Map<TaskState, Set<TaskState>> LEGAL = new EnumMap<>(TaskState.class);

  static {
    Set<TaskState> fromAssigned = EnumSet.of(STARTING, RUNNING, FINISHED, FAILED, RESTARTING, DRAINING,
        KILLED, KILLING, LOST, PREEMPTING);
    Set<TaskState> fromStarting = EnumSet.copyOf(fromAssigned);
    fromStarting.remove(STARTING);
    fromStarting.add(PARTITIONED);
    Set<TaskState> fromRunning = EnumSet.copyOf(fromStarting);
    fromRunning.remove(RUNNING);
    Set<TaskState> beingStopped = EnumSet.of(FINISHED, FAILED, KILLING, KILLED, LOST, PARTITIONED);

    LEGAL.put(INIT, EnumSet.of(PENDING, THROTTLED));
    LEGAL.put(PENDING, EnumSet.of(ASSIGNED, KILLING));
    LEGAL.put(THROTTLED, EnumSet.of(PENDING, KILLING));
    LEGAL.put(ASSIGNED, fromAssigned);
    LEGAL.put(STARTING, fromStarting);
    LEGAL.put(RUNNING, fromRunning);
    LEGAL.put(PARTITIONED, EnumSet.of(LOST, FAILED, FINISHED, RUNNING, ASSIGNED, STARTING, RESTARTING,
        DRAINING, PREEMPTING, KILLING));
    LEGAL.put(PREEMPTING, beingStopped);
    LEGAL.put(RESTARTING, beingStopped);
    LEGAL.put(DRAINING, beingStopped);
    LEGAL.put(KILLING, EnumSet.of(FINISHED, FAILED, KILLED, LOST, PARTITIONED));
    for (TaskState terminal : List.of(FINISHED, FAILED, KILLED, LOST)) {
      LEGAL.put(terminal, EnumSet.noneOf(TaskState.class));
    }
  }

  private TaskStateMachine() {}

  public static boolean isLegal(TaskState from, TaskState to) {
    return LEGAL.get(from).contains(to);
  }

  /** Decides what happens when a task in {@code from} is asked to move to {@code to}. */
  public static Transition transition(TaskState from, TaskState to, TaskFacts facts) {
    if (from == to) {
      return new Transition.Unchanged(from);
    }
    if (!isLegal(from, to)) {
      // Mesos says a task we consider stopped (or never placed) is alive: make sure it dies.
      boolean revived = (from.isTerminal() || from == PENDING || from == THROTTLED || from == INIT)
          && (to == ASSIGNED || to == STARTING || to == RUNNING);
      return new Transition.Illegal(from, to, revived ? List.of(Effect.KILL) : List.of());
    }
    return new Transition.Allowed(from, to, effects(from, to, facts));
  }

  private static List<Effect> effects(TaskState from, TaskState to, TaskFacts facts) {
    List<Effect> effects = new ArrayList<>(2);
    switch (from) {
      case PENDING, THROTTLED -> {
        if (to == KILLING) {
          effects.add(Effect.DELETE);
        }
      }
      case ASSIGNED, STARTING, RUNNING -> fromLive(from, to, facts, effects);
      case PARTITIONED -> fromPartitioned(to, facts, effects);
      case PREEMPTING, RESTARTING, DRAINING -> {
        switch (to) {
          case FINISHED, FAILED, KILLED -> effects.add(Effect.RESCHEDULE);
          case LOST -> {
            effects.add(Effect.KILL);
            effects.add(Effect.RESCHEDULE);
          }
          case PARTITIONED -> effects.add(Effect.TRANSITION_TO_LOST);
          default -> { }
        }
      }
      case KILLING -> {
        if (to == PARTITIONED) {
          effects.add(Effect.TRANSITION_TO_LOST);
        }
      }
      default -> { }
    }
    return effects;
  }

  private static void fromLive(TaskState from, TaskState to, TaskFacts facts, List<Effect> effects) {
    switch (to) {
      case FINISHED -> {
        if (facts.service()) {
          effects.add(Effect.RESCHEDULE);
        }
      }
      case FAILED -> failureRule(facts, effects);
      case RESTARTING, DRAINING, PREEMPTING, KILLING -> effects.add(Effect.KILL);
      case KILLED -> effects.add(Effect.RESCHEDULE);
      case LOST -> {
        // An ASSIGNED task may still start on its agent later; once it reported in, LOST means gone.
        if (from == ASSIGNED) {
          effects.add(Effect.KILL);
        }
        effects.add(Effect.RESCHEDULE);
      }
      default -> { }
    }
  }

  private static void fromPartitioned(TaskState to, TaskFacts facts, List<Effect> effects) {
    switch (to) {
      case LOST -> {
        if (!facts.everKilling()) {
          effects.add(Effect.KILL);
          effects.add(Effect.RESCHEDULE);
        }
      }
      case KILLING, RESTARTING, DRAINING, PREEMPTING -> effects.add(Effect.TRANSITION_TO_LOST);
      case FAILED -> failureRule(facts, effects);
      case FINISHED -> {
        if (facts.service()) {
          effects.add(Effect.RESCHEDULE);
        }
      }
      default -> { }
    }
  }

  /**
   * Aurora's failure rule: a failed task comes back if the job is a service, failures are unlimited
   * (-1), or this instance has failed fewer than {@code max_task_failures - 1} times before. With the
   * default of 1 a failed batch task stays failed; with 3 it runs at most three times.
   */
  private static void failureRule(TaskFacts facts, List<Effect> effects) {
    if (facts.service() || facts.maxTaskFailures() == -1 || facts.failureCount() < facts.maxTaskFailures() - 1) {
      effects.add(Effect.RESCHEDULE_AS_FAILURE);
    }
  }
}
