package io.borealis.devcluster;

import io.borealis.mesos.wire.AgentId;
import io.borealis.mesos.wire.ExecutorId;
import io.borealis.mesos.wire.FrameworkId;
import io.borealis.mesos.wire.MasterInfo;
import io.borealis.mesos.wire.SchedulerCall;
import io.borealis.mesos.wire.SchedulerEvent;
import io.borealis.mesos.wire.TaskStatus;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * The dev cluster's master: serves {@code POST /api/v1/scheduler} as Mesos 1.x does (status codes,
 * plain-text errors, {@code Mesos-Stream-Id}, RecordIO event stream with heartbeats) and applies each
 * call to its {@link Master}. Agents register with it in-process through {@link #register}.
 */
public final class MasterVerticle extends VerticleBase implements MasterEndpoint {
  private static final Logger LOG = Logger.getLogger(MasterVerticle.class.getName());

  private final String host;
  private final int requestedPort;
  private final MasterSettings settings;
  private final Duration heartbeatInterval;
  /** MasterInfo's {@code ip}: a required proto2 field, so a SUBSCRIBED without it is not a valid Mesos event. */
  private final long legacyIp;
  private final MasterFaults faults = new MasterFaults(this);
  private final FaultEndpoint faultEndpoint = new FaultEndpoint(faults);
  private String masterId = UUID.randomUUID().toString();
  private Master master;
  private HttpServer server;
  /** The port bound first; a restarted master binds it again. */
  private volatile int boundPort;
  private Context loop;
  private long filterTimer = -1;
  private Instant filterTimerAt = Instant.MAX;

  public MasterVerticle(String host, int port, Duration heartbeatInterval) {
    this(host, port, MasterSettings.withHeartbeat(heartbeatInterval));
  }

  public MasterVerticle(String host, int port, MasterSettings settings) {
    this.host = host;
    this.requestedPort = port;
    this.settings = settings;
    this.heartbeatInterval = settings.heartbeat();
    this.legacyIp = legacyIp(host);
  }

  /**
   * An IPv4 address as Mesos' MasterInfo.ip: the four bytes in network order read as a little-endian
   * uint32 (127.0.0.1 is 16777343); 0 when the host has no IPv4 address. Resolved once, before the
   * verticle runs on an event loop.
   */
  static long legacyIp(String host) {
    try {
      byte[] bytes = java.net.InetAddress.getByName(host).getAddress();
      if (bytes.length != 4) {
        return 0;
      }
      return (bytes[0] & 0xffL) | (bytes[1] & 0xffL) << 8 | (bytes[2] & 0xffL) << 16 | (bytes[3] & 0xffL) << 24;
    } catch (java.net.UnknownHostException e) {
      return 0;
    }
  }

  @Override
  public Future<?> start() {
    loop = context;
    master = new Master(masterId, Clock.systemUTC(), new Streams(), faults::linkUp);
    vertx.setPeriodic(settings.pingInterval().toMillis(), id -> pingAgents());
    return listen(requestedPort).onSuccess(s -> {
      boundPort = s.actualPort();
      faults.follow(settings.faultPlan(), vertx);
    });
  }

  private Future<HttpServer> listen(int port) {
    return vertx.createHttpServer()
        .requestHandler(this::route)
        .listen(port, host)
        .onSuccess(s -> {
          server = s;
          LOG.info(() -> "Dev cluster master " + masterId + " listening on http://" + host + ":" + s.actualPort());
        });
  }

  /** The port actually bound (useful when started with port 0). */
  public int port() {
    return boundPort;
  }

  /** The faults this master can be broken with; the HTTP endpoint for them exists only if settings enable it. */
  public MasterFaults faults() {
    return faults;
  }

  public String url() {
    return "http://" + host + ":" + port();
  }

  private void route(HttpServerRequest request) {
    if (request.path().equals("/master/tasks") && request.method() == HttpMethod.GET) {
      listTasks(request);
      return;
    }
    if (settings.faults() && request.path().startsWith(FaultEndpoint.PREFIX)) {
      faultEndpoint.handle(request);
      return;
    }
    if (!request.path().equals("/api/v1/scheduler")) {
      MesosHttp.answer(request.response(), 404, "Not found: " + request.path());
      return;
    }
    MasterFaults.Refusal refusal = faults.refusal();
    if (refusal != null) {
      refuse(request, refusal);
      return;
    }
    MesosHttp.readCall(request, SchedulerCall.class).onSuccess(call -> dispatch(request, call));
  }

  /** Answers as a master that is not the leader (307 to the leader, 503 when none is elected) or still recovering (503). */
  private void refuse(HttpServerRequest request, MasterFaults.Refusal refusal) {
    if (refusal.status() == 307) {
      String location = refusal.location() != null ? refusal.location() : "//" + host + ":" + port() + request.path();
      request.response().putHeader("Location", location);
      MesosHttp.answer(request.response(), 307, "");
    } else {
      MesosHttp.answer(request.response(), 503, refusal.message());
    }
  }

  /** Mesos' v0 operator view of running tasks: what an operator (or a test) checks frameworks against. */
  private void listTasks(HttpServerRequest request) {
    JsonArray tasks = new JsonArray();
    for (LaunchedTask task : master.liveTasks()) {
      tasks.add(new JsonObject()
          .put("id", task.info.taskId().value())
          .put("name", task.info.name())
          .put("framework_id", task.framework.value())
          .put("slave_id", task.agent.value())
          .put("state", master.reportedState(task) == null ? null : master.reportedState(task).name()));
    }
    request.response().putHeader("Content-Type", "application/json")
        .end(new JsonObject().put("tasks", tasks).encode());
  }

  private void dispatch(HttpServerRequest request, SchedulerCall call) {
    if (call.type() == null) {
      MesosHttp.answer(request.response(), 400, "Failed to validate scheduler::Call: Expecting 'type' to be present");
      return;
    }
    if (call.type() == SchedulerCall.Type.SUBSCRIBE) {
      subscribe(request, call);
      return;
    }
    if (call.frameworkId() == null) {
      MesosHttp.answer(request.response(), 400, "Failed to validate scheduler::Call: Expecting 'framework_id' to be present");
      return;
    }
    String problem = CallValidation.problem(call);
    if (problem != null) {
      MesosHttp.answer(request.response(), 400, "Failed to validate scheduler::Call: " + problem);
      return;
    }
    FrameworkSession session = master.framework(call.frameworkId());
    if (session == null) {
      MesosHttp.answer(request.response(), 400, "Framework cannot be found");
      return;
    }
    if (!session.connected()) {
      MesosHttp.answer(request.response(), 403, "Framework is not subscribed");
      return;
    }
    String streamId = request.getHeader(MesosHttp.STREAM_ID);
    if (streamId == null) {
      MesosHttp.answer(request.response(), 400, "All non-subscribe calls should include the 'Mesos-Stream-Id' header");
      return;
    }
    if (!streamId.equals(session.streamId)) {
      MesosHttp.answer(request.response(), 400, "The stream ID '" + streamId
          + "' included in this request didn't match the stream ID currently associated with framework ID "
          + call.frameworkId().value());
      return;
    }
    MesosHttp.accepted(request.response());
    master.handle(session, call);
    if (master.takeFiltersAdded()) {
      scheduleFilterExpiry();
    }
  }

  private void subscribe(HttpServerRequest request, SchedulerCall call) {
    var subscribe = call.subscribe();
    if (subscribe == null || subscribe.frameworkInfo() == null) {
      MesosHttp.answer(request.response(), 400, "Failed to validate scheduler::Call: Expecting 'subscribe' to be present");
      return;
    }
    FrameworkId infoId = subscribe.frameworkInfo().id();
    if (call.frameworkId() == null ? infoId != null : !call.frameworkId().equals(infoId)) {
      MesosHttp.answer(request.response(), 400,
          "Failed to validate scheduler::Call: 'framework_id' differs from 'subscribe.framework_info.id'");
      return;
    }
    if (request.getHeader(MesosHttp.STREAM_ID) != null) {
      MesosHttp.answer(request.response(), 400, "Subscribe calls should not include the 'Mesos-Stream-Id' header");
      return;
    }
    if (!MesosHttp.acceptsJson(request)) {
      MesosHttp.answer(request.response(), 406, "Expecting 'Accept' to allow 'application/x-protobuf' or 'application/json'");
      return;
    }
    var response = request.response();
    String streamId = UUID.randomUUID().toString();
    response.putHeader(MesosHttp.STREAM_ID, streamId);
    MesosHttp.startStream(response);
    // A well-formed SUBSCRIBE the master will not accept gets its 200 stream with one ERROR, then the end.
    String rejected = infoId != null && master.isRemoved(infoId) ? "Framework has been removed"
        : SubscribeValidation.problem(subscribe.frameworkInfo());
    if (rejected != null) {
      MesosHttp.writeRecord(response, SchedulerEvent.error(rejected));
      response.end();
      LOG.info(() -> "Refused a subscription: " + rejected);
      return;
    }
    FrameworkSession session = master.subscribe(subscribe);
    if (session.connected()) {
      MesosHttp.writeRecord(session.stream, SchedulerEvent.error("Framework failed over"));
      session.stream.end();
    }
    cancelTimers(session);
    session.streamId = streamId;
    session.stream = response;
    session.connection = request.connection();
    MesosHttp.writeRecord(response, SchedulerEvent.subscribed(session.info.id(), heartbeatInterval.toMillis() / 1000.0, masterInfo()));
    MesosHttp.writeRecord(response, SchedulerEvent.heartbeat());
    session.heartbeatTimer = vertx.setPeriodic(heartbeatInterval.toMillis(), id -> {
      if (!faults.heartbeatsWithheld()) {
        MesosHttp.writeRecord(response, SchedulerEvent.heartbeat());
      }
    });
    long timer = session.heartbeatTimer;
    response.closeHandler(v -> {
      vertx.cancelTimer(timer);
      if (session.stream == response) {
        master.disconnected(session);
        startFailoverTimer(session);
      }
    });
    LOG.info(() -> "Framework " + session.info.id().value() + " (" + session.info.name() + ") subscribed");
    master.allocate();
    scheduleFilterExpiry();
  }

  /**
   * A disconnected framework has its failover timeout to come back; then it is removed and its tasks
   * killed, as Mesos does (a timeout of 0, Mesos' default, removes it at once).
   */
  private void startFailoverTimer(FrameworkSession session) {
    session.failoverTimer = vertx.setTimer(Math.max(1, session.failoverTimeoutMillis()), id -> {
      session.failoverTimer = -1;
      if (master.framework(session.info.id()) == session && !session.connected()) {
        master.remove(session, "removed: its failover timeout of " + session.failoverTimeoutMillis() / 1000.0 + " s ran out");
      }
    });
  }

  private void cancelTimers(FrameworkSession session) {
    if (session.heartbeatTimer >= 0) {
      vertx.cancelTimer(session.heartbeatTimer);
      session.heartbeatTimer = -1;
    }
    if (session.failoverTimer >= 0) {
      vertx.cancelTimer(session.failoverTimer);
      session.failoverTimer = -1;
    }
  }

  // ---- agents: pings, loss, re-registration ----

  /**
   * Mesos pings each agent and, after enough missed pings, marks it unreachable. Here an agent answers
   * unless it stopped or a fault partitions it; an unreachable agent that answers again re-registers
   * with the tasks it still runs.
   */
  private void pingAgents() {
    for (AgentId returning : master.checkAgents(id -> faults.linkUp(id) && master.agentAlive(id), settings.agentPingTimeout())) {
      master.agent(returning).runningTasks().onComplete(result -> loop.runOnContext(v -> {
        if (result.succeeded()) {
          master.reregistered(returning, result.result());
        }
      }));
    }
  }

  /** Finds an agent by id or hostname, on the master's loop. */
  Future<AgentId> resolveAgent(String agent) {
    Promise<AgentId> promise = Promise.promise();
    loop.runOnContext(v -> {
      AgentId id = master.findAgent(agent);
      if (id == null) {
        promise.fail("No agent with id or hostname '" + agent + "'");
      } else {
        promise.complete(id);
      }
    });
    return promise.future();
  }

  // ---- faults ----

  Future<Void> onLoop(Runnable action) {
    Promise<Void> promise = Promise.promise();
    loop.runOnContext(v -> {
      action.run();
      promise.complete();
    });
    return promise.future();
  }

  /** See {@link MasterFaults#replaceStreamIds}. */
  void replaceStreamIds() {
    master.frameworks().stream().filter(FrameworkSession::connected).forEach(session -> {
      session.streamId = UUID.randomUUID().toString();
      LOG.info(() -> "Fault: framework " + session.info.id().value() + " now has stream id " + session.streamId);
    });
  }

  /** Every framework's subscription connection is closed under it, as when the network fails. */
  void cutStreams() {
    for (FrameworkSession session : master.frameworks()) {
      if (session.connected() && session.connection != null) {
        LOG.info(() -> "Fault: cutting the event stream of framework " + session.info.id().value());
        session.connection.close();
      }
    }
  }

  /**
   * Stops serving for {@code downtime}, then comes back as a fresh master on the same port, recovering
   * for {@code recovery} (null: the configured window).
   */
  Future<Void> restart(Duration downtime, Duration recovery) {
    Promise<Void> restarted = Promise.promise();
    loop.runOnContext(v -> {
      LOG.info(() -> "Fault: restarting master " + masterId + " (down for " + downtime.toMillis() + " ms)");
      // The port goes first, so that no framework can reach the old master once its streams end.
      server.close().onComplete(closed -> {
        master.frameworks().forEach(this::cancelTimers);
        masterId = UUID.randomUUID().toString();
        master.failover(masterId);
        vertx.setTimer(Math.max(1, downtime.toMillis()), id -> listen(boundPort)
            .onSuccess(s -> faults.recovering(recovery != null ? recovery : settings.recovery()))
            .<Void>mapEmpty().onComplete(restarted));
      });
    });
    return restarted.future();
  }

  private MasterInfo masterInfo() {
    return new MasterInfo(masterId, legacyIp, port(), "master@" + host + ":" + port(), host, "1.11.1-borealis",
        new MasterInfo.Address(host, host, port()));
  }

  /**
   * Declined resources come back when their filter ends: allocate again at the earliest expiry. A
   * filter shorter than the one the timer waits for moves the timer earlier.
   */
  private void scheduleFilterExpiry() {
    Instant next = master.nextFilterExpiry();
    if (next == null || (filterTimer >= 0 && !next.isBefore(filterTimerAt))) {
      return;
    }
    if (filterTimer >= 0) {
      vertx.cancelTimer(filterTimer);
    }
    filterTimerAt = next;
    long delay = Math.max(1, Duration.between(Instant.now(), next).toMillis() + 1);
    filterTimer = vertx.setTimer(delay, id -> {
      filterTimer = -1;
      master.allocate();
      scheduleFilterExpiry();
    });
  }

  /** Registers an in-process agent; the future completes on the agent's side with its new id. */
  Future<AgentId> register(AgentEndpoint agent) {
    Promise<AgentId> promise = Promise.promise();
    loop.runOnContext(v -> {
      AgentId id = master.newAgentId();
      master.addAgent(id, agent);
      promise.complete(id);
    });
    return promise.future();
  }

  @Override
  public void statusUpdate(AgentId agent, FrameworkId framework, TaskStatus status) {
    if (faults.linkUp(agent)) {
      loop.runOnContext(v -> master.statusUpdate(agent, framework, status));
    }
  }

  /** An agent's process stopped; see {@link Master#agentDisconnected}. */
  void agentDisconnected(AgentId agent) {
    loop.runOnContext(v -> master.agentDisconnected(agent));
  }

  @Override
  public void executorExited(AgentId agent, FrameworkId framework, ExecutorId executor, int exitStatus) {
    if (faults.linkUp(agent)) {
      loop.runOnContext(v -> master.executorExited(agent, framework, executor, exitStatus));
    }
  }

  private final class Streams implements Master.FrameworkStreams {
    @Override
    public void send(FrameworkSession session, SchedulerEvent event) {
      if (session.connected()) {
        MesosHttp.writeRecord(session.stream, event);
      }
      if (master.takeFiltersAdded()) {
        scheduleFilterExpiry();
      }
    }

    @Override
    public void close(FrameworkSession session) {
      if (session.connected()) {
        session.stream.end();
      }
      cancelTimers(session);
    }
  }
}
