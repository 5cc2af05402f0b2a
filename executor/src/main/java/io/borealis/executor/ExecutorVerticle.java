package io.borealis.executor;

import io.borealis.executor.CommandTemplate.Bindings;
import io.borealis.executor.CommandTemplate.UnresolvedReferenceException;
import io.borealis.executor.TaskPayload.InvalidPayloadException;
import io.borealis.executor.TaskPayload.ProcessSpec;
import io.borealis.mesos.wire.AgentId;
import io.borealis.mesos.wire.ExecutorCall;
import io.borealis.mesos.wire.ExecutorEvent;
import io.borealis.mesos.wire.TaskId;
import io.borealis.mesos.wire.TaskInfo;
import io.borealis.mesos.wire.TaskStatus;
import io.borealis.mesos.wire.TaskStatus.Reason;
import io.borealis.mesos.wire.TaskStatus.State;
import io.borealis.mesos.wire.Uuids;
import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;

/**
 * The executor itself: subscribes to the agent, turns events into task actions, reports task states
 * as acknowledged updates, and decides when the program exits. Owns all mutable state, on its one
 * context.
 *
 * <p>Exit codes: 0 once every task is terminal and every update acknowledged (or
 * {@link #ACKNOWLEDGEMENT_TIMEOUT} after the last terminal update, or after SHUTDOWN); 1 when the
 * agent connection is lost or the agent sends ERROR, after killing every process. Without
 * checkpointing there is nobody to reconnect to, as Mesos' own executors do. With checkpointing
 * ({@code MESOS_CHECKPOINT=1}) the agent may be restarting: the executor keeps its tasks running and
 * every update unacknowledged, and subscribes again listing them ({@link AgentSubscription}); only if
 * the agent is not back within its recovery timeout does it kill everything and exit 1, leaving no
 * orphans.
 */
final class ExecutorVerticle extends VerticleBase {
  private static final System.Logger LOG = System.getLogger(ExecutorVerticle.class.getName());
  static final Duration ACKNOWLEDGEMENT_TIMEOUT = Duration.ofSeconds(10);
  private static final int UPDATE_ATTEMPTS = 3;

  private final ExecutorEnvironment env;
  private final Clock clock;
  private final IntConsumer onExit;
  private final StatusUpdates updates = new StatusUpdates();
  private final Map<TaskId, State> lastStates = new LinkedHashMap<>();
  private final Map<TaskId, RunningTask> tasks = new LinkedHashMap<>();
  /** Every task launched, and which of them have had an update acknowledged: a re-SUBSCRIBE lists the others. */
  private final Map<TaskId, TaskInfo> launched = new LinkedHashMap<>();
  private final java.util.Set<TaskId> acknowledgedOnce = new java.util.HashSet<>();
  /** For health checks and the lifecycle POSTs, to the task's own ports on this host. */
  private HttpClient taskClient;
  private StatusCheckers checkers;
  private AgentClient agent;
  private AgentSubscription subscription;
  private boolean everSubscribed;
  private boolean executorIsRoot;
  private ProcessTreeKiller killer;
  private String agentHostname;
  private AgentId agentId;
  private boolean shutdownRequested;
  private boolean aborting;
  private boolean exited;
  private long acknowledgementTimer = -1;

  /** @param onExit called once, on this verticle's context, with the code the program should exit with */
  ExecutorVerticle(ExecutorEnvironment env, Clock clock, IntConsumer onExit) {
    this.env = env;
    this.clock = clock;
    this.onExit = onExit;
  }

