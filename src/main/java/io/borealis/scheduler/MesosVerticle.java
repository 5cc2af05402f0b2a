package io.borealis.scheduler;

import io.borealis.events.BusAddresses;
import io.borealis.events.MesosCommands;
import io.borealis.events.OfferEvents;
import io.borealis.events.SandboxRequests;
import io.borealis.events.StateRequests;
import io.borealis.mesos.client.Backoff;
import io.borealis.mesos.client.FrameworkCredentials;
import io.borealis.mesos.client.MesosCallException;
import io.borealis.mesos.client.SchedulerClient;
import io.borealis.mesos.wire.AgentId;
import io.borealis.mesos.wire.Filters;
import io.borealis.mesos.wire.FrameworkId;
import io.borealis.mesos.wire.FrameworkInfo;
import io.borealis.mesos.wire.Offer;
import io.borealis.mesos.wire.OfferId;
import io.borealis.mesos.wire.SchedulerCall;
import io.borealis.mesos.wire.SchedulerEvent;
import io.borealis.mesos.wire.TaskId;
import io.borealis.mesos.wire.TaskInfo;
import io.borealis.mesos.wire.TaskStatus;
import io.borealis.model.TaskState;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Owns the Mesos subscription. Turns events into Borealis messages (offers for placement, status
 * updates for the state verticle, acknowledged only once the state verticle has applied them) and
 * Borealis commands into scheduler calls. Re-subscribes with backoff when the stream ends. Remembers
 * each agent's HTTP address from its offers, to say where a task's sandbox files are served.
 *
 * <p>An ERROR event is the master ending the framework (removed, or failed over to another scheduler
 * with the same id): this scheduler then stops scheduling for good (no launches; offers that still
 * arrive are declined; no re-subscription, which would fight the new owner or spin on a removed id)
 * and reports itself {@code fatal}, which turns {@code /health} and the dashboard red until an
 * operator restarts it. A stream that merely ends is not fatal: it re-subscribes with backoff.
 */
public final class MesosVerticle extends VerticleBase {
  private static final Logger LOG = Logger.getLogger(MesosVerticle.class.getName());
  private static final long MIN_BACKOFF_MS = 250;
  private static final long MAX_BACKOFF_MS = 30_000;
  /** Declined offers of a framework that has stopped scheduling stay away as long as Mesos allows. */
  private static final Filters STOPPED = Filters.refuseSeconds(Duration.ofDays(1).toSeconds());
  /** Resources left over after a launch come straight back, so the next pending task can use them. */
  private static final Filters AFTER_LAUNCH = Filters.refuseSeconds(0);
  /** Aurora's scheduler always sets {@code checkpoint}; Mesos keeps it for the framework's life. */
  static final boolean CHECKPOINT = true;
  private static final List<FrameworkInfo.Capability> CAPABILITIES =
      List.of(new FrameworkInfo.Capability("MULTI_ROLE"), new FrameworkInfo.Capability("PARTITION_AWARE"));

  private final SchedulerSettings settings;
  private final MesosAdapter adapter;
  private final MeterRegistry registry;
  private SchedulerClient client;
  private FrameworkId frameworkId;
  private String role;
  /** Agent id to its base URL, as its latest offer gave it; agents keep their address for life. */
  private final Map<String, String> agentUrls = new HashMap<>();
  /** Status updates read but not yet handed to the state verticle. */
  private final List<TaskStatus> arrived = new ArrayList<>();
  private final Backoff backoff = new Backoff(MIN_BACKOFF_MS, MAX_BACKOFF_MS, Math::random);
  /** Mesos' advice: no event at all (heartbeats included) for this many heartbeat intervals means the stream is dead. */
  static final int MISSED_HEARTBEATS = 5;
  private long heartbeatIntervalMs;
  private long watchdog = -1;
  private boolean stopping;
  private boolean subscribed;
  /** Why the scheduler is not subscribed, or the last ERROR the master sent; null when all is well. */
  private String problem = "not subscribed yet";
  /** The master sent ERROR: scheduling has stopped until a restart. */
  private boolean fatal;
  /**
   * SUPPRESS and REVIVE go out one after the other: sent in parallel they could arrive in the wrong
   * order and leave the framework suppressed with work pending.
   */
  private Future<Void> offerFlow = Future.succeededFuture();

  /** @param registry where {@code borealis_mesos_call_failures_total{call,status}} counts calls Mesos finally refused */
  public MesosVerticle(SchedulerSettings settings, MeterRegistry registry) {
    this.settings = settings;
    this.adapter = new MesosAdapter(settings);
    this.registry = registry;
    this.role = settings.framework().role();
  }

