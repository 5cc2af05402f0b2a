package io.borealis.executor;

import io.borealis.mesos.wire.TaskId;
import io.borealis.mesos.wire.TaskStatus.State;
import io.borealis.executor.TaskPayload.ProcessSpec;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One launched task: its processes, started in {@link ProcessOrder}, watched until all have exited,
 * and the task state that follows. Lives on one Vert.x context; every method must be called there.
 *
 * <p>Outcome, decided once nothing runs any more:
 * <ul>
 *   <li>a KILL was asked for: TASK_KILLED, whatever the exit codes;
 *   <li>a process exited non-zero or could not start: TASK_FAILED naming the first such process.
 *       As in Thermos with the default {@code max_failures = 1}, the other processes are then
 *       killed (same escalation, shutdown grace period) and those ordered after it never start;
 *   <li>otherwise every process exited 0: TASK_FINISHED.
 * </ul>
 * TASK_RUNNING is reported once the processes that could start at launch have been spawned, unless
 * a spawn failed or a KILL came first.
 */
final class RunningTask {
  private static final System.Logger LOG = System.getLogger(RunningTask.class.getName());
  /** Processes are not restarted, so every process has exactly one run, numbered 0. */
  private static final int FIRST_RUN = 0;

  /** Receives the task's state changes, on the task's context. */
  interface Listener {
    void onStatus(TaskId task, State state, String message);
  }

  private final TaskId taskId;
  private final Map<String, String> cmdlines = new LinkedHashMap<>();
  private final ProcessOrder order;
  private final ProcessLauncher launcher;
  private final ProcessTreeKiller killer;
  private final Context context;
  private final Duration failureGrace;
  private final Listener listener;

  private final Map<String, ProcessState> states = new LinkedHashMap<>();
  private final Map<String, Process> live = new LinkedHashMap<>();
  private final Promise<Void> stopped = Promise.promise();
  private boolean sandboxReady;
  private boolean runningReported;
  private boolean spawnFailed;
  private int spawning;
  private int killsInFlight;
  /** The first failure, which names the task's failure; null while none. */
  private String failure;
  /** Non-null once a KILL (or shutdown) was asked for. */
  private Duration killGrace;
  private String killReason;
  private boolean stopping;
  private boolean done;

  /**
   * @param processes with cmdlines already rendered by {@link CommandTemplate}
   * @param failureGrace how long the other processes get between SIGTERM and SIGKILL after a failure
   */
  RunningTask(TaskId taskId, List<ProcessSpec> processes, ProcessOrder order, ProcessLauncher launcher,
      ProcessTreeKiller killer, Context context, Duration failureGrace, Listener listener) {
    this.taskId = taskId;
    this.order = order;
    this.launcher = launcher;
    this.killer = killer;
    this.context = context;
    this.failureGrace = failureGrace;
    this.listener = listener;
    for (ProcessSpec process : processes) {
      cmdlines.put(process.name(), process.cmdline());
      states.put(process.name(), ProcessState.WAITING);
    }
  }

  void start() {
    launcher.prepareSandbox().onComplete(prepared -> {
      if (prepared.succeeded()) {
        sandboxReady = true;
      } else {
        noteFailure("Cannot prepare the sandbox: " + prepared.cause());
      }
      advance();
    });
  }

  /**
   * Starts kill escalation; the task ends TASK_KILLED with {@code reason} as its message. Ignored
   * once the task has ended; a second kill keeps the first one's grace period and reason.
   */
  void kill(Duration grace, String reason) {
    if (done) {
      return;
    }
    if (killGrace == null) {
      killGrace = grace;
      killReason = reason;
    }
    advance();
  }

  /** Completes once the task ended and none of its processes is left. */
  Future<Void> stopped() {
    return stopped.future();
  }

