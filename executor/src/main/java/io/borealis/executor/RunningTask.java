package io.borealis.executor;

import io.borealis.executor.TaskPayload.ProcessSpec;
import io.borealis.executor.TaskPlanner.Outcome;
import io.borealis.executor.TaskPlanner.Plan;
import io.borealis.executor.TaskPlanner.Snapshot;
import io.borealis.executor.TaskPlanner.Stage;
import io.borealis.mesos.wire.TaskId;
import io.borealis.mesos.wire.TaskStatus.State;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * One launched task, the thin shell around {@link TaskPlanner}: it keeps each process's
 * {@link ProcessStatus}, asks the planner what is due after every change (and at the times the
 * planner names), and does it: spawns runs, kills process trees, checkpoints the states
 * ({@link ProcessCheckpoint}) and reports the task's state. Lives on one Vert.x context; every
 * method must be called there.
 *
 * <p>TASK_RUNNING is reported once the processes that could start at launch have been spawned and
 * one of them got a pid, unless a KILL came first. The terminal state is reported once the
 * checkpoint that shows how every process ended is on disk.
 */
final class RunningTask {
  private static final System.Logger LOG = System.getLogger(RunningTask.class.getName());
  /** How long after a run exits its piped output may still take to reach the log. */
  private static final Duration OUTPUT_DRAIN_WAIT = Duration.ofSeconds(1);

  /** Receives the task's state changes, on the task's context. */
  interface Listener {
    void onStatus(TaskId task, State state, String message);
  }

  private final TaskId taskId;
  private final Map<String, ProcessSpec> specs = new LinkedHashMap<>();
  private final TaskPlanner planner;
  private final ProcessLauncher launcher;
  private final ProcessTreeKiller killer;
  private final ProcessCheckpoint checkpoint;
  private final Vertx vertx;
  private final Context context;
  private final Clock clock;
  private final Duration cleanupGrace;
  private final Listener listener;

  private final Map<String, ProcessStatus> statuses = new LinkedHashMap<>();
  private final Map<String, Process> live = new LinkedHashMap<>();
  /** Processes whose current run the executor is killing: that run ends KILLED, not retried. */
  private final Set<String> killing = new HashSet<>();
  private final Promise<Void> stopped = Promise.promise();
  private boolean sandboxReady;
  private boolean runningReported;
  private boolean everSpawned;
  private int spawning;
  private int killsInFlight;
  private Instant finalizingSince;
  private long wakeTimer = -1;
  /** Non-null once a KILL (or shutdown) was asked for. */
  private Duration killGrace;
  private String killReason;
  /** The terminal state a kill ends in: TASK_KILLED, or TASK_FAILED when health checks failed. */
  private State killState;
  /** Aurora's HTTP lifecycle, run before signals on a kill; null without a {@code health} port. */
  private final GracefulShutdown graceful;
  private boolean done;

  /**
   * @param processes with cmdlines already rendered by {@link CommandTemplate}
   * @param cleanupGrace between SIGTERM and SIGKILL when the task itself kills what is left (after
   *     a failure, or ephemeral processes once the others are done)
   * @param graceful run on a kill before any signal; null for signals only
   */
  RunningTask(TaskId taskId, List<ProcessSpec> processes, TaskPlanner planner, ProcessLauncher launcher,
      ProcessTreeKiller killer, ProcessCheckpoint checkpoint, Vertx vertx, Context context, Clock clock,
      Duration cleanupGrace, GracefulShutdown graceful, Listener listener) {
    this.taskId = taskId;
    this.planner = planner;
    this.launcher = launcher;
    this.killer = killer;
    this.checkpoint = checkpoint;
    this.vertx = vertx;
    this.context = context;
    this.clock = clock;
    this.cleanupGrace = cleanupGrace;
    this.graceful = graceful;
    this.listener = listener;
    for (ProcessSpec process : processes) {
      specs.put(process.name(), process);
      statuses.put(process.name(), ProcessStatus.INITIAL);
    }
  }

