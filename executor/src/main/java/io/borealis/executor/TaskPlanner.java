package io.borealis.executor;

import io.borealis.executor.TaskPayload.ProcessSpec;
import io.borealis.executor.TaskPayload.TaskLimits;
import io.borealis.mesos.wire.TaskStatus.State;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Thermos' process semantics as a pure function: from the processes' standing and {@code now}, what
 * to start, what to kill, when to look again and, once nothing is left, how the task ended. No I/O,
 * no clock: {@link RunningTask} applies the plan and calls again on every change.
 *
 * <p>Stages, recomputed from the snapshot each time:
 * <ol>
 *   <li>ACTIVE: regular (non-final) processes start as {@link ProcessOrder}, free slots
 *       ({@code max_concurrency}) and {@code min_duration} allow;
 *   <li>CLEANING: the regular stage is over (a KILL, {@code task.max_failures} processes FAILED, or
 *       every non-ephemeral regular process settled), so regular processes still live (ephemeral,
 *       daemons, the rest after a failure) are killed;
 *   <li>FINALIZING: no regular process is left; final processes run in their own order until they
 *       settle or {@code finalization_wait} after finalization began, when the live ones are killed;
 *   <li>DONE: with the task's outcome, decided by the regular processes and the KILL alone.
 * </ol>
 */
final class TaskPlanner {
  enum Stage { ACTIVE, CLEANING, FINALIZING, DONE }

  /**
   * What the task knows.
   *
   * @param processes every process's standing, by name
   * @param killReason non-null once a KILL was asked for
   * @param finalizingSince when FINALIZING was first planned; null before
   */
  record Snapshot(Map<String, ProcessStatus> processes, String killReason, Instant finalizingSince) {}

  /** How the task ended: a terminal Mesos state and the message for people. */
  record Outcome(State state, String message) {}

  /**
   * @param start processes to spawn now, in order
   * @param kill live processes to kill (the caller skips those it is killing already)
   * @param wakeAt when to plan again even if nothing happens (a min_duration or a deadline); null for never
   * @param outcome non-null only in DONE
   */
  record Plan(Stage stage, List<String> start, List<String> kill, Instant wakeAt, Outcome outcome) {}

  private final Map<String, ProcessSpec> specs = new LinkedHashMap<>();
  private final ProcessOrder order;
  private final TaskLimits limits;

  TaskPlanner(List<ProcessSpec> processes, ProcessOrder order, TaskLimits limits) {
    processes.forEach(process -> specs.put(process.name(), process));
    this.order = order;
    this.limits = limits;
  }

  Plan plan(Snapshot snapshot, Instant now) {
    Map<String, ProcessStatus> processes = snapshot.processes();
    List<String> regular = names(false);
    List<String> failed = regular.stream().filter(name -> processes.get(name).state() == ProcessState.FAILED).toList();
    boolean taskFailed = limits.maxFailures() > 0 && failed.size() >= limits.maxFailures();
    boolean regularOver = snapshot.killReason() != null || taskFailed
        || regular.stream().filter(name -> !specs.get(name).ephemeral()).allMatch(name -> settled(name, processes));
    if (!regularOver) {
      return startable(regular, processes, now, null, Stage.ACTIVE);
    }
    List<String> liveRegular = live(regular, processes);
    if (!liveRegular.isEmpty()) {
      return new Plan(Stage.CLEANING, List.of(), running(liveRegular, processes), null, null);
    }
    Outcome outcome = outcome(snapshot.killReason(), taskFailed, failed, processes);
    List<String> finals = names(true);
    if (finals.isEmpty()) {
      return done(outcome);
    }
    Instant deadline = (snapshot.finalizingSince() != null ? snapshot.finalizingSince() : now).plus(limits.finalizationWait());
    List<String> liveFinal = live(finals, processes);
    if (!now.isBefore(deadline)) {
      // Out of time: kill what runs, start nothing more.
      return liveFinal.isEmpty() ? done(outcome) : new Plan(Stage.FINALIZING, List.of(), running(liveFinal, processes), null, null);
    }
    Plan plan = startable(finals, processes, now, deadline, Stage.FINALIZING);
    boolean finalsSettled = finals.stream().allMatch(name -> settled(name, processes));
    if (liveFinal.isEmpty() && plan.start().isEmpty() && finalsSettled) {
      return done(outcome);
    }
    return plan;
  }