  /** Level-triggered: looks at the whole state and takes every step that is due now. */
  private void advance() {
    if (done) {
      return;
    }
    if (killGrace != null || failure != null) {
      stopAll();
    } else if (sandboxReady) {
      order.startable(states).forEach(this::spawn);
    }
    // RUNNING even if a process already exited: it did run, and the task's story should say so.
    if (sandboxReady && !runningReported && spawning == 0 && !spawnFailed && killGrace == null) {
      runningReported = true;
      List<String> started = states.entrySet().stream().filter(e -> e.getValue() != ProcessState.WAITING).map(Map.Entry::getKey).toList();
      listener.onStatus(taskId, State.TASK_RUNNING, "Started " + String.join(", ", started));
    }
    if (nothingLeftToDo()) {
      finish();
    }
  }

  private boolean nothingLeftToDo() {
    if (spawning > 0 || !live.isEmpty() || killsInFlight > 0) {
      return false;
    }
    // Without a failure or kill, the task is over only when no process can start any more; with an
    // acyclic order that means every process succeeded.
    return stopping || (sandboxReady && order.startable(states).isEmpty());
  }

  private void spawn(String name) {
    states.put(name, ProcessState.STARTING);
    spawning++;
    launcher.spawn(name, cmdlines.get(name), FIRST_RUN).onComplete(spawned -> {
      spawning--;
      if (spawned.succeeded()) {
        watch(name, spawned.result());
      } else {
        states.put(name, ProcessState.FAILED);
        spawnFailed = true;
        LOG.log(System.Logger.Level.WARNING, "task " + taskId.value() + ": process " + name + " could not be started",
            spawned.cause());
        noteFailure("Process '" + name + "' could not be started: " + spawned.cause().getMessage());
      }
      advance();
    });
  }

  private void watch(String name, Process process) {
    LOG.log(System.Logger.Level.INFO, "task {0}: process {1} started, pid {2}", taskId.value(), name, Long.toString(process.pid()));
    states.put(name, ProcessState.RUNNING);
    live.put(name, process);
    Future.fromCompletionStage(process.onExit(), context).onComplete(exit -> exited(name, process.exitValue()));
    if (stopping) {
      // Spawned while the others were being killed: it gets the same treatment.
      terminate(List.of(process.toHandle()), currentGrace());
    }
  }

  private void exited(String name, int code) {
    live.remove(name);
    LOG.log(System.Logger.Level.INFO, "task {0}: process {1} exited with code {2}", taskId.value(), name, Integer.toString(code));
    if (code == 0) {
      states.put(name, ProcessState.SUCCEEDED);
    } else {
      states.put(name, ProcessState.FAILED);
      if (!stopping) {
        noteFailure("Process '" + name + "' failed with exit code " + code);
      }
    }
    advance();
  }

  private void noteFailure(String message) {
    if (failure == null) {
      failure = message;
    }
  }

  private void stopAll() {
    if (stopping) {
      return;
    }
    stopping = true;
    if (!live.isEmpty()) {
      LOG.log(System.Logger.Level.INFO, "task {0}: stopping processes {1} ({2})", taskId.value(), live.keySet(),
          killGrace != null ? killReason : failure);
      terminate(live.values().stream().map(Process::toHandle).toList(), currentGrace());
    }
  }

  private Duration currentGrace() {
    return killGrace != null ? killGrace : failureGrace;
  }

  private void terminate(List<ProcessHandle> roots, Duration grace) {
    killsInFlight++;
    killer.kill(roots, grace).onComplete(killed -> {
      killsInFlight--;
      if (killed.failed()) {
        LOG.log(System.Logger.Level.WARNING, "task " + taskId.value() + ": kill escalation failed", killed.cause());
      }
      advance();
    });
  }

  private void finish() {
    done = true;
    if (killGrace != null) {
      listener.onStatus(taskId, State.TASK_KILLED, killReason);
    } else if (failure != null) {
      listener.onStatus(taskId, State.TASK_FAILED, failure);
    } else {
      listener.onStatus(taskId, State.TASK_FINISHED, "All processes finished successfully");
    }
    stopped.complete();
  }
}
