package io.borealis.devcluster;

import io.borealis.mesos.wire.AgentId;
import io.borealis.mesos.wire.AgentInfo;
import io.borealis.mesos.wire.Attribute;
import io.borealis.mesos.wire.ExecutorCall;
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
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * A dev-cluster agent: serves the v1 executor API ({@code POST /api/v1/executor}), runs custom
 * executors as real OS processes in their own sandboxes ({@link CustomExecutors}) and plain command
 * tasks with its built-in {@link CommandExecutor}, and forwards the task status updates they report
 * to the master reliably (one in flight per task, retried until the framework acknowledges it:
 * {@link StatusUpdateForwarder}). Like a Mesos agent it serves {@code GET /files/read} over the
 * sandboxes of the executors it started ({@link SandboxFiles}), {@code GET /state} with what runs
 * and what it holds ({@link AgentState}), and deletes finished sandboxes ({@link FinishedSandboxes}).
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
  private SandboxFiles files;
  private FinishedSandboxes finishedSandboxes;
  private StatusUpdateForwarder updates;
  private CommandExecutor commands;
  private CustomExecutors executors;
  /** Sandboxes of running command tasks: collected like an executor's once the task ends (its executor exits). */
  private final Map<TaskId, Path> commandSandboxes = new HashMap<>();
  /** Each task's latest status while it has not ended: what the agent reports when it re-registers. */
  private final Map<TaskId, TaskStatus> latest = new HashMap<>();
  private volatile boolean stopped;
  /** Between {@link #stopKeepingExecutors} and {@link #recover}: the agent's process is not running. */
  private volatile boolean down;
  private int boundPort;
  private Context loop;
  private HttpServer server;
  private AgentId agentId;
  private AgentInfo info;

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
    executors = new CustomExecutors(vertx, loop, settings, workDir, master, files, finishedSandboxes, this::forward);
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
          files.root(workDir.resolve("slaves").resolve(id.value()));
          info = new AgentInfo(info.hostname(), info.port(), info.resources(), info.attributes(), id);
          executors.registered(info, endpoint());
          LOG.info(() -> "Agent " + id.value() + " serving executors on http://" + endpoint());
        }));
  }

  /** Stops every executor: SHUTDOWN first, then TERM, then KILL, so no process outlives the agent. */
  @Override
  public Future<?> stop() {
    stopped = true;
    if (down) {
      return Future.join(commands.stopAll(), executors.terminateCheckpointed());
    }
    return Future.join(commands.stopAll(), executors.shutdownAll());
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
      executors.shutdownFramework(framework);
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
    } else {
      executors.launch(framework, task);
    }
  }

  private void doKill(FrameworkId framework, TaskId taskId) {
    if (commands.runs(taskId)) {
      commands.kill(taskId);
    } else {
      executors.kill(framework, taskId);
    }
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

  // ---- reliable status updates towards the master ----

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

  /** An update of a custom executor's task; false if it was received before and is ignored. */
  private boolean forward(FrameworkId framework, TaskStatus status) {
    if (!updates.send(agentId, framework, status)) {
      return false;
    }
    track(status);
    return true;
  }

  private void track(TaskStatus status) {
    if (status.state() != null && status.state().isTerminal()) {
      latest.remove(status.taskId());
      executors.taskEnded(status.taskId());
    } else {
      latest.put(status.taskId(), status);
    }
  }

  // ---- restart and recovery ----

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
      dropped.addAll(executors.forgetAll());
      dropped.forEach(task -> {
        updates.forget(task);
        latest.remove(task);
      });
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
    loop.runOnContext(v -> executors.recover()
        .compose(recovered -> vertx.createHttpServer().requestHandler(this::route).listen(boundPort, settings.bindHost())
            .map(s -> {
              server = s;
              down = false;
              executors.expectResubscription(recovered);
              updates.resume(agentId);
              LOG.info(() -> "Agent " + agentId.value() + " recovered " + recovered.size() + " executor(s); serving again on "
                  + endpoint());
              return (Void) null;
            }))
        .onComplete(back));
    return back.future();
  }

  // ---- HTTP: the executor API, sandbox files and state ----

  private void route(HttpServerRequest request) {
    if (request.path().equals("/files/read") && request.method() == HttpMethod.GET) {
      files.read(request);
      return;
    }
    if (request.path().equals("/files/browse") && request.method() == HttpMethod.GET) {
      files.browse(request);
      return;
    }
    if ((request.path().equals("/state") || request.path().equals("/slave(1)/state")) && request.method() == HttpMethod.GET) {
      List<AgentState.Executor> running = new ArrayList<>(commands.executors());
      running.addAll(executors.states(latest));
      request.response().putHeader("Content-Type", "application/json")
          .end(AgentState.render(info, spec.total(), running, latest).encode());
      return;
    }
    if (!request.path().equals("/api/v1/executor")) {
      MesosHttp.answer(request.response(), 404, "Not found: " + request.path());
      return;
    }
    MesosHttp.readCall(request, ExecutorCall.class).onSuccess(call -> executors.handle(request, call));
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