  void start() {
    launcher.prepareSandbox().onComplete(prepared -> {
      if (prepared.failed() && prepared.cause() instanceof TaskUser.NoSuchUserException) {
        LOG.log(System.Logger.Level.ERROR, "task {0}: {1}", taskId.value(), prepared.cause().getMessage());
        finish(new Outcome(State.TASK_FAILED, prepared.cause().getMessage()));
        return;
      }
      if (prepared.failed()) {
        LOG.log(System.Logger.Level.ERROR, "task " + taskId.value() + ": cannot prepare the sandbox", prepared.cause());
        finish(new Outcome(State.TASK_FAILED, "Cannot prepare the sandbox: " + prepared.cause()));
        return;
      }
      TaskUser user = prepared.result();
      LOG.log(System.Logger.Level.INFO, "task {0}: processes run as {1}{2}", taskId.value(), user.name(),
          user.switched() ? " (uid " + user.uid() + ")" : ", as this executor does");
      sandboxReady = true;
      advance();
    });
  }

  /**
   * Starts kill escalation; the task ends TASK_KILLED with {@code reason} as its message, after its
   * final processes ran. Ignored once the task has ended; a second kill keeps the first one's grace
   * period and reason.
   */
  void kill(Duration grace, String reason) {
    kill(grace, reason, State.TASK_KILLED);
  }

  /** As {@link #kill(Duration, String)}, ending in {@code terminal} (TASK_FAILED for failed health checks). */
  void kill(Duration grace, String reason, State terminal) {
    if (done) {
      return;
    }
    if (killGrace == null) {
      killGrace = grace;
      killReason = reason;
      killState = terminal;
      if (graceful != null) {
        graceful.begin(this::advance);
      }
    }
    advance();
  }

  /** Completes once the task ended and none of its processes is left. */
  Future<Void> stopped() {
    return stopped.future();
  }

  /** Level-triggered: asks the planner what is due now and does all of it. */
  private void advance() {
    if (done || !sandboxReady) {
      return;
    }
    Instant now = clock.instant();
    Plan plan = planner.plan(new Snapshot(Map.copyOf(statuses), killReason, finalizingSince), now);
    if (plan.stage() == Stage.FINALIZING && finalizingSince == null) {
      finalizingSince = now;
      LOG.log(System.Logger.Level.INFO, "task {0}: finalizing", taskId.value());
    }
    plan.start().forEach(name -> spawn(name, now));
    // The lifecycle phase covers the regular processes only: once none is left, signals are free.
    boolean holdSignals = false;
    if (graceful != null && killGrace != null) {
      if (plan.stage() == Stage.CLEANING) {
        holdSignals = graceful.holding();
      } else {
        graceful.end();
      }
    }
    for (String name : plan.kill()) {
      if (!holdSignals && killing.add(name)) {
        terminate(name, live.get(name), graceFor(plan.stage()));
      }
    }
    if (!runningReported && spawning == 0 && everSpawned && killGrace == null) {
      runningReported = true;
      List<String> started = statuses.entrySet().stream().filter(e -> e.getValue().runs() > 0).map(Map.Entry::getKey).toList();
      listener.onStatus(taskId, State.TASK_RUNNING, "Started " + String.join(", ", started));
    }
    scheduleWake(plan.wakeAt(), now);
    if (plan.outcome() != null && killsInFlight == 0 && live.isEmpty() && spawning == 0) {
      finish(plan.outcome());
    }
  }

  /** A KILL's grace for a KILL; the finalization deadline is hard; otherwise the executor's own. */
  private Duration graceFor(Stage stage) {
    if (stage == Stage.FINALIZING) {
      return Duration.ZERO;
    }
    return killGrace != null ? killGrace : cleanupGrace;
  }

