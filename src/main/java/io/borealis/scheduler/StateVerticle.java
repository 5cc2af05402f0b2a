package io.borealis.scheduler;

import io.borealis.events.BusAddresses;
import io.borealis.events.ClusterEvent;
import io.borealis.events.MesosCommands;
import io.borealis.events.StateRequests;
import io.borealis.events.StateRequests.CreateJob;
import io.borealis.events.StateRequests.GetJob;
import io.borealis.events.StateRequests.GetPendingTasks;
import io.borealis.events.StateRequests.GetTask;
import io.borealis.events.StateRequests.JobCreated;
import io.borealis.events.StateRequests.JobView;
import io.borealis.events.StateRequests.KillStarted;
import io.borealis.events.StateRequests.KillTasks;
import io.borealis.events.StateRequests.ListJobs;
import io.borealis.events.StateRequests.PlaceTasks;
import io.borealis.events.StateRequests.Placement;
import io.borealis.events.StateRequests.QueryTasks;
import io.borealis.events.StateRequests.Request;
import io.borealis.events.StateRequests.StatusUpdate;
import io.borealis.events.StateRequests.TaskList;
import io.borealis.model.JobConfig;
import io.borealis.model.JobKey;
import io.borealis.model.ScheduledTask;
import io.borealis.model.TaskState;
import io.borealis.state.Effect;
import io.borealis.state.FlappingPolicy;
import io.borealis.state.LifecycleSettings;
import io.borealis.state.TaskFacts;
import io.borealis.state.TaskStateMachine;
import io.borealis.state.TransientStatePolicy;
import io.borealis.state.Transition;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.Message;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * The single owner of jobs and tasks. Every change goes through {@link #transition}: the pure state
 * machine decides, this verticle stores the new task, publishes the event, then applies the effects
 * in the order the machine listed them.
 */
public final class StateVerticle extends VerticleBase {
  private static final Logger LOG = Logger.getLogger(StateVerticle.class.getName());

  private final Clock clock;
  private final String cluster;
  private final LifecycleSettings lifecycle;
  private final Duration sweepInterval;
  private final TaskStore store = new TaskStore();
  private final Map<String, String> pendingReasons = new HashMap<>();
  /** KILLs re-sent so far per task being killed; only counts, so a restart at worst re-sends one. */
  private final Map<String, Integer> killRetriesSent = new HashMap<>();
  /** The last health each running task's executor reported (tasks with health checks only). */
  private final Map<String, Boolean> health = new HashMap<>();
  /** When each THROTTLED task may become PENDING. */
  private final Map<String, Instant> throttledUntil = new HashMap<>();
  private final SchedulerMetrics metrics;
  private long lastEventId;

  /**
   * @param sweepInterval how often tasks are checked for timeouts, kill retries and the end of
   *     throttling; {@link Duration#ZERO} leaves it to {@link StateRequests.Sweep} requests
   */
  public StateVerticle(Clock clock, String cluster, LifecycleSettings lifecycle, Duration sweepInterval,
      SchedulerMetrics metrics) {
    this.clock = clock;
    this.metrics = metrics;
    this.cluster = cluster;
    this.lifecycle = lifecycle;
    this.sweepInterval = sweepInterval;
  }

  @Override
  public Future<?> start() {
    if (!sweepInterval.isZero()) {
      vertx.setPeriodic(sweepInterval.toMillis(), id -> sweep());
    }
    return vertx.eventBus().<Request>consumer(BusAddresses.STATE, this::handle).completion();
  }

  private void handle(Message<Request> message) {
    Request request = message.body();
    if (request instanceof CreateJob create) {
      createJob(message, create.config());
    } else if (request instanceof KillTasks kill) {
      killTasks(message, kill);
    } else if (request instanceof StateRequests.RestartTasks restart) {
      restartTasks(message, restart);
    } else if (request instanceof StatusUpdate update) {
      statusUpdate(update);
      message.reply(null);
    } else if (request instanceof PlaceTasks place) {
      message.reply(new TaskList(place(place)));
    } else if (request instanceof StateRequests.GetTasksOnAgents) {
      message.reply(new TaskList(store.allTasks().filter(t -> t.state().isOnAgent() && t.agentId() != null).toList()));
    } else if (request instanceof GetPendingTasks) {
      message.reply(StateQueries.pendingWork(store));
    } else if (request instanceof GetJob get) {
      getJob(message, get.key());
    } else if (request instanceof ListJobs list) {
      message.reply(StateQueries.listJobs(store, list));
    } else if (request instanceof QueryTasks query) {
      message.reply(new TaskList(StateQueries.query(store, query)));
    } else if (request instanceof StateRequests.Sweep) {
      sweep();
      message.reply(null);
    } else if (request instanceof GetTask get) {
      ScheduledTask task = store.task(get.taskId());
      if (task == null) {
        message.fail(404, "no task with id " + get.taskId());
      } else {
        message.reply(task);
      }
    }
  }

  private void createJob(Message<Request> message, JobConfig config) {
    JobKey key = config.key();
    if (!key.cluster().equals(cluster)) {
      message.fail(400, "this scheduler serves cluster '" + cluster + "', not '" + key.cluster() + "'");
      return;
    }
    if (!store.activeTasksOf(key).isEmpty()) {
      message.fail(409, "job " + key + " already exists; kill it first or start an update");
      return;
    }
    store.saveJob(config);
    publish(new ClusterEvent.JobChanged(++lastEventId, clock.instant(), key, "created",
        "Job created with " + config.instances() + " instance(s)"));
    for (int instance = 0; instance < config.instances(); instance++) {
      addTask(config, instance, null, 0, "Task created");
    }
    LOG.info(() -> "Created job " + key + " with " + config.instances() + " instance(s)");
    message.reply(new JobCreated(key, config.instances()));
  }

  private void addTask(JobConfig config, int instance, String ancestorId, int failureCount, String reason) {
    addTask(config, instance, ancestorId, failureCount, reason, Duration.ZERO);
  }

  private void addTask(JobConfig config, int instance, String ancestorId, int failureCount, String reason, Duration throttle) {
    String id = ScheduledTask.newTaskId(config.key(), instance, UUID.randomUUID().toString());
    ScheduledTask task = new ScheduledTask(id, config, instance, TaskState.INIT, null, null, Map.of(), failureCount,
        ancestorId, List.of());
    if (throttle.isZero()) {
      transition(task, TaskState.PENDING, reason);
    } else {
      throttledUntil.put(id, clock.instant().plus(throttle));
      transition(task, TaskState.THROTTLED, reason + "; throttled for " + throttle.toSeconds() + " s because it flapped");
    }
  }

  private void killTasks(Message<Request> message, KillTasks kill) {
    if (store.job(kill.key()) == null && !store.hasHistory(kill.key())) {
      message.fail(404, "no job " + kill.key());
      return;
    }
    List<String> killing = new ArrayList<>();
    for (ScheduledTask task : store.activeTasksOf(kill.key())) {
      if (kill.instances() == null || kill.instances().contains(task.instance())) {
        killing.add(task.taskId());
        transition(task, TaskState.KILLING, kill.reason());
      }
    }
    message.reply(new KillStarted(killing));
  }

  private void restartTasks(Message<Request> message, StateRequests.RestartTasks restart) {
    if (store.job(restart.key()) == null) {
      message.fail(404, "no job " + restart.key());
      return;
    }
    List<String> restarting = new ArrayList<>();
    for (ScheduledTask task : store.activeTasksOf(restart.key())) {
      boolean wanted = restart.instances() == null || restart.instances().contains(task.instance());
      if (wanted && TaskStateMachine.isLegal(task.state(), TaskState.RESTARTING)) {
        restarting.add(task.taskId());
        transition(task, TaskState.RESTARTING, "Restarting by request");
      }
    }
    message.reply(new KillStarted(restarting));
  }

  private void statusUpdate(StatusUpdate update) {
    ScheduledTask task = store.task(update.taskId());
    if (task == null) {
      // Mesos runs something we do not know (or no longer track): make sure it stops.
      if (update.state() != null && !update.state().isTerminal() && update.agentId() != null) {
        LOG.warning(() -> "Killing unknown task " + update.taskId() + " reported " + update.state());
        vertx.eventBus().send(BusAddresses.MESOS, new MesosCommands.Kill(update.taskId(), update.agentId()));
      }
      return;
    }
    if (update.state() != null) {
      transition(task, update.state(), update.message());
    }
    ScheduledTask now = store.task(update.taskId());
    if (update.healthy() != null && now != null && now.state() == TaskState.RUNNING
        && !update.healthy().equals(health.put(now.taskId(), update.healthy()))) {
      publish(new ClusterEvent.TaskHealthChanged(++lastEventId, clock.instant(), now.jobKey(), now.taskId(), now.instance(),
          update.healthy(), update.message()));
    }
  }

  private List<ScheduledTask> place(PlaceTasks request) {
    pendingReasons.clear();
    pendingReasons.putAll(request.stillPendingReasons());
    List<ScheduledTask> assigned = new ArrayList<>();
    for (Placement placement : request.placements()) {
      ScheduledTask task = store.task(placement.taskId());
      if (task == null || task.state() != TaskState.PENDING) {
        continue;
      }
      ScheduledTask placed = task.withPlacement(placement.agentId(), placement.host(), placement.ports());
      store.save(placed);
      transition(placed, TaskState.ASSIGNED, "Assigned to " + placement.host());
      assigned.add(store.task(placed.taskId()));
    }
    return assigned;
  }

  /** Applies one state change and its effects. Illegal moves are counted and logged, never thrown. */
  private void transition(ScheduledTask task, TaskState to, String message) {
    TaskFacts facts = new TaskFacts(task.config().service(), task.config().maxTaskFailures(), task.failureCount(),
        task.wasEver(TaskState.KILLING));
    Transition verdict = TaskStateMachine.transition(task.state(), to, facts);
    if (verdict instanceof Transition.Unchanged) {
      return;
    }
    if (verdict instanceof Transition.Illegal illegal) {
      metrics.illegalTransition();
      LOG.warning(() -> "Illegal transition of " + task.taskId() + " from " + illegal.from() + " to " + illegal.to()
          + " (" + metrics.illegalTransitions() + " so far)");
      applyEffects(task, illegal.effects(), message);
      return;
    }
    Transition.Allowed allowed = (Transition.Allowed) verdict;
    ScheduledTask next = task.withState(to, clock.instant(), message);
    store.save(next);
    metrics.entered(to);
    if (to != TaskState.PENDING) {
      pendingReasons.remove(task.taskId());
    }
    killRetriesSent.remove(task.taskId());
    if (to != TaskState.RUNNING) {
      health.remove(task.taskId());
    }
    if (task.state() == TaskState.THROTTLED) {
      throttledUntil.remove(task.taskId());
    }
    publish(new ClusterEvent.TaskStateChanged(++lastEventId, clock.instant(), next.jobKey(), next.taskId(),
        next.instance(), task.state(), to, next.host(), message));
    applyEffects(next, allowed.effects(), message);
  }

  private void applyEffects(ScheduledTask task, List<Effect> effects, String message) {
    for (Effect effect : effects) {
      switch (effect) {
        case KILL -> {
          if (task.agentId() != null) {
            vertx.eventBus().send(BusAddresses.MESOS, new MesosCommands.Kill(task.taskId(), task.agentId()));
          }
        }
        case RESCHEDULE, RESCHEDULE_AS_FAILURE -> reschedule(task, effect == Effect.RESCHEDULE_AS_FAILURE);
        case DELETE -> {
          store.delete(task.taskId());
          publish(new ClusterEvent.TaskStateChanged(++lastEventId, clock.instant(), task.jobKey(), task.taskId(),
              task.instance(), task.state(), null, task.host(), "Task deleted: " + Objects.requireNonNullElse(message, "killed")));
        }
        case TRANSITION_TO_LOST -> transition(store.task(task.taskId()), TaskState.LOST, message);
      }
    }
  }

  /** A replacement run of the same instance, if the job still has that instance. */
  private void reschedule(ScheduledTask task, boolean asFailure) {
    JobConfig current = store.job(task.jobKey());
    if (current == null || task.instance() >= current.instances()) {
      return;
    }
    List<ScheduledTask> ancestry = new ArrayList<>();
    for (ScheduledTask run = task; run != null; run = run.ancestorId() == null ? null : store.task(run.ancestorId())) {
      ancestry.add(run);
    }
    addTask(task.config(), task.instance(), task.taskId(), task.failureCount() + (asFailure ? 1 : 0),
        "Rescheduled: previous run " + task.taskId() + " ended " + task.state(), FlappingPolicy.penalty(ancestry, lifecycle));
  }

  /**
   * The timed part of the life cycle, level-triggered from the clock: tasks stuck in a passing state
   * go LOST, KILLs are re-sent on their backoff, and throttled tasks whose time is up become PENDING.
   */
  private void sweep() {
    Instant now = clock.instant();
    List<ScheduledTask> due = store.allTasks()
        .filter(t -> TransientStatePolicy.TRANSIENT.contains(t.state()) || t.state() == TaskState.THROTTLED).toList();
    for (ScheduledTask task : due) {
      if (TransientStatePolicy.timedOut(task, now, lifecycle)) {
        transition(task, TaskState.LOST, "Task timed out after " + lifecycle.transientTimeout().toMinutes() + " min in "
            + task.state());
      } else if (task.state() == TaskState.THROTTLED) {
        Instant until = throttledUntil.get(task.taskId());
        if (until == null || !now.isBefore(until)) {
          transition(task, TaskState.PENDING, "Throttling ended");
        }
      } else {
        int dueRetries = TransientStatePolicy.killRetriesDue(task, now, lifecycle);
        if (dueRetries > killRetriesSent.getOrDefault(task.taskId(), 0) && task.agentId() != null) {
          killRetriesSent.put(task.taskId(), dueRetries);
          LOG.info(() -> "Re-sending KILL of " + task.taskId() + ", " + task.state() + " since " + task.since());
          vertx.eventBus().send(BusAddresses.MESOS, new MesosCommands.Kill(task.taskId(), task.agentId()));
        }
      }
    }
  }

  private void getJob(Message<Request> message, JobKey key) {
    JobView view = StateQueries.jobView(store, key, pendingReasons, health);
    if (view == null) {
      message.fail(404, "no job " + key);
    } else {
      message.reply(view);
    }
  }

  private void publish(ClusterEvent event) {
    vertx.eventBus().publish(BusAddresses.EVENTS, event);
  }
}