  @Override
  public Future<?> start() {
    FrameworkSettings framework = settings.framework();
    FrameworkCredentials credentials = framework.principal() == null || framework.secret() == null ? null
        : new FrameworkCredentials(framework.principal(), framework.secret());
    client = new SchedulerClient(vertx, settings.masterUrl(), credentials, this::callFailed);
    var commands = vertx.eventBus().<MesosCommands.Command>consumer(BusAddresses.MESOS, m -> execute(m.body()));
    vertx.eventBus().<MesosCommands.GetConnection>consumer(BusAddresses.MESOS_STATUS, m -> m.reply(
        new MesosCommands.Connection(subscribed, client.masterUrl(), frameworkId == null ? null : frameworkId.value(), problem, fatal)));
    var sandboxes = vertx.eventBus().<SandboxRequests.Locate>consumer(BusAddresses.SANDBOXES, m -> {
      SandboxRequests.Locate locate = m.body();
      String agentUrl = agentUrls.get(locate.agentId());
      if (agentUrl == null || frameworkId == null) {
        m.fail(404, "the address of agent " + locate.agentId() + " is not known: it has made no offer with its URL since "
            + "the scheduler started");
        return;
      }
      m.reply(new SandboxRequests.SandboxLocation(agentUrl, MesosAdapter.sandboxPath(frameworkId, locate.taskId())));
    });
    if (!settings.reconciliationInterval().isZero() && !settings.reconciliationInterval().isNegative()) {
      vertx.setPeriodic(settings.reconciliationInterval().toMillis(), id -> reconcile());
    }
    return Future.all(commands.completion(), sandboxes.completion())
        .compose(v -> vertx.eventBus().<StateRequests.StoredFrameworkId>request(BusAddresses.STATE, new StateRequests.GetFrameworkId()))
        .onSuccess(stored -> {
          String id = stored.body().frameworkId();
          if (id != null) {
            frameworkId = FrameworkId.of(id);
            LOG.info(() -> "Re-registering as framework " + id + ", stored by an earlier run");
          }
          subscribe();
        });
  }

  @Override
  public Future<?> stop() {
    stopping = true;
    return client.close();
  }

  /** Counted per call type and status; a 4xx also logged, since it means we sent something Mesos will never take. */
  private void callFailed(SchedulerCall.Type call, String status, String message) {
    Counter.builder("borealis.mesos.call.failures").description("Calls to the Mesos master that finally failed, after any retries")
        .tag("call", call.name()).tag("status", status).register(registry).increment();
    if (status.startsWith("4")) {
      LOG.warning(() -> "Mesos refused " + call + " for good: " + message);
    }
  }

  private void subscribe() {
    if (fatal || stopping) {
      return;
    }
    FrameworkSettings framework = settings.framework();
    // MULTI_ROLE with one role: the v1 way to name it (the single 'role' field is deprecated). PARTITION_AWARE,
    // as Aurora registers: an unreachable agent's tasks come as TASK_UNREACHABLE, so they go PARTITIONED and the
    // job's partition policy decides when to replace them, instead of TASK_LOST at once. Checkpointing, as Aurora
    // registers: executors and their status updates survive an agent restart instead of dying with it.
    FrameworkInfo info = new FrameworkInfo(settings.user(), settings.frameworkName(), frameworkId,
        (double) settings.failoverTimeout().toSeconds(), CHECKPOINT, List.of(framework.role()), CAPABILITIES, framework.hostname(),
        framework.webuiUrl() != null ? framework.webuiUrl() : settings.dashboardUrl(), framework.principal());
    client.subscribe(SchedulerCall.subscribe(info), this::onEvent, this::onStreamClosed)
        .onSuccess(s -> LOG.info(() -> "Subscribed to Mesos master " + s.masterUrl()))
        .onFailure(error -> {
          count("borealis.mesos.subscribe.failures", "SUBSCRIBE attempts the master refused or that never reached it",
              "status", error instanceof MesosCallException refused ? Integer.toString(refused.status()) : "connection");
          problem = "cannot subscribe: " + error.getMessage();
          LOG.warning(() -> "Cannot subscribe to Mesos at " + client.masterUrl() + ": " + error.getMessage());
          retryLater();
        });
  }

  /** Restarts the countdown to declaring the stream dead; any event counts as a sign of life. */
  private void rearmWatchdog() {
    if (watchdog >= 0) {
      vertx.cancelTimer(watchdog);
      watchdog = -1;
    }
    if (heartbeatIntervalMs > 0 && !stopping) {
      watchdog = vertx.setTimer(heartbeatIntervalMs * MISSED_HEARTBEATS, id -> {
        watchdog = -1;
        LOG.warning(() -> "No event from Mesos for " + MISSED_HEARTBEATS + " heartbeat intervals; reconnecting");
        client.disconnect();
      });
    }
  }

