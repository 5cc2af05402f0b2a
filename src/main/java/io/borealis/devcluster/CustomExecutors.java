package io.borealis.devcluster;

import io.borealis.mesos.wire.AgentId;
import io.borealis.mesos.wire.AgentInfo;
import io.borealis.mesos.wire.ContainerId;
import io.borealis.mesos.wire.ExecutorCall;
import io.borealis.mesos.wire.ExecutorEvent;
import io.borealis.mesos.wire.ExecutorId;
import io.borealis.mesos.wire.FrameworkId;
import io.borealis.mesos.wire.FrameworkInfo;
import io.borealis.mesos.wire.TaskId;
import io.borealis.mesos.wire.TaskInfo;
import io.borealis.mesos.wire.TaskStatus;
import io.borealis.mesos.wire.TaskStatus.Reason;
import io.borealis.mesos.wire.TaskStatus.Source;
import io.borealis.mesos.wire.TaskStatus.State;
import io.borealis.mesos.wire.Uuids;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The custom executors an agent runs ({@link ExecutorRun}): each starts as a real OS process in its own
 * sandbox on the first task given to it, is handed its tasks once it subscribes over
 * {@code POST /api/v1/executor}, and is killed if it does not subscribe within the registration
 * timeout, as Mesos destroys its container. The status updates an executor sends go to the agent's
 * {@link Reporter}, which forwards them to the master reliably. If an executor dies, its unfinished
 * tasks are reported FAILED, as a Mesos agent does.
 *
 * <p>Across an agent restart ({@link #forgetAll}, then {@link #recover}) the executors of
 * checkpointing frameworks keep running and are found again from what was written down
 * ({@link ExecutorCheckpoints}); they must subscribe again within the re-registration timeout or are
 * killed. The executors of other frameworks die with the agent. Used on the owning agent's event loop.
 */
final class CustomExecutors {
  private static final Logger LOG = Logger.getLogger(CustomExecutors.class.getName());

  /** How an executor's updates reach the agent's reliable status update streams. */
  interface Reporter {
    /** @return false if the update was received before (same uuid) and is ignored, as Mesos ignores it */
    boolean report(FrameworkId framework, TaskStatus status);
  }

  private final Vertx vertx;
  private final Context loop;
  private final AgentVerticle.AgentSettings settings;
  private final Path workDir;
  private final MasterEndpoint master;
  private final SandboxFiles files;
  private final FinishedSandboxes finishedSandboxes;
  private final Reporter reporter;
  private final Map<RunKey, ExecutorRun> runs = new HashMap<>();
  private final Map<TaskId, ExecutorRun> taskRuns = new HashMap<>();
  private AgentInfo agent;
  private AgentId agentId;
  private String agentEndpoint;
  private ExecutorCheckpoints checkpoints;

  private record RunKey(FrameworkId framework, ExecutorId executor) {}

  CustomExecutors(Vertx vertx, Context loop, AgentVerticle.AgentSettings settings, Path workDir, MasterEndpoint master,
      SandboxFiles files, FinishedSandboxes finishedSandboxes, Reporter reporter) {
    this.vertx = vertx;
    this.loop = loop;
    this.settings = settings;
    this.workDir = workDir;
    this.master = master;
    this.files = files;
    this.finishedSandboxes = finishedSandboxes;
    this.reporter = reporter;
  }

  /** The agent registered: its id names the sandboxes and checkpoints, its endpoint is what executors call. */
  void registered(AgentInfo info, String endpoint) {
    agent = info;
    agentId = info.id();
    agentEndpoint = endpoint;
    checkpoints = new ExecutorCheckpoints(vertx, ExecutorCheckpoint.directory(workDir, agentId.value()));
  }

  /** Gives the task to its executor, starting the executor if it is not running yet. */
  void launch(FrameworkInfo framework, TaskInfo task) {
    RunKey key = new RunKey(framework.id(), task.executor().executorId());
    ExecutorRun run = runs.get(key);
    if (run == null) {
      ContainerId container = ContainerId.of(UUID.randomUUID().toString());
      Path sandbox = workDir.resolve("slaves").resolve(agentId.value()).resolve("frameworks").resolve(framework.id().value())
          .resolve("executors").resolve(key.executor().value()).resolve("runs").resolve(container.value());
      run = new ExecutorRun(framework, task.executor(), container, sandbox);
      files.attach(framework.id(), task.executor().executorId(), sandbox);
      if (task.executor().container() != null) {
        // Executors run as plain processes here; pretending otherwise would run the task outside its image.
        run.queued.add(task);
        failTasks(run, State.TASK_FAILED, Reason.REASON_CONTAINER_LAUNCH_FAILED, "The Borealis dev cluster does not support "
            + "containers: this task asks for a " + task.executor().container().describe() + ". Run it on a Mesos cluster "
            + "whose agents have the Docker or Mesos containerizer.");
        return;
      }
      runs.put(key, run);
      start(run);
    }
    taskRuns.put(task.taskId(), run);
    run.tasks.put(task.taskId(), task);
    if (run.subscribed()) {
      run.launched.put(task.taskId(), false);
      MesosHttp.writeRecord(run.stream, ExecutorEvent.launch(task));
    } else {
      run.queued.add(task);
    }
    checkpoints.write(run);
  }

  private void start(ExecutorRun run) {
    vertx.executeBlocking(() -> {
      Process started = ExecutorLauncher.launch(run, agentId, agentEndpoint, settings);
      run.startedAtMillis = ExecutorCheckpoint.startedAtMillis(started.toHandle());
      return started;
    }, false)
        .onSuccess(process -> {
          run.handle = process.toHandle();
          LOG.info(() -> "Started executor " + run.info.executorId().value() + " (pid " + process.pid() + ") in " + run.sandbox);
          process.onExit().thenAccept(p -> loop.runOnContext(v -> exited(run, p.exitValue())));
          expectSubscription(run, settings.executorRegistrationTimeout());
          checkpoints.write(run);
        })
        .onFailure(error -> {
          LOG.log(Level.WARNING, "Could not start executor " + run.info.executorId().value(), error);
          failTasks(run, State.TASK_FAILED, Reason.REASON_CONTAINER_LAUNCH_FAILED, "Failed to launch executor: " + error.getMessage());
          runs.remove(new RunKey(run.framework.id(), run.info.executorId()));
        });
  }

  /** Kills the executor if it has not subscribed within {@code timeout}, as Mesos destroys its container. */
  private void expectSubscription(ExecutorRun run, Duration timeout) {
    run.registrationTimer = vertx.setTimer(timeout.toMillis(), id -> {
      if (!run.subscribed() && run.handle != null && run.handle.isAlive() && !run.forgotten) {
        LOG.warning(() -> "Executor " + run.info.executorId().value() + " did not subscribe in time; killing it");
        ProcessTrees.kill(run.handle);
      }
    });
  }

  /** A task not yet delivered is reported killed at once; a delivered one is the executor's to kill. */
  void kill(FrameworkId framework, TaskId taskId) {
    ExecutorRun run = taskRuns.get(taskId);
    if (run == null) {
      return;
    }
    boolean wasQueued = run.queued.removeIf(t -> t.taskId().equals(taskId));
    if (wasQueued) {
      report(framework, run, taskId, State.TASK_KILLED, Reason.REASON_TASK_KILLED_DURING_LAUNCH,
          "Task killed before it was delivered to the executor");
      if (!run.hasLiveTasks()) {
        shutdown(run);
      }
    } else if (run.subscribed()) {
      MesosHttp.writeRecord(run.stream, ExecutorEvent.kill(taskId, null));
    }
  }

  void shutdownFramework(FrameworkId framework) {
    runs.values().stream().filter(r -> r.framework.id().equals(framework)).toList().forEach(this::shutdown);
  }

  /** Shuts every executor down; completes when all have exited. */
  Future<?> shutdownAll() {
    List<Future<?>> exits = new ArrayList<>();
    for (ExecutorRun run : List.copyOf(runs.values())) {
      exits.add(shutdown(run));
    }
    return Future.join(exits);
  }

  /** SHUTDOWN, then TERM after the grace period, then KILL; completes when the process has exited. */
  private Future<?> shutdown(ExecutorRun run) {
    run.shuttingDown = true;
    if (run.subscribed()) {
      MesosHttp.writeRecord(run.stream, ExecutorEvent.shutdown());
    }
    if (run.handle == null) {
      return Future.succeededFuture();
    }
    Promise<Void> exited = Promise.promise();
    ProcessHandle handle = run.handle;
    handle.onExit().thenAccept(p -> exited.tryComplete());
    long grace = settings.executorShutdownGrace().toMillis();
    vertx.setTimer(grace + 1000, id -> {
      if (handle.isAlive()) {
        ProcessTrees.terminate(handle);
        vertx.setTimer(grace, id2 -> ProcessTrees.kill(handle));
      }
    });
    return exited.future();
  }

  /** The executors running now with their live tasks, as the agent's {@code /state} shows them. */
  List<AgentState.Executor> states(Map<TaskId, TaskStatus> latest) {
    return runs.values().stream().map(run -> AgentState.of(run, latest)).toList();
  }

  /** The task has ended: its executor no longer holds it. */
  void taskEnded(TaskId task) {
    ExecutorRun run = taskRuns.get(task);
    if (run != null) {
      run.tasks.remove(task);
    }
  }

  // ---- executor -> agent: POST /api/v1/executor ----

  void handle(HttpServerRequest request, ExecutorCall call) {
    String problem = ExecutorCallValidation.problem(call);
    if (problem != null) {
      MesosHttp.answer(request.response(), 400, "Failed to validate Executor::Call: " + problem);
      return;
    }
    if (call.type() == ExecutorCall.Type.SUBSCRIBE && !MesosHttp.acceptsJson(request)) {
      MesosHttp.answer(request.response(), 406, "Expecting 'Accept' to allow 'application/x-protobuf' or 'application/json'");
      return;
    }
    if (call.type() == ExecutorCall.Type.HEARTBEAT) {
      MesosHttp.accepted(request.response());
      return;
    }
    if (runs.keySet().stream().noneMatch(k -> k.framework().equals(call.frameworkId()))) {
      MesosHttp.answer(request.response(), 400, "Framework cannot be found");
      return;
    }
    ExecutorRun run = runs.get(new RunKey(call.frameworkId(), call.executorId()));
    if (run == null) {
      MesosHttp.answer(request.response(), 400, "Executor cannot be found");
      return;
    }
    switch (call.type()) {
      case SUBSCRIBE -> subscribe(request, run, call.subscribe());
      case UPDATE -> {
        if (!run.subscribed()) {
          MesosHttp.answer(request.response(), 403, "Executor is not subscribed");
          return;
        }
        MesosHttp.accepted(request.response());
        update(run, call.update().status());
      }
      default -> MesosHttp.accepted(request.response());
    }
  }

  private void subscribe(HttpServerRequest request, ExecutorRun run, ExecutorCall.Subscribe call) {
    if (run.subscribed()) {
      run.stream.end();
    }
    vertx.cancelTimer(run.registrationTimer);
    var response = request.response();
    run.stream = response;
    MesosHttp.startStream(response);
    MesosHttp.writeRecord(response, ExecutorEvent.subscribed(run.info, run.framework, agent, run.containerId));
    if (run.shuttingDown) {
      MesosHttp.writeRecord(response, ExecutorEvent.shutdown());
      return;
    }
    for (TaskInfo task : run.queued) {
      run.launched.put(task.taskId(), false);
      MesosHttp.writeRecord(response, ExecutorEvent.launch(task));
    }
    run.queued.clear();
    // A re-subscribing executor (after a lost connection or an agent restart) lists what it has that the
    // agent may not: the updates are replayed (those already received are ignored) and acknowledged.
    if (call != null && call.unacknowledgedTasks() != null) {
      call.unacknowledgedTasks().forEach(task -> {
        run.launched.putIfAbsent(task.taskId(), false);
        taskRuns.put(task.taskId(), run);
      });
    }
    if (call != null && call.unacknowledgedUpdates() != null && !call.unacknowledgedUpdates().isEmpty()) {
      LOG.info(() -> "Executor " + run.info.executorId().value() + " subscribed again with "
          + call.unacknowledgedUpdates().size() + " unacknowledged update(s)");
      call.unacknowledgedUpdates().forEach(update -> update(run, update.status()));
    }
    checkpoints.write(run);
  }

  private void update(ExecutorRun run, TaskStatus status) {
    TaskStatus stamped = status.withOrigin(agentId, run.info.executorId(),
        status.timestamp() != null ? status.timestamp() : System.currentTimeMillis() / 1000.0);
    // ACKNOWLEDGED tells the executor the agent has the update, not that the framework has it.
    MesosHttp.writeRecord(run.stream, ExecutorEvent.acknowledged(status.taskId(), status.uuid()));
    enqueue(run.framework.id(), run, stamped);
  }

  // ---- status updates the agent itself reports for an executor's tasks ----

  private void report(FrameworkId framework, ExecutorRun run, TaskId task, State state, Reason reason, String message) {
    TaskStatus status = TaskStatus.of(task, state, Source.SOURCE_AGENT, message).withReason(reason).withUuid(Uuids.random())
        .withOrigin(agentId, run.info.executorId(), System.currentTimeMillis() / 1000.0);
    enqueue(framework, run, status);
  }

  private void enqueue(FrameworkId framework, ExecutorRun run, TaskStatus status) {
    if (!reporter.report(framework, status)) {
      return;
    }
    if (status.state() != null && status.state().isTerminal()) {
      run.launched.put(status.taskId(), true);
      checkpoints.write(run);
    }
  }

  private void failTasks(ExecutorRun run, State state, Reason reason, String message) {
    List<TaskId> unfinished = new ArrayList<>();
    run.queued.forEach(t -> unfinished.add(t.taskId()));
    run.launched.forEach((task, ended) -> {
      if (!ended) {
        unfinished.add(task);
      }
    });
    run.queued.clear();
    unfinished.forEach(task -> report(run.framework.id(), run, task, state, reason, message));
  }

  /** @param exitStatus null if unknown: the process was recovered after a restart, so it is not this JVM's child */
  private void exited(ExecutorRun run, Integer exitStatus) {
    String how = exitStatus == null ? "(exit status unknown: recovered after an agent restart)" : "with status " + exitStatus;
    finishedSandboxes.finished(run.sandbox);
    if (run.forgotten) {
      // A run from before a restart: the recovered one (if any) watches the same process.
      return;
    }
    vertx.cancelTimer(run.registrationTimer);
    checkpoints.delete(run);
    runs.remove(new RunKey(run.framework.id(), run.info.executorId()));
    run.launched.keySet().forEach(taskRuns::remove);
    run.queued.forEach(t -> taskRuns.remove(t.taskId()));
    failTasks(run, State.TASK_FAILED, Reason.REASON_EXECUTOR_TERMINATED, "Executor terminated " + how);
    LOG.info(() -> "Executor " + run.info.executorId().value() + " exited " + how);
    master.executorExited(agentId, run.framework.id(), run.info.executorId(), exitStatus == null ? -1 : exitStatus);
  }

  // ---- agent restart ----

  /**
   * The agent stops for a restart: it forgets every executor, whose processes it no longer watches.
   * Returns the tasks of frameworks that do not checkpoint: their executors die with the agent.
   */
  List<TaskId> forgetAll() {
    List<TaskId> dropped = new ArrayList<>();
    for (ExecutorRun run : runs.values()) {
      run.forgotten = true;
      vertx.cancelTimer(run.registrationTimer);
      if (!run.checkpointed()) {
        dropped.addAll(run.launched.keySet());
        run.queued.forEach(task -> dropped.add(task.taskId()));
      }
    }
    runs.clear();
    taskRuns.clear();
    return dropped;
  }

  /**
   * The restarted agent reads what was checkpointed and takes back each executor whose process still
   * runs; the others' tasks are reported failed. Returns the executors recovered, which must subscribe
   * again ({@link #expectResubscription}).
   */
  Future<List<ExecutorRun>> recover() {
    return checkpoints.readWithProcesses()
        .map(found -> found.stream().map(this::recoverRun).filter(run -> run != null).toList());
  }

  /** One checkpointed run, running again under this agent if its process is alive; null if it is not. */
  private ExecutorRun recoverRun(ExecutorCheckpoints.Found found) {
    ExecutorCheckpoint checkpoint = found.checkpoint();
    ExecutorRun run = new ExecutorRun(checkpoint.framework(), checkpoint.executor(), checkpoint.container(), checkpoint.sandbox());
    run.launched.putAll(checkpoint.launched());
    run.queued.addAll(checkpoint.queued());
    runs.put(new RunKey(run.framework.id(), run.info.executorId()), run);
    run.launched.keySet().forEach(task -> taskRuns.put(task, run));
    run.queued.forEach(task -> taskRuns.put(task.taskId(), run));
    files.attach(run.framework.id(), run.info.executorId(), run.sandbox);
    if (found.process() == null) {
      LOG.info(() -> "Executor " + run.info.executorId().value() + " ended while the agent was down");
      exited(run, null);
      return null;
    }
    run.handle = found.process();
    run.startedAtMillis = checkpoint.startedAtMillis();
    run.handle.onExit().thenAccept(p -> loop.runOnContext(x -> exited(run, null)));
    return run;
  }

  /** The agent serves again: a recovered executor silent past the re-registration timeout is killed. */
  void expectResubscription(List<ExecutorRun> recovered) {
    recovered.forEach(run -> expectSubscription(run, settings.executorReregistrationTimeout()));
  }

  /** Stopped for good while restarting: the executors waiting for it must not wait out their recovery timeout. */
  Future<?> terminateCheckpointed() {
    return checkpoints.terminateAll();
  }
}