  /**
   * The standing of a process after its run ended.
   *
   * @param code the exit code, or null if the run could not be spawned
   * @param killed the executor was killing this run: it ends KILLED whatever the code
   */
  ProcessStatus afterRun(String name, ProcessStatus status, Integer code, String why, boolean killed) {
    ProcessSpec spec = specs.get(name);
    if (killed) {
      return status.ended(ProcessState.KILLED, status.failures(), code, "killed");
    }
    if (code != null && code == 0) {
      // A daemon only ends by failing too often or by a kill.
      return status.ended(spec.daemon() ? ProcessState.WAITING : ProcessState.SUCCEEDED, status.failures(), code, why);
    }
    int failures = status.failures() + 1;
    boolean exhausted = spec.maxFailures() > 0 && failures >= spec.maxFailures();
    return status.ended(exhausted ? ProcessState.FAILED : ProcessState.WAITING, failures, code, why);
  }

  private List<String> names(boolean finals) {
    return specs.values().stream().filter(spec -> spec.isFinal() == finals).map(ProcessSpec::name).toList();
  }

  /**
   * The WAITING processes of one stage that may start now, in declaration order: predecessors (of the
   * same stage) all SUCCEEDED, {@code min_duration} since the last start passed, a slot free.
   */
  private Plan startable(List<String> stage, Map<String, ProcessStatus> processes, Instant now, Instant deadline, Stage name) {
    long running = processes.values().stream().filter(status -> status.state().isLive()).count();
    List<String> start = new ArrayList<>();
    Instant wakeAt = deadline;
    for (String process : stage) {
      ProcessStatus status = processes.get(process);
      if (status.state() != ProcessState.WAITING || !predecessors(process).stream()
          .allMatch(before -> processes.get(before).state() == ProcessState.SUCCEEDED)) {
        continue;
      }
      if (status.lastStart() != null) {
        Instant earliest = status.lastStart().plus(specs.get(process).minDuration());
        if (now.isBefore(earliest)) {
          wakeAt = wakeAt == null || earliest.isBefore(wakeAt) ? earliest : wakeAt;
          continue;
        }
      }
      if (limits.maxConcurrency() > 0 && running >= limits.maxConcurrency()) {
        continue;
      }
      start.add(process);
      running++;
    }
    return new Plan(name, start, List.of(), wakeAt, null);
  }

  /** Order constraints apply within a stage: a final process does not wait on regular ones. */
  private List<String> predecessors(String process) {
    boolean isFinal = specs.get(process).isFinal();
    return order.predecessors(process).stream().filter(before -> specs.get(before).isFinal() == isFinal).toList();
  }

  /** Ended for good, or WAITING behind a process that will never succeed. */
  private boolean settled(String process, Map<String, ProcessStatus> processes) {
    ProcessState state = processes.get(process).state();
    if (state.isTerminal()) {
      return true;
    }
    // Order constraints are acyclic (ProcessOrder rejects cycles), so this recursion ends.
    return state == ProcessState.WAITING && predecessors(process).stream().anyMatch(before -> {
      ProcessState earlier = processes.get(before).state();
      return earlier == ProcessState.FAILED || earlier == ProcessState.KILLED
          || earlier == ProcessState.WAITING && settled(before, processes);
    });
  }

  private static List<String> live(List<String> names, Map<String, ProcessStatus> processes) {
    return names.stream().filter(name -> processes.get(name).state().isLive()).toList();
  }

  /** Only RUNNING ones have a pid to signal; a STARTING one is killed on the next plan, once it runs. */
  private static List<String> running(List<String> names, Map<String, ProcessStatus> processes) {
    return names.stream().filter(name -> processes.get(name).state() == ProcessState.RUNNING).toList();
  }

  private Outcome outcome(String killReason, boolean taskFailed, List<String> failed, Map<String, ProcessStatus> processes) {
    if (killReason != null) {
      return new Outcome(State.TASK_KILLED, killReason);
    }
    if (taskFailed) {
      return new Outcome(State.TASK_FAILED, String.join("; ", failed.stream().map(name -> failure(name, processes.get(name))).toList()));
    }
    if (failed.isEmpty()) {
      return new Outcome(State.TASK_FINISHED, "All processes finished successfully");
    }
    return new Outcome(State.TASK_FINISHED, "Finished; failed processes within the task's max_failures "
        + limits.maxFailures() + ": " + String.join("; ", failed.stream().map(name -> failure(name, processes.get(name))).toList()));
  }

  /** "Process 'web' failed with exit code 3", or "... failed 3 times, the last with exit code 3". */
  private static String failure(String name, ProcessStatus status) {
    String times = status.failures() > 1 ? " " + status.failures() + " times, the last" : "";
    return "Process '" + name + "' failed" + times + " " + status.reason();
  }

  private static Plan done(Outcome outcome) {
    return new Plan(Stage.DONE, List.of(), List.of(), null, outcome);
  }
}