  private void onStreamClosed(Throwable error) {
    subscribed = false;
    if (!fatal) {
      problem = "the subscription ended" + (error == null ? "" : ": " + error.getMessage()) + "; re-subscribing";
    }
    heartbeatIntervalMs = 0;
    rearmWatchdog();
    if (stopping) {
      return;
    }
    vertx.eventBus().publish(BusAddresses.OFFERS, new OfferEvents.AllRescinded());
    if (fatal) {
      return;
    }
    LOG.warning(() -> "Mesos subscription ended" + (error == null ? "" : ": " + error.getMessage()) + "; re-subscribing");
    retryLater();
  }

  private void retryLater() {
    if (stopping || fatal) {
      return;
    }
    vertx.setTimer(backoff.nextDelayMs(), id -> subscribe());
  }

  private void onEvent(SchedulerEvent event) {
    rearmWatchdog();
    if (event.type() == null) {
      return;
    }
    switch (event.type()) {
      case SUBSCRIBED -> {
        subscribed = true;
        problem = null;
        count("borealis.mesos.subscriptions", "SUBSCRIBED events: the first subscription and every re-subscription", null, null);
        frameworkId = event.subscribed().frameworkId();
        Double interval = event.subscribed().heartbeatIntervalSeconds();
        heartbeatIntervalMs = interval == null ? 0 : (long) (interval * 1000);
        rearmWatchdog();
        backoff.reset();
        vertx.eventBus().publish(BusAddresses.OFFERS, new OfferEvents.AllRescinded());
        // Stored before anything else happens, so a crash from here on re-registers as this framework.
        vertx.eventBus().request(BusAddresses.STATE, new StateRequests.RecordFrameworkId(frameworkId.value()))
            .onSuccess(stored -> reconcile())
            .onFailure(e -> LOG.severe(() -> "Cannot store framework id " + frameworkId.value() + ": " + e.getMessage()));
      }
      case OFFERS -> {
        if (fatal) {
          decline(event.offers().offers().stream().map(Offer::id).toList());
          return;
        }
        if (!event.offers().offers().isEmpty()) {
          role = event.offers().offers().get(0).allocationInfo() == null ? role : event.offers().offers().get(0).allocationInfo().role();
        }
        for (Offer offer : event.offers().offers()) {
          String base = offer.url() == null ? null : offer.url().base();
          if (base != null) {
            agentUrls.put(offer.agentId().value(), base);
          }
        }
        vertx.eventBus().publish(BusAddresses.OFFERS,
            new OfferEvents.Offered(event.offers().offers().stream().map(MesosAdapter::toHostOffer).toList()));
      }
      case RESCIND -> vertx.eventBus().publish(BusAddresses.OFFERS, new OfferEvents.Rescinded(event.rescind().offerId().value()));
      case UPDATE -> onStatus(event.update().status());
      case FAILURE -> {
        // Every executor's exit is reported, after its last task ended: a clean exit is routine, and a
        // job of thousands of tasks would otherwise log thousands of lines when it stops.
        SchedulerEvent.Failure failure = event.failure();
        Level level = failure.executorId() != null && Integer.valueOf(0).equals(failure.status()) ? Level.FINE : Level.INFO;
        LOG.log(level, () -> "Mesos reports executor " + (failure.executorId() == null ? "-" : failure.executorId().value())
            + " on agent " + failure.agentId().value() + " ended with status " + failure.status());
      }
      case ERROR -> stopScheduling(event.error().message());
      default -> { }
    }
  }

  /** The master has ended this framework: stop for good, say so once, and let the stream go. */
  private void stopScheduling(String reason) {
    if (fatal) {
      return;
    }
    fatal = true;
    subscribed = false;
    problem = "the master ended the framework: " + reason;
    LOG.severe(() -> "Mesos master " + client.masterUrl() + " sent ERROR \"" + reason + "\" for framework "
        + (frameworkId == null ? "-" : frameworkId.value()) + ": Borealis has stopped scheduling (no launches, offers declined, "
        + "no re-subscription); /health is red. Find out why the framework was removed or who took it over, then restart the scheduler.");
    vertx.eventBus().publish(BusAddresses.OFFERS, new OfferEvents.AllRescinded());
    heartbeatIntervalMs = 0;
    rearmWatchdog();
    client.disconnect();
  }

  private void decline(List<OfferId> offers) {
    if (!offers.isEmpty() && frameworkId != null) {
      call(SchedulerCall.decline(frameworkId, offers, STOPPED));
    }
  }