  private void scheduleWake(Instant wakeAt, Instant now) {
    if (wakeTimer >= 0) {
      vertx.cancelTimer(wakeTimer);
      wakeTimer = -1;
    }
    if (wakeAt != null) {
      // Vert.x timers need at least 1 ms.
      long delay = Math.max(1, Duration.between(now, wakeAt).toMillis() + 1);
      wakeTimer = vertx.setTimer(delay, id -> {
        wakeTimer = -1;
        advance();
      });
    }
  }

  private void spawn(String name, Instant now) {
    ProcessStatus starting = statuses.get(name).starting(now);
    update(name, starting);
    spawning++;
    launcher.spawn(name, specs.get(name).cmdline(), starting.run(), specs.get(name).logs()).onComplete(spawned -> {
      spawning--;
      if (spawned.succeeded()) {
        watch(name, spawned.result());
      } else {
        LOG.log(System.Logger.Level.WARNING, "task " + taskId.value() + ": process " + name + " could not be started",
            spawned.cause());
        update(name, planner.afterRun(name, statuses.get(name), null, "to start: " + spawned.cause().getMessage(), false));
      }
      advance();
    });
  }

  private void watch(String name, ProcessLauncher.Spawned spawned) {
    Process process = spawned.process();
    everSpawned = true;
    ProcessStatus status = statuses.get(name).running(process.pid());
    LOG.log(System.Logger.Level.INFO, "task {0}: process {1} run {2} started, pid {3}", taskId.value(), name,
        Integer.toString(status.run()), Long.toString(process.pid()));
    update(name, status);
    live.put(name, process);
    // A run's end is recorded once its piped output is on disk, so that whoever sees it ended can read
    // all it wrote; but a child it left holding the pipe must not hold that up for long.
    CompletableFuture<Void> exitedAndDrained = process.onExit().thenCompose(exited -> spawned.outputDrained().copy()
        .completeOnTimeout(null, OUTPUT_DRAIN_WAIT.toMillis(), TimeUnit.MILLISECONDS));
    Future.fromCompletionStage(exitedAndDrained, context).onComplete(exit -> exited(name, process.exitValue()));
  }

  private void exited(String name, int code) {
    live.remove(name);
    boolean killed = killing.remove(name);
    ProcessStatus after = planner.afterRun(name, statuses.get(name), code, "with exit code " + code, killed);
    LOG.log(System.Logger.Level.INFO, "task {0}: process {1} run {2} exited with code {3}: now {4}", taskId.value(), name,
        Integer.toString(after.run()), Integer.toString(code), after.state());
    update(name, after);
    advance();
  }

  private void update(String name, ProcessStatus status) {
    statuses.put(name, status);
    checkpoint.save(ProcessCheckpoint.render(taskId.value(), statuses, clock.instant()));
  }

  private void terminate(String name, Process process, Duration grace) {
    LOG.log(System.Logger.Level.INFO, "task {0}: killing process {1} (grace {2} ms)", taskId.value(), name,
        Long.toString(grace.toMillis()));
    killsInFlight++;
    killer.kill(List.of(process.toHandle()), grace).onComplete(killed -> {
      killsInFlight--;
      if (killed.failed()) {
        LOG.log(System.Logger.Level.WARNING, "task " + taskId.value() + ": kill escalation failed", killed.cause());
      }
      advance();
    });
  }

  private void finish(Outcome planned) {
    done = true;
    if (graceful != null) {
      graceful.end();
    }
    Outcome outcome = killState != null && planned.state() == State.TASK_KILLED
        ? new Outcome(killState, planned.message()) : planned;
    if (wakeTimer >= 0) {
      vertx.cancelTimer(wakeTimer);
    }
    // Durable before published: whoever sees the terminal state can read how each process ended.
    checkpoint.save(ProcessCheckpoint.render(taskId.value(), statuses, clock.instant())).onComplete(saved -> {
      listener.onStatus(taskId, outcome.state(), outcome.message());
      stopped.complete();
    });
  }
}
