package io.borealis.devcluster;

import io.borealis.mesos.wire.AgentId;
import io.borealis.mesos.wire.AgentInfo;
import io.borealis.mesos.wire.Attribute;
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
import io.borealis.mesos.wire.MasterInfo;
import io.borealis.mesos.wire.Url;
import io.borealis.mesos.wire.Uuids;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
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
 * A dev-cluster agent: serves the v1 executor API ({@code POST /api/v1/executor}), starts each
 * custom executor as a real OS process in its own sandbox, hands it its tasks once it subscribes, and
 * forwards the task status updates it reports to the master reliably (one in flight per task, retried
 * until the framework acknowledges it). If an executor dies, its unfinished tasks are reported
 * FAILED, as a Mesos agent does. Like a Mesos agent it serves {@code GET /files/read} over the
 * sandboxes of the executors it started ({@link SandboxFiles}), and {@code GET /state} with what runs
 * and what it holds ({@link AgentState}).
 *
 * <p>It can also restart as a Mesos agent does ({@link #stopKeepingExecutors}, then {@link #recover}):
 * executors of checkpointing frameworks keep running meanwhile and are found again from what the
 * agent wrote down ({@link ExecutorCheckpoint}); they must subscribe again within the re-registration
 * timeout or are killed. Executors and command tasks of other frameworks die with the agent, and
 * the master reports their tasks lost. The status updates on their way to the master stay in memory
 * across the restart, standing for Mesos' checkpointed update streams.
 */
public final class AgentVerticle extends VerticleBase implements AgentEndpoint {
  private static final Logger LOG = Logger.getLogger(AgentVerticle.class.getName());

  private final AgentSpec spec;
  private final MasterVerticle master;
  private final Path workDir;
  private final AgentSettings settings;
  private final Map<RunKey, ExecutorRun> runs = new HashMap<>();
  private final Map<TaskId, ExecutorRun> taskRuns = new HashMap<>();
  /** Sandboxes of running command tasks: collected like an executor's once the task ends (its executor exits). */
  private final Map<TaskId, Path> commandSandboxes = new HashMap<>();
  private SandboxFiles files;
  private FinishedSandboxes finishedSandboxes;
  private StatusUpdateForwarder updates;
  private CommandExecutor commands;
  /** Each task's latest status while it has not ended: what the agent reports when it re-registers. */
  private final Map<TaskId, TaskStatus> latest = new HashMap<>();
  private volatile boolean stopped;
  /** Between {@link #stopKeepingExecutors} and {@link #recover}: the agent's process is not running. */
  private volatile boolean down;
  private int boundPort;
  private Path checkpoints;
  private Context loop;
  private HttpServer server;
  private AgentId agentId;
  private AgentInfo info;

  private record RunKey(FrameworkId framework, ExecutorId executor) {}

  public AgentVerticle(AgentSpec spec, MasterVerticle master, Path workDir, AgentSettings settings) {
    this.spec = spec;
    this.master = master;
    this.workDir = workDir;
    this.settings = settings;
  }

  @Override
  public Future<?> start() {
    loop = context;
    updates = new StatusUpdateForwarder(vertx, master, settings.statusUpdateRetry());
    files = new SandboxFiles(vertx);
    commands = new CommandExecutor(vertx, loop, this::reportCommand, settings.executorShutdownGrace());
    finishedSandboxes = FinishedSandboxes.start(vertx, settings);
    return vertx.createHttpServer()
        .requestHandler(this::route)
        .listen(spec.port(), settings.bindHost())
        .compose(s -> {
          server = s;
          boundPort = s.actualPort();
          info = new AgentInfo(spec.hostname(), s.actualPort(), spec.total().toResources(null),
              spec.attributes().entrySet().stream().map(e -> Attribute.text(e.getKey(), e.getValue())).toList(), null);
          return master.register(this);
        })
        .onSuccess(id -> loop.runOnContext(v -> {
          agentId = id;
          checkpoints = ExecutorCheckpoint.directory(workDir, id.value());
          files.root(workDir.resolve("slaves").resolve(id.value()));
          info = new AgentInfo(info.hostname(), info.port(), info.resources(), info.attributes(), id);
          LOG.info(() -> "Agent " + id.value() + " serving executors on http://" + endpoint());
        }));
  }

  /** Stops every executor: SHUTDOWN first, then TERM, then KILL, so no process outlives the agent. */
  @Override
  public Future<?> stop() {
    stopped = true;
    if (down) {
      // Stopped for good while restarting: the executors waiting for it must not wait out their recovery timeout.
      return Future.join(commands.stopAll(), vertx.executeBlocking(() -> {
        ExecutorCheckpoint.readAll(checkpoints).forEach(c -> c.liveProcess().ifPresent(ProcessTrees::terminate));
        return null;
      }, false));
    }
    List<Future<?>> exits = new ArrayList<>();
    exits.add(commands.stopAll());
    for (ExecutorRun run : List.copyOf(runs.values())) {
      exits.add(shutdown(run));
    }
    return Future.join(exits);
  }

  public int port() {
    return server.actualPort();
  }

  private String endpoint() {
    return settings.bindHost() + ":" + port();
  }

  @Override
  public AgentInfo info() {
    return info;
  }

  @Override
  public Url url() {
    // Bound to every interface, the agent is best reached by its hostname; else by the address it bound.
    String host = settings.bindHost();
    String ip = "0.0.0.0".equals(host) || "::".equals(host) ? null : host;
    return new Url("http", new MasterInfo.Address(spec.hostname(), ip, port()), "/slave(1)");
  }

  // ---- master -> agent (each hops onto this agent's event loop) ----

  @Override
  public void launch(FrameworkInfo framework, TaskInfo task) {
    whileUp("LAUNCH of " + task.taskId().value(), () -> doLaunch(framework, task));
  }

  @Override
  public void kill(FrameworkId framework, TaskId task) {
    whileUp("KILL of " + task.value(), () -> doKill(framework, task));
  }

  @Override
  public void acknowledge(FrameworkId framework, TaskId task, byte[] uuid) {
    whileUp("an acknowledgement for " + task.value(), () -> updates.acknowledge(agentId, framework, task, uuid));
  }

  /** A message from the master reaches a running agent only; one that is restarting never sees it, as on a network. */
  private void whileUp(String message, Runnable action) {
    loop.runOnContext(v -> {
      if (down) {
        LOG.info(() -> "Agent " + agentId.value() + " is restarting; " + message + " is lost");
        return;
      }
      action.run();
    });
  }

  @Override
  public void shutdownFramework(FrameworkId framework) {
    whileUp("a framework shutdown", () -> {
      runs.values().stream().filter(r -> r.framework.id().equals(framework)).toList().forEach(this::shutdown);
      commands.shutdownFramework(framework);
    });
  }

  @Override
  public boolean alive() {
    return !stopped && !down;
  }

  @Override
  public Future<Map<TaskId, TaskStatus>> runningTasks() {
    Promise<Map<TaskId, TaskStatus>> promise = Promise.promise();
    loop.runOnContext(v -> promise.complete(Map.copyOf(latest)));
    return promise.future();
  }

  private void doLaunch(FrameworkInfo framework, TaskInfo task) {
    latest.put(task.taskId(), TaskStatus.of(task.taskId(), State.TASK_STAGING, Source.SOURCE_AGENT, null)
        .withOrigin(agentId, task.executor() == null ? null : task.executor().executorId(), System.currentTimeMillis() / 1000.0));
    if (task.executor() == null) {
      launchCommand(framework, task);
      return;
    }
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
    checkpoint(run);
  }

  private void start(ExecutorRun run) {
    vertx.executeBlocking(() -> {
      Process started = ExecutorLauncher.launch(run, agentId, endpoint(), settings);
      run.startedAtMillis = ExecutorCheckpoint.startedAtMillis(started.toHandle());
      return started;
    }, false)
        .onSuccess(process -> {
          run.handle = process.toHandle();
          LOG.info(() -> "Started executor " + run.info.executorId().value() + " (pid " + process.pid() + ") in " + run.sandbox);
          process.onExit().thenAccept(p -> loop.runOnContext(v -> executorExited(run, p.exitValue())));
          expectSubscription(run, settings.executorRegistrationTimeout());
          checkpoint(run);
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

  /** A task with a command and no executor: Mesos' command executor runs it, its executor id being the task's id. */
  private void launchCommand(FrameworkInfo framework, TaskInfo task) {
    ExecutorId executor = ExecutorId.of(task.taskId().value());
    Path sandbox = workDir.resolve("slaves").resolve(agentId.value()).resolve("frameworks").resolve(framework.id().value())
        .resolve("executors").resolve(executor.value()).resolve("runs").resolve(UUID.randomUUID().toString());
    files.attach(framework.id(), executor, sandbox);
    commandSandboxes.put(task.taskId(), sandbox);
    Map<String, String> environment = Map.of("MESOS_SANDBOX", sandbox.toString(), "MESOS_DIRECTORY", sandbox.toString(),
        "MESOS_TASK_ID", task.taskId().value(), "MESOS_FRAMEWORK_ID", framework.id().value(), "MESOS_AGENT_ENDPOINT", endpoint(),
        "MESOS_SLAVE_ID", agentId.value());
    commands.launch(framework, task, sandbox, environment);
  }

  private void reportCommand(FrameworkId framework, TaskId task, State state, Reason reason, String message) {
    TaskStatus status = TaskStatus.of(task, state, Source.SOURCE_EXECUTOR, message).withReason(reason).withUuid(Uuids.random())
        .withOrigin(agentId, ExecutorId.of(task.value()), System.currentTimeMillis() / 1000.0);
    track(status);
    if (state.isTerminal()) {
      // The command executor ends with its one task: from now on its sandbox is a finished one.
      Path sandbox = commandSandboxes.remove(task);
      if (sandbox != null) {
        finishedSandboxes.finished(sandbox);
      }
    }
    updates.send(agentId, framework, status);
  }

  private void track(TaskStatus status) {
    if (status.state() != null && status.state().isTerminal()) {
      latest.remove(status.taskId());
      ExecutorRun run = taskRuns.get(status.taskId());
      if (run != null) {
        run.tasks.remove(status.taskId());
      }
    } else {
      latest.put(status.taskId(), status);
    }
  }

  private void doKill(FrameworkId framework, TaskId taskId) {
    if (commands.runs(taskId)) {
      commands.kill(taskId);
      return;
    }
    ExecutorRun run = taskRuns.get(taskId);
    if (run == null) {
      return;
    }
    boolean wasQueued = run.queued.removeIf(t -> t.taskId().equals(taskId));
    if (wasQueued) {
      report(framework, run, taskId, State.TASK_KILLED, Source.SOURCE_AGENT, Reason.REASON_TASK_KILLED_DURING_LAUNCH,
          "Task killed before it was delivered to the executor");
      if (!run.hasLiveTasks()) {
        shutdown(run);
      }
    } else if (run.subscribed()) {
      MesosHttp.writeRecord(run.stream, ExecutorEvent.kill(taskId, null));
    }
  }

  // ---- restart and recovery ----

  /** Writes down a checkpointing framework's executor run, in order, on a worker (only its pid and tasks change). */
  private void checkpoint(ExecutorRun run) {
    if (!run.checkpointed() || run.handle == null || run.forgotten) {
      return;
    }
    ExecutorCheckpoint snapshot = ExecutorCheckpoint.of(run);
    vertx.executeBlocking(() -> {
      snapshot.write(checkpoints);
      return null;
    }, true).onFailure(e -> LOG.log(Level.WARNING, "Cannot checkpoint executor " + run.info.executorId().value(), e));
  }

  /**
   * The first half of a restart (a test and fault hook): the agent's process stops as it would for an
   * upgrade. Its HTTP endpoint closes, cutting every executor's event stream, and it forgets every
   * executor; the master is told it disconnected. Executors of checkpointing frameworks keep running and
   * try to subscribe again; the others (and command tasks of frameworks that do not checkpoint) die.
   * Completes once the endpoint is closed.
   */
  public Future<Void> stopKeepingExecutors() {
    Promise<Void> closed = Promise.promise();
    loop.runOnContext(v -> {
      if (down) {
        closed.complete();
        return;
      }
      down = true;
      updates.pause();
      List<TaskId> dropped = new ArrayList<>(commands.abandon(framework -> !Boolean.TRUE.equals(framework.checkpoint())));
      for (ExecutorRun run : runs.values()) {
        run.forgotten = true;
        vertx.cancelTimer(run.registrationTimer);
        if (!run.checkpointed()) {
          dropped.addAll(run.launched.keySet());
          run.queued.forEach(task -> dropped.add(task.taskId()));
        }
      }
      dropped.forEach(task -> {
        updates.forget(task);
        latest.remove(task);
      });
      runs.clear();
      taskRuns.clear();
      master.agentDisconnected(agentId);
      LOG.info(() -> "Agent " + agentId.value() + " is stopping for a restart; checkpointed executors keep running");
      server.close().onComplete(done -> closed.complete());
    });
    return closed.future();
  }

  /**
   * The second half of a restart: reads what was checkpointed, finds each executor whose process still
   * runs (the others' tasks are reported failed), serves again on the same port and gives the recovered
   * executors the re-registration timeout to subscribe again, after which a silent one is killed.
   * Completes once the agent serves again.
   */
  public Future<Void> recover() {
    Promise<Void> back = Promise.promise();
    loop.runOnContext(v -> vertx.executeBlocking(() -> ExecutorCheckpoint.readAll(checkpoints).stream()
            .map(checkpoint -> new Found(checkpoint, checkpoint.liveProcess().orElse(null))).toList(), true)
        .compose(found -> {
          List<ExecutorRun> recovered = found.stream().map(this::recoverRun).filter(run -> run != null).toList();
          return vertx.createHttpServer().requestHandler(this::route).listen(boundPort, settings.bindHost()).map(s -> {
            server = s;
            down = false;
            recovered.forEach(run -> expectSubscription(run, settings.executorReregistrationTimeout()));
            updates.resume(agentId);
            LOG.info(() -> "Agent " + agentId.value() + " recovered " + recovered.size() + " executor(s); serving again on "
                + endpoint());
            return (Void) null;
          });
        })
        .onComplete(back));
    return back.future();
  }

  /** A checkpointed executor run and its process, null if that has ended. */
  private record Found(ExecutorCheckpoint checkpoint, ProcessHandle process) {}

  /** One checkpointed run, running again under this agent if its process is alive; null if it is not. */
  private ExecutorRun recoverRun(Found found) {
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
      executorExited(run, null);
      return null;
    }
    run.handle = found.process();
    run.startedAtMillis = checkpoint.startedAtMillis();
    run.handle.onExit().thenAccept(p -> loop.runOnContext(x -> executorExited(run, null)));
    return run;
  }

  // ---- executor -> agent: POST /api/v1/executor ----

  private void route(HttpServerRequest request) {
    if (request.path().equals("/files/read") && request.method() == io.vertx.core.http.HttpMethod.GET) {
      files.read(request);
      return;
    }
    if (request.path().equals("/files/browse") && request.method() == io.vertx.core.http.HttpMethod.GET) {
      files.browse(request);
      return;
    }
    if ((request.path().equals("/state") || request.path().equals("/slave(1)/state")) && request.method() == io.vertx.core.http.HttpMethod.GET) {
      List<AgentState.Executor> executors = new ArrayList<>(commands.executors());
      runs.values().forEach(run -> executors.add(AgentState.of(run, latest)));
      request.response().putHeader("Content-Type", "application/json")
          .end(AgentState.render(info, spec.total(), executors, latest).encode());
      return;
    }
    if (!request.path().equals("/api/v1/executor")) {
      MesosHttp.answer(request.response(), 404, "Not found: " + request.path());
      return;
    }
    MesosHttp.readCall(request, ExecutorCall.class).onSuccess(call -> dispatch(request, call));
  }

  private void dispatch(HttpServerRequest request, ExecutorCall call) {
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
        executorUpdate(run, call.update().status());
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
    MesosHttp.writeRecord(response, ExecutorEvent.subscribed(run.info, run.framework, info, run.containerId));
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
      call.unacknowledgedUpdates().forEach(update -> executorUpdate(run, update.status()));
    }
    checkpoint(run);
  }

  private void executorUpdate(ExecutorRun run, TaskStatus status) {
    TaskStatus stamped = status.withOrigin(agentId, run.info.executorId(),
        status.timestamp() != null ? status.timestamp() : System.currentTimeMillis() / 1000.0);
    // ACKNOWLEDGED tells the executor the agent has the update, not that the framework has it.
    MesosHttp.writeRecord(run.stream, ExecutorEvent.acknowledged(status.taskId(), status.uuid()));
    enqueue(run.framework.id(), run, stamped);
  }

  // ---- reliable status updates towards the master ----

  private void report(FrameworkId framework, ExecutorRun run, TaskId task, State state, Source source, Reason reason, String message) {
    TaskStatus status = TaskStatus.of(task, state, source, message).withReason(reason).withUuid(Uuids.random())
        .withOrigin(agentId, run.info.executorId(), System.currentTimeMillis() / 1000.0);
    enqueue(framework, run, status);
  }

  private void enqueue(FrameworkId framework, ExecutorRun run, TaskStatus status) {
    if (!updates.send(agentId, framework, status)) {
      return;
    }
    track(status);
    if (status.state() != null && status.state().isTerminal()) {
      run.launched.put(status.taskId(), true);
      checkpoint(run);
    }
  }

  // ---- executor exits ----

  /** @param exitStatus null if unknown: the process was recovered after a restart, so it is not this JVM's child */
  private void executorExited(ExecutorRun run, Integer exitStatus) {
    String how = exitStatus == null ? "(exit status unknown: recovered after an agent restart)" : "with status " + exitStatus;
    finishedSandboxes.finished(run.sandbox);
    if (run.forgotten) {
      // A run from before a restart: the recovered one (if any) watches the same process.
      return;
    }
    vertx.cancelTimer(run.registrationTimer);
    if (run.checkpointed()) {
      vertx.executeBlocking(() -> {
        ExecutorCheckpoint.delete(checkpoints, run.containerId);
        return null;
      }, true);
    }
    runs.remove(new RunKey(run.framework.id(), run.info.executorId()));
    run.launched.keySet().forEach(taskRuns::remove);
    run.queued.forEach(t -> taskRuns.remove(t.taskId()));
    failTasks(run, State.TASK_FAILED, Reason.REASON_EXECUTOR_TERMINATED, "Executor terminated " + how);
    LOG.info(() -> "Executor " + run.info.executorId().value() + " exited " + how);
    master.executorExited(agentId, run.framework.id(), run.info.executorId(), exitStatus == null ? -1 : exitStatus);
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
    unfinished.forEach(task -> report(run.framework.id(), run, task, state, Source.SOURCE_AGENT, reason, message));
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

  /**
   * Timings and binding of an agent; Mesos' defaults unless tests need them shorter. Finished
   * sandboxes are kept {@code sandboxGcDelay} (Mesos' {@code --gc_delay}, a week) while they fit
   * {@code sandboxDiskBudgetBytes}, checked every {@code sandboxGcInterval} (zero: never collected).
   * After a restart, executors of checkpointing frameworks have {@code executorReregistrationTimeout}
   * (Mesos' {@code --executor_reregistration_timeout}, 2 s) to subscribe again, and retry for
   * {@code recoveryTimeout} (its {@code --recovery_timeout}, 15 min); both are passed to them.
   */
  public record AgentSettings(String bindHost, Duration statusUpdateRetry, Duration executorRegistrationTimeout,
      Duration executorShutdownGrace, Duration sandboxGcDelay, long sandboxDiskBudgetBytes, Duration sandboxGcInterval,
      Duration recoveryTimeout, Duration executorReregistrationTimeout) {
    public static final Duration DEFAULT_GC_DELAY = Duration.ofDays(7);
    public static final long DEFAULT_DISK_BUDGET_BYTES = 10L * 1024 * 1024 * 1024;
    public static final Duration DEFAULT_GC_INTERVAL = Duration.ofMinutes(1);
    public static final Duration DEFAULT_RECOVERY_TIMEOUT = Duration.ofMinutes(15);
    public static final Duration DEFAULT_EXECUTOR_REREGISTRATION_TIMEOUT = Duration.ofSeconds(2);

    public AgentSettings(String bindHost, Duration statusUpdateRetry, Duration executorRegistrationTimeout,
        Duration executorShutdownGrace) {
      this(bindHost, statusUpdateRetry, executorRegistrationTimeout, executorShutdownGrace, DEFAULT_GC_DELAY,
          DEFAULT_DISK_BUDGET_BYTES, DEFAULT_GC_INTERVAL, DEFAULT_RECOVERY_TIMEOUT, DEFAULT_EXECUTOR_REREGISTRATION_TIMEOUT);
    }

    public static AgentSettings defaults(String bindHost) {
      return new AgentSettings(bindHost, Duration.ofSeconds(10), Duration.ofMinutes(1), Duration.ofSeconds(5));
    }

    public AgentSettings withSandboxGc(Duration delay, long diskBudgetBytes, Duration interval) {
      return new AgentSettings(bindHost, statusUpdateRetry, executorRegistrationTimeout, executorShutdownGrace, delay,
          diskBudgetBytes, interval, recoveryTimeout, executorReregistrationTimeout);
    }

    public AgentSettings withRecovery(Duration recovery, Duration reregistration) {
      return new AgentSettings(bindHost, statusUpdateRetry, executorRegistrationTimeout, executorShutdownGrace, sandboxGcDelay,
          sandboxDiskBudgetBytes, sandboxGcInterval, recovery, reregistration);
    }
  }
}
