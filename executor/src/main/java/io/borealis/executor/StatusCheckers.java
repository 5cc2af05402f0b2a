package io.borealis.executor;

import io.borealis.mesos.wire.TaskId;
import io.borealis.mesos.wire.TaskStatus.State;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What runs beside each task while it runs, as Aurora's executor has its status checkers: the task's
 * health checks ({@link HealthMonitor}) and its ServerSet membership ({@link ServerSetAnnouncer}).
 * Both start at TASK_RUNNING and stop when the task ends or is being killed, so a task told to quit
 * neither fails its checks nor keeps receiving work. Used on the executor's context.
 */
final class StatusCheckers {
  private static final System.Logger LOG = System.getLogger(StatusCheckers.class.getName());

  private final Vertx vertx;
  private final HttpClient taskClient;
  /** Health checks of the tasks that have them, started once the task is RUNNING. */
  private final Map<TaskId, HealthMonitor> monitors = new LinkedHashMap<>();
  /** ServerSet memberships of the tasks that announce, joined once RUNNING and left on kill or end. */
  private final Map<TaskId, ServerSetAnnouncer> announcers = new LinkedHashMap<>();
  /** What each task announces; kept to render the member JSON once it runs. */
  private final Map<TaskId, TaskPayload> payloads = new LinkedHashMap<>();

  /** @param taskClient for health checks, to the task's own ports on this host */
  StatusCheckers(Vertx vertx, HttpClient taskClient) {
    this.vertx = vertx;
    this.taskClient = taskClient;
  }

  /** Sets up the checkers a launched task asks for; none runs before {@link #taskIs} says it is RUNNING. */
  void add(TaskId id, TaskPayload payload, Integer healthPort, ProcessLauncher launcher, HealthMonitor.Listener health) {
    if (payload.announcement() != null) {
      announcers.put(id, new ServerSetAnnouncer(vertx, payload.announcement()));
      payloads.put(id, payload);
    }
    if (HealthMonitor.applies(payload.healthCheck(), healthPort)) {
      monitors.put(id, new HealthMonitor(vertx, taskClient, launcher, payload.healthCheck(), healthPort, health));
    }
  }

  /**
   * The task changed state: from TASK_RUNNING on it is announced and checked, unless the executor is
   * {@code stopping} (shutting down or aborting); once ended it is withdrawn and no longer checked.
   */
  void taskIs(TaskId id, State state, String agentHostname, boolean stopping) {
    if (state == State.TASK_RUNNING) {
      announce(id, agentHostname, stopping);
    } else if (state.isTerminal()) {
      withdraw(id);
    }
    HealthMonitor monitor = monitors.get(id);
    if (monitor != null && state == State.TASK_RUNNING && !stopping) {
      monitor.start();
    } else if (monitor != null && state.isTerminal()) {
      monitor.stop();
    }
  }

  private void announce(TaskId id, String agentHostname, boolean stopping) {
    ServerSetAnnouncer announcer = announcers.get(id);
    if (announcer == null || stopping) {
      return;
    }
    TaskPayload payload = payloads.get(id);
    String json;
    try {
      json = payload.announcement().memberJson(agentHostname, payload.ports(), payload.instance());
    } catch (IllegalStateException e) {
      LOG.log(System.Logger.Level.WARNING, "task {0} is not announced: {1}", id.value(), e.getMessage());
      return;
    }
    announcer.announce(json);
  }

  /**
   * The task is being killed: it leaves the ServerSet first, as Aurora does, so that clients stop
   * sending work; and its checks stop, since a task told to quit answers them badly and that must not count.
   */
  void taskKilled(TaskId id) {
    stopHealthChecks(id);
    withdraw(id);
  }

  /** Every task is being killed (SHUTDOWN, abort or stop); completes once every membership is left. */
  Future<?> stopAll() {
    List.copyOf(monitors.keySet()).forEach(this::stopHealthChecks);
    List<Future<?>> withdrawn = new ArrayList<>();
    List.copyOf(announcers.keySet()).forEach(id -> withdrawn.add(withdraw(id)));
    return Future.join(withdrawn);
  }

  private void stopHealthChecks(TaskId id) {
    HealthMonitor monitor = monitors.get(id);
    if (monitor != null) {
      monitor.stop();
    }
  }

  private Future<Void> withdraw(TaskId id) {
    ServerSetAnnouncer announcer = announcers.get(id);
    return announcer == null ? Future.succeededFuture() : announcer.withdraw();
  }
}