  /**
   * Reconciliation as Mesos asks frameworks to do it: explicitly for every task we believe is on an
   * agent (Mesos answers with its state, or LOST/GONE for what it does not know, which reschedules it),
   * then implicitly (Mesos lists every task it runs for us; ones we do not know get killed).
   */
  private void reconcile() {
    if (frameworkId == null || fatal) {
      return;
    }
    vertx.eventBus().<StateRequests.TaskList>request(BusAddresses.STATE, new StateRequests.GetTasksOnAgents())
        .onSuccess(reply -> {
          List<SchedulerCall.ReconcileTask> tasks = reply.body().tasks().stream()
              .map(t -> new SchedulerCall.ReconcileTask(TaskId.of(t.taskId()), AgentId.of(t.agentId()))).toList();
          if (!tasks.isEmpty()) {
            call(SchedulerCall.reconcile(frameworkId, tasks)).onSuccess(v -> countReconciliation("explicit"));
          }
          call(SchedulerCall.reconcile(frameworkId, List.of())).onSuccess(v -> countReconciliation("implicit"));
        });
  }

  /** As Aurora's {@code reconciliation_explicit_runs} / {@code reconciliation_implicit_runs}: RECONCILE calls the master took. */
  private void countReconciliation(String kind) {
    count("borealis.mesos.reconciliations", "RECONCILE calls the Mesos master accepted, by kind", "kind", kind);
  }

  private void count(String name, String description, String tag, String value) {
    Counter.Builder builder = Counter.builder(name).description(description);
    (tag == null ? builder : builder.tag(tag, value)).register(registry).increment();
  }

  private void onStatus(TaskStatus status) {
    if (arrived.isEmpty()) {
      // Whatever else this read of the event stream carries goes to the state verticle with it.
      context.runOnContext(v -> applyArrived());
    }
    arrived.add(status);
  }

  /** Hands the status updates that arrived together to the state verticle, and acknowledges each once it is stored. */
  private void applyArrived() {
    List<TaskStatus> statuses = List.copyOf(arrived);
    arrived.clear();
    var updates = new StateRequests.StatusUpdates(statuses.stream().map(MesosVerticle::toStateUpdate).toList());
    vertx.eventBus().request(BusAddresses.STATE, updates).onSuccess(applied -> {
      for (TaskStatus status : statuses) {
        if (status.uuid() != null && status.agentId() != null) {
          call(SchedulerCall.acknowledge(frameworkId, status.agentId(), status.taskId(), status.uuid()));
        }
      }
    });
  }

  private static StateRequests.StatusUpdate toStateUpdate(TaskStatus status) {
    TaskState state = MesosAdapter.toTaskState(status.state());
    String agent = status.agentId() == null ? null : status.agentId().value();
    Instant at = status.timestamp() == null ? Instant.now() : Instant.ofEpochMilli((long) (status.timestamp() * 1000));
    String message = status.message() != null ? status.message()
        : status.reason() != null ? status.reason().name() : "Mesos reports " + status.state();
    return new StateRequests.StatusUpdate(status.taskId().value(), agent, state, message, at, status.healthy());
  }

  private void execute(MesosCommands.Command command) {
    if (frameworkId == null) {
      LOG.warning(() -> "Not subscribed to Mesos yet; dropping " + command);
      return;
    }
    if (fatal) {
      if (command instanceof MesosCommands.Launch launch) {
        LOG.warning(() -> "Scheduling has stopped (" + problem + "); not launching " + launch.tasks().size() + " task(s)");
        decline(launch.offerIds().stream().map(OfferId::of).toList());
      } else if (command instanceof MesosCommands.Decline declined) {
        decline(declined.offerIds().stream().map(OfferId::of).toList());
      }
      return;
    }
    if (command instanceof MesosCommands.Launch launch) {
      List<TaskInfo> tasks = launch.tasks().stream().map(t -> adapter.toTaskInfo(t, role)).toList();
      call(SchedulerCall.launch(frameworkId, launch.offerIds().stream().map(OfferId::of).toList(), tasks, AFTER_LAUNCH));
    } else if (command instanceof MesosCommands.Decline decline) {
      call(SchedulerCall.decline(frameworkId, decline.offerIds().stream().map(OfferId::of).toList(), null));
    } else if (command instanceof MesosCommands.Suppress) {
      offerFlow = offerFlow.eventually(() -> call(SchedulerCall.suppress(frameworkId)));
    } else if (command instanceof MesosCommands.Revive) {
      offerFlow = offerFlow.eventually(() -> call(SchedulerCall.revive(frameworkId)));
    } else if (command instanceof MesosCommands.Kill kill) {
      call(SchedulerCall.kill(frameworkId, TaskId.of(kill.taskId()), AgentId.of(kill.agentId())));
    }
  }

  private Future<Void> call(SchedulerCall call) {
    return client.call(call)
        // Some failures (a connection closed under the call) carry no message; their type says what happened.
        .onFailure(error -> LOG.log(Level.WARNING, "Mesos call " + call.type() + " failed: "
            + (error.getMessage() == null ? error : error.getMessage())));
  }
}