  @Override
  public Future<?> start() {
    agent = new AgentClient(vertx, env.agentHost(), env.agentPort(), env.authenticationToken());
    executorIsRoot = TaskUser.executorIsRoot();
    if (!executorIsRoot) {
      // Said once: without root there is no switching, whatever user each task asks for.
      LOG.log(System.Logger.Level.INFO, "this executor runs as {0}, not root: every task runs as {0}, whatever its role",
          System.getProperty("user.name"));
    }
    killer = new ProcessTreeKiller(vertx);
    // No keep-alive: a task's server may go away between checks, and a pooled dead connection would fail one.
    taskClient = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(false));
    checkers = new StatusCheckers(vertx, taskClient);
    LOG.log(System.Logger.Level.INFO, "subscribing to the agent at {0}:{1} as executor {2} of framework {3}",
        env.agentHost(), Integer.toString(env.agentPort()), env.executorId().value(), env.frameworkId().value());
    subscription = new AgentSubscription(vertx, agent, env.recovery(), this::subscribeCall, this::onEvent, this::onStreamOver,
        why -> abort(1, why));
    subscription.subscribe();
    return Future.succeededFuture();
  }

  @Override
  public Future<?> stop() {
    // Left ZooKeeper sessions would keep their members up until they expire.
    Future<?> withdrawn = checkers.stopAll();
    return Future.join(agent.close(), taskClient.close(), withdrawn);
  }

  /** Empty at first; after a lost connection, what the agent may not have: as Mesos' executor library sends it. */
  private ExecutorCall subscribeCall() {
    List<TaskInfo> unacknowledgedTasks = launched.entrySet().stream()
        .filter(task -> !acknowledgedOnce.contains(task.getKey())).map(Map.Entry::getValue).toList();
    List<ExecutorCall.Update> unacknowledgedUpdates = updates.pending().stream().map(ExecutorCall.Update::new).toList();
    return ExecutorCall.subscribe(env.frameworkId(), env.executorId(), unacknowledgedTasks, unacknowledgedUpdates);
  }

  private void onEvent(ExecutorEvent event) {
    if (exited || aborting || event.type() == null) {
      return;
    }
    switch (event.type()) {
      case SUBSCRIBED -> subscribed(event.subscribed());
      case LAUNCH -> launch(event.launch().task());
      case KILL -> kill(event.kill());
      case ACKNOWLEDGED -> acknowledged(event.acknowledged());
      case SHUTDOWN -> shutdown();
      case ERROR -> abort(1, "the agent sent ERROR: " + (event.error() == null ? "" : event.error().message()));
      case LAUNCH_GROUP -> LOG.log(System.Logger.Level.WARNING, "LAUNCH_GROUP is not supported by this executor; ignored");
      default -> LOG.log(System.Logger.Level.DEBUG, "ignoring {0}", event.type());
    }
  }

  private void subscribed(ExecutorEvent.Subscribed subscribed) {
    if (subscribed != null && subscribed.agentInfo() != null) {
      agentHostname = subscribed.agentInfo().hostname();
      agentId = subscribed.agentInfo().id();
    }
    if (!everSubscribed) {
      everSubscribed = true;
      LOG.log(System.Logger.Level.INFO, "subscribed to agent {0}", agentHostname);
      return;
    }
    // The agent replays the updates the SUBSCRIBE listed and acknowledges them on this stream.
    LOG.log(System.Logger.Level.INFO, "subscribed again to agent {0}, with {1} unacknowledged update(s)", agentHostname,
        Integer.toString(updates.pending().size()));
    armAcknowledgementTimeout();
  }

  private void launch(TaskInfo task) {
    if (task == null || task.taskId() == null) {
      LOG.log(System.Logger.Level.WARNING, "LAUNCH without a task id; ignored");
      return;
    }
    TaskId id = task.taskId();
    if (lastStates.containsKey(id)) {
      LOG.log(System.Logger.Level.WARNING, "task {0} was already launched; duplicate LAUNCH ignored", id.value());
      return;
    }
    launched.put(id, task);
    report(id, State.TASK_STARTING, "Preparing the sandbox", null);
    if (shutdownRequested) {
      report(id, State.TASK_KILLED, "The executor is shutting down", null);
      return;
    }
    TaskPayload payload;
    List<ProcessSpec> processes;
    try {
      payload = TaskPayload.parse(task.data());
      processes = render(id, payload);
    } catch (InvalidPayloadException e) {
      report(id, State.TASK_FAILED, "Invalid task payload: " + e.getMessage(), Reason.REASON_TASK_INVALID);
      return;
    } catch (UnresolvedReferenceException e) {
      report(id, State.TASK_FAILED, e.getMessage(), Reason.REASON_TASK_INVALID);
      return;
    }
    Integer healthPort = payload.ports().get(TaskPayload.HEALTH_PORT);
    // Aurora's default lifecycle applies whenever the task has a health port (the payload has no lifecycle).
    GracefulShutdown graceful = healthPort == null ? null
        : new GracefulShutdown(vertx, taskClient, healthPort, env.lifecycleWaits());
    ProcessLauncher launcher = new ProcessLauncher(vertx, env.sandbox(), taskUser(task, payload), payload.role(),
        executorIsRoot);
    RunningTask running = new RunningTask(id, processes, new TaskPlanner(processes, payload.order(), payload.limits()),
        launcher, killer, new ProcessCheckpoint(vertx, env.sandbox()), vertx, context, clock, env.shutdownGracePeriod(),
        graceful, this::onTaskStatus);
    tasks.put(id, running);
    checkers.add(id, payload, healthPort, launcher, (healthy, why) -> onHealthChanged(id, healthy, why));
    running.start();
  }

  /** Health checks and the ServerSet membership run from TASK_RUNNING until the task ends. */
  private void onTaskStatus(TaskId id, State state, String message) {
    report(id, state, message, null);
    checkers.taskIs(id, state, agentHostname, shutdownRequested || aborting);
  }

  /** Reports the change as TASK_RUNNING with {@code healthy}; an unhealthy task is killed and ends FAILED. */
  private void onHealthChanged(TaskId id, boolean healthy, String why) {
    if (lastStates.get(id) == State.TASK_RUNNING) {
      report(id, State.TASK_RUNNING, healthy ? "Task is healthy" : "Task is unhealthy: " + why,
          Reason.REASON_TASK_HEALTH_CHECK_STATUS_UPDATED, healthy);
    }
    if (!healthy) {
      tasks.get(id).kill(env.shutdownGracePeriod(), "Failed health checks: " + why, State.TASK_FAILED);
    }
  }

  /** Mesos' {@code CommandInfo.user} (the scheduler puts the role there), else the role, as Thermos uses it. */
  private static String taskUser(TaskInfo task, TaskPayload payload) {
    if (task.executor() != null && task.executor().command() != null && task.executor().command().user() != null
        && !task.executor().command().user().isEmpty()) {
      return task.executor().command().user();
    }
    return payload.role();
  }

  private List<ProcessSpec> render(TaskId id, TaskPayload payload) {
    Bindings bindings = new Bindings(id.value(), payload.instance(), agentHostname, payload.role(), payload.ports());
    List<ProcessSpec> rendered = new ArrayList<>();
    for (ProcessSpec process : payload.processes()) {
      try {
        rendered.add(process.withCmdline(CommandTemplate.render(process.cmdline(), bindings)));
      } catch (UnresolvedReferenceException e) {
        throw new UnresolvedReferenceException("Process '" + process.name() + "': " + e.getMessage());
      }
    }
    return rendered;
  }

  private void kill(ExecutorEvent.Kill kill) {
    TaskId id = kill == null ? null : kill.taskId();
    State last = id == null ? null : lastStates.get(id);
    if (last == null) {
      LOG.log(System.Logger.Level.INFO, "KILL for unknown task {0}; ignored", id == null ? null : id.value());
      return;
    }
    if (last.isTerminal()) {
      LOG.log(System.Logger.Level.INFO, "KILL for task {0}, already {1}; ignored", id.value(), last);
      return;
    }
    Duration grace = kill.killPolicy() != null && kill.killPolicy().gracePeriod() != null
        ? kill.killPolicy().gracePeriod().toDuration()
        : env.shutdownGracePeriod();
    LOG.log(System.Logger.Level.INFO, "killing task {0} (grace period {1} ms)", id.value(), Long.toString(grace.toMillis()));
    checkers.taskKilled(id);
    tasks.get(id).kill(grace, "Killed on request");
  }

  private void acknowledged(ExecutorEvent.Acknowledged ack) {
    TaskStatus status = ack == null ? null : updates.acknowledge(ack.taskId(), ack.uuid());
    if (status == null) {
      LOG.log(System.Logger.Level.DEBUG, "ACKNOWLEDGED for an update not pending; ignored");
      return;
    }
    acknowledgedOnce.add(status.taskId());
    LOG.log(System.Logger.Level.DEBUG, "agent acknowledged {0} of task {1}", status.state(), status.taskId().value());
    exitIfAllAcknowledged();
  }

  private void shutdown() {
    LOG.log(System.Logger.Level.INFO, "the agent asked for SHUTDOWN");
    shutdownRequested = true;
    checkers.stopAll();
    tasks.values().forEach(task -> task.kill(env.shutdownGracePeriod(), "Killed: the agent shut the executor down"));
    exitIfAllAcknowledged();
  }

  private void onStreamOver(AsyncResult<Void> over) {
    String why = over.succeeded() ? "the agent closed the event stream" : String.valueOf(over.cause().getMessage());
    if (shutdownRequested) {
      // The agent may well hang up after SHUTDOWN; finish the kill we were asked for.
      LOG.log(System.Logger.Level.INFO, "{0} after SHUTDOWN", why);
      whenAllStopped().onComplete(stopped -> exit(0, "shut down as the agent asked"));
    } else if (env.checkpoint() && !aborting && !exited) {
      // The agent may be restarting: it recovers this executor if we subscribe again in time. Until then
      // updates stay unacknowledged, and exiting on the acknowledgement timeout would lose them.
      LOG.log(System.Logger.Level.WARNING, "{0} to the agent: {1}; subscribing again (the framework checkpoints)",
          everSubscribed ? "lost the connection" : "cannot subscribe", why);
      vertx.cancelTimer(acknowledgementTimer);
      acknowledgementTimer = -1;
      subscription.resubscribeLater();
    } else {
      abort(1, "lost the connection to the agent: " + why);
    }
  }

  /** No more updates can or should be sent: kill every process, then exit. */
  private void abort(int code, String reason) {
    if (aborting || exited) {
      return;
    }
    aborting = true;
    subscription.close();
    LOG.log(System.Logger.Level.ERROR, reason + "; killing all processes and exiting");
    checkers.stopAll();
    tasks.values().forEach(task -> task.kill(env.shutdownGracePeriod(), "Killed: " + reason));
    whenAllStopped().onComplete(stopped -> exit(code, reason));
  }

  private Future<?> whenAllStopped() {
    return Future.join(tasks.values().stream().map(RunningTask::stopped).toList());
  }

  private void report(TaskId task, State state, String message, Reason reason) {
    report(task, state, message, reason, null);
  }

  private void report(TaskId task, State state, String message, Reason reason, Boolean healthy) {
    State last = lastStates.get(task);
    if (last != null && last.isTerminal()) {
      return;
    }
    lastStates.put(task, state);
    boolean sending = !aborting && !exited;
    LOG.log(System.Logger.Level.INFO, "task {0} is {1}{2}{3}", task.value(), state, message == null ? "" : ": " + message,
        sending ? "" : " (not reported: the executor is aborting)");
    if (!sending) {
      return;
    }
    TaskStatus status = new TaskStatus(task, state, message, TaskStatus.Source.SOURCE_EXECUTOR, reason, null,
        agentId, env.executorId(), clock.millis() / 1000.0, Uuids.random(), healthy);
    updates.sent(status);
    if (!subscription.connected()) {
      // Kept: the next SUBSCRIBE carries it, and the agent replays it.
      LOG.log(System.Logger.Level.INFO, "the agent is away; {0} of task {1} waits for the next subscription", state, task.value());
      return;
    }
    send(status, 1);
    armAcknowledgementTimeout();
  }

  /** Once every task has ended, waits a bounded time for the last acknowledgements, and only while connected. */
  private void armAcknowledgementTimeout() {
    if (!lastStates.isEmpty() && allTerminal() && acknowledgementTimer < 0 && subscription.connected()) {
      acknowledgementTimer = vertx.setTimer(ACKNOWLEDGEMENT_TIMEOUT.toMillis(), id -> exit(0,
          "no acknowledgement for " + updates.pending().size() + " update(s) within " + ACKNOWLEDGEMENT_TIMEOUT.toSeconds() + " s"));
    }
  }

  private void send(TaskStatus status, int attempt) {
    agent.send(ExecutorCall.update(env.frameworkId(), env.executorId(), status)).onFailure(failure -> {
      LOG.log(System.Logger.Level.WARNING, "sending {0} of task {1} failed (attempt {2}): {3}", status.state(),
          status.taskId().value(), Integer.toString(attempt), failure.getMessage());
      if (attempt < UPDATE_ATTEMPTS && updates.isPending(status) && subscription.connected() && !exited && !aborting) {
        vertx.setTimer(1000L * attempt, id -> send(status, attempt + 1));
      }
    });
  }

  private boolean allTerminal() {
    return lastStates.values().stream().allMatch(State::isTerminal);
  }

  private void exitIfAllAcknowledged() {
    if ((shutdownRequested || !lastStates.isEmpty()) && allTerminal() && updates.isEmpty()) {
      exit(0, "every task is terminal and every update acknowledged");
    }
  }

  private void exit(int code, String reason) {
    if (exited) {
      return;
    }
    exited = true;
    subscription.close();
    vertx.cancelTimer(acknowledgementTimer);
    LOG.log(System.Logger.Level.INFO, "exiting with code {0}: {1}", Integer.toString(code), reason);
    onExit.accept(code);
  }
}
