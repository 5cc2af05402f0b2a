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
import io.borealis.state.HistoryRetention;
import io.borealis.storage.Mutation;
import io.borealis.storage.SnapshotFile;
import io.borealis.storage.StateLog;
import io.borealis.storage.StoredState;
import io.borealis.updates.UpdateCommand;
import io.borealis.updates.UpdateRecord;
import io.borealis.updates.UpdateStep;
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
 * in the order the machine listed them. Each request's changes become durable as one batch before
 * its replies, events and Mesos commands leave (see {@link Outbox}).
 */
public final class StateVerticle extends VerticleBase {
  private static final Logger LOG = Logger.getLogger(StateVerticle.class.getName());

  private final Clock clock;
  private final String cluster;
  private final LifecycleSettings lifecycle;
  private final Duration sweepInterval;
  private final TaskStore store = new TaskStore();
  private final StateLog log;
  private final StoredState recovered;
  private Outbox outbox;
  private final Map<String, String> pendingReasons = new HashMap<>();
  /** KILLs re-sent so far per task being killed; only counts, so a restart at worst re-sends one. */
  private final Map<String, Integer> killRetriesSent = new HashMap<>();
  /** The last health each running task's executor reported (tasks with health checks only). */
  private final Map<String, Boolean> health = new HashMap<>();
  private final SchedulerMetrics metrics;
  private final UpdateOperations updates = new UpdateOperations(store, new UpdateOperations.Effects() {
    @Override
    public void kill(ScheduledTask task, String reason) {
      transition(task, TaskState.KILLING, reason);
    }

    @Override
    public void add(JobConfig config, int instance, String reason) {
      addTask(config, instance, null, 0, reason);
    }

    @Override
    public void updateChanged(UpdateRecord update, String message, List<UpdateStep.InstanceEvent> events) {
      publish(new ClusterEvent.UpdateChanged(++lastEventId, clock.instant(), update.state().job(), update.id(), update.status(),
          message, events));
    }
  });
  private long lastEventId;
  private long storedEventId;
  private Instant lastPrune = Instant.EPOCH;

  /**
   * @param sweepInterval how often tasks are checked for timeouts, kill retries and the end of
   *     throttling; {@link Duration#ZERO} leaves it to {@link StateRequests.Sweep} requests
   * @param log where changes become durable
   * @param recovered what storage held at start
   */
  public StateVerticle(Clock clock, String cluster, LifecycleSettings lifecycle, Duration sweepInterval,
      SchedulerMetrics metrics, StateLog log, StoredState recovered) {
    this.log = log;
    this.recovered = recovered;
    this.clock = clock;
    this.metrics = metrics;
    this.cluster = cluster;
    this.lifecycle = lifecycle;
    this.sweepInterval = sweepInterval;
  }

  @Override
  public Future<?> start() {
    outbox = new Outbox(log, context);
    store.load(recovered);
    lastEventId = recovered.lastEventId();
    storedEventId = lastEventId;
    if (!sweepInterval.isZero()) {
      vertx.setPeriodic(sweepInterval.toMillis(), id -> {
        sweep();
        commit();
      });
    }
    return vertx.eventBus().<Request>consumer(BusAddresses.STATE, this::handle).completion();
  }

  private void handle(Message<Request> message) {
    try {
      dispatch(message);
    } finally {
      commit();
    }
  }

  /** Hands this request's changes to storage; its effects follow once they are durable. */
  private void commit() {
    List<Mutation> changes = store.drainChanges();
    if (lastEventId != storedEventId) {
      changes = new ArrayList<>(changes);
      changes.add(new Mutation.SaveEventId(lastEventId));
      storedEventId = lastEventId;
    }
    outbox.commit(changes);
    if (log.wantsSnapshot()) {
      log.snapshot(store.asMutations(lastEventId));
    }
  }

  private void dispatch(Message<Request> message) {
    Request request = message.body();
    if (outbox.failure() != null && !isQuery(request)) {
      message.fail(503, "storage failed, so no change can be accepted: " + outbox.failure().getMessage());
      return;
    }
    if (request instanceof CreateJob create) {
      createJob(message, create.config());
    } else if (request instanceof KillTasks kill) {
      killTasks(message, kill);
    } else if (request instanceof StateRequests.RestartTasks restart) {
      restartTasks(message, restart);
    } else if (request instanceof StateRequests.AddInstances add) {
      addInstances(message, add);
    } else if (request instanceof StatusUpdate update) {
      statusUpdate(update);
      outbox.reply(message, null);
    } else if (request instanceof PlaceTasks place) {
      outbox.reply(message, new TaskList(place(place)));
    } else if (request instanceof StateRequests.GetTasksOnAgents) {
      outbox.reply(message, new TaskList(store.allTasks().filter(t -> t.state().isOnAgent() && t.agentId() != null).toList()));
    } else if (request instanceof GetPendingTasks) {
      outbox.reply(message, StateQueries.pendingWork(store));
    } else if (request instanceof GetJob get) {
      getJob(message, get.key());
    } else if (request instanceof ListJobs list) {
      outbox.reply(message, StateQueries.listJobs(store, list));
    } else if (request instanceof QueryTasks query) {
      outbox.reply(message, new TaskList(StateQueries.query(store, query)));
    } else if (request instanceof StateRequests.Sweep) {
      sweep();
      outbox.reply(message, null);
    } else if (request instanceof GetTask get) {
      ScheduledTask task = store.task(get.taskId());
      if (task == null) {
        outbox.fail(message, 404, "no task with id " + get.taskId());
      } else {
        outbox.reply(message, task);
      }
    } else if (request instanceof StateRequests.RecordFrameworkId record) {
      if (!record.frameworkId().equals(store.frameworkId())) {
        store.saveFrameworkId(record.frameworkId());
      }
      outbox.reply(message, null);
    } else if (request instanceof StateRequests.GetFrameworkId) {
      outbox.reply(message, new StateRequests.StoredFrameworkId(store.frameworkId()));
    } else if (request instanceof StateRequests.GetBackup) {
      backup(message);
    } else if (request instanceof StateRequests.CheckHealth) {
      outbox.reply(message, null);
    } else if (request instanceof StateRequests.StartUpdate start) {
      answer(message, updates.start(start, clock.instant()));
    } else if (request instanceof StateRequests.CommandUpdate command) {
      answer(message, updates.command(command, clock.instant()));
    } else if (request instanceof StateRequests.ApplyUpdateStep step) {
      answer(message, updates.apply(step, clock.instant()));
    } else if (request instanceof StateRequests.GetUpdate get) {
      UpdateRecord update = store.update(get.updateId());
      answer(message, update == null ? UpdateOperations.Outcome.refused(404, "no update " + get.updateId())
          : UpdateOperations.Outcome.ok(update));
    } else if (request instanceof StateRequests.ListUpdates list) {
      outbox.reply(message, updates.list(list));
    }
  }

  private void answer(Message<Request> message, UpdateOperations.Outcome outcome) {
    if (outcome.failure() != null) {
      outbox.fail(message, outcome.failureCode(), outcome.failure());
    } else {
      outbox.reply(message, outcome.update());
    }
  }

  private static boolean isQuery(Request request) {
    return request instanceof GetJob || request instanceof ListJobs || request instanceof QueryTasks
        || request instanceof GetTask || request instanceof GetPendingTasks || request instanceof StateRequests.GetTasksOnAgents
        || request instanceof StateRequests.GetFrameworkId || request instanceof StateRequests.GetBackup
        || request instanceof StateRequests.CheckHealth || request instanceof StateRequests.GetUpdate
        || request instanceof StateRequests.ListUpdates;
  }

  /** Everything acknowledged so far, encoded off the event loop as a snapshot file's bytes. */
  private void backup(Message<Request> message) {
    List<Mutation> state = store.asMutations(lastEventId);
    int jobs = (int) store.jobs().count();
    int tasks = (int) store.allTasks().count();
    outbox.later(() -> vertx.executeBlocking(() -> SnapshotFile.encode(state))
        .onSuccess(bytes -> message.reply(new StateRequests.Backup(bytes, jobs, tasks)))
        .onFailure(e -> message.fail(500, "backup failed: " + e.getMessage())));
  }

  private void createJob(Message<Request> message, JobConfig config) {
    JobKey key = config.key();
    if (!key.cluster().equals(cluster)) {
      outbox.fail(message, 400, "this scheduler serves cluster '" + cluster + "', not '" + key.cluster() + "'");
      return;
    }
    if (!store.activeTasksOf(key).isEmpty()) {
      outbox.fail(message, 409, "job " + key + " already exists; kill it first or start an update");
      return;
    }
    store.saveJob(config);
    publish(new ClusterEvent.JobChanged(++lastEventId, clock.instant(), key, "created",
        "Job created with " + config.instances() + " instance(s)"));
    for (int instance = 0; instance < config.instances(); instance++) {
      addTask(config, instance, null, 0, "Task created");
    }
    LOG.info(() -> "Created job " + key + " with " + config.instances() + " instance(s)");
    outbox.reply(message, new JobCreated(key, config.instances()));
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
      store.throttle(id, clock.instant().plus(throttle));
      transition(task, TaskState.THROTTLED, reason + "; throttled for " + throttle.toSeconds() + " s because it flapped");
    }
  }

  private void killTasks(Message<Request> message, KillTasks kill) {
    if (store.job(kill.key()) == null && !store.hasHistory(kill.key())) {
      outbox.fail(message, 404, "no job " + kill.key());
      return;
    }
    UpdateRecord update = store.activeUpdateOf(kill.key());
    if (update != null) {
      // An update would bring killed instances back; killing the whole job ends the update instead.
      if (kill.instances() != null) {
        outbox.fail(message, 409, "job " + kill.key() + " has an active update " + update.id() + " (" + update.status()
            + "); abort it or wait for it before killing instances");
        return;
      }
      updates.command(new StateRequests.CommandUpdate(update.id(), UpdateCommand.ABORT), clock.instant());
    }
    List<String> killing = new ArrayList<>();
    for (ScheduledTask task : store.activeTasksOf(kill.key())) {
      if (kill.instances() == null || kill.instances().contains(task.instance())) {
        killing.add(task.taskId());
        transition(task, TaskState.KILLING, kill.reason());
      }
    }
    outbox.reply(message, new KillStarted(killing));
  }

  private void restartTasks(Message<Request> message, StateRequests.RestartTasks restart) {
    if (store.job(restart.key()) == null) {
      outbox.fail(message, 404, "no job " + restart.key());
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
    outbox.reply(message, new KillStarted(restarting));
  }

  /**
   * New instances after the highest active one (active 0-2, count 2 → 3 and 4), copying the source
   * task's config; the job's instance count grows to cover them so they are rescheduled like the rest.
   */
  private void addInstances(Message<Request> message, StateRequests.AddInstances add) {
    JobConfig job = store.job(add.key());
    List<ScheduledTask> active = store.activeTasksOf(add.key());
    ScheduledTask source = active.stream().filter(t -> t.instance() == add.fromInstance()).findFirst().orElse(null);
    if (job == null || source == null) {
      outbox.fail(message, 404, active.isEmpty() ? "no active job " + add.key()
          : "instance " + add.fromInstance() + " of " + add.key() + " has no active task to copy");
      return;
    }
    UpdateRecord update = store.activeUpdateOf(add.key());
    if (update != null) {
      outbox.fail(message, 409, "job " + add.key() + " has an active update " + update.id() + " (" + update.status()
          + "); add instances after it ends, or give them in the update's config");
      return;
    }
    int first = active.stream().mapToInt(ScheduledTask::instance).max().orElse(-1) + 1;
    if (add.count() < 1 || first + add.count() > JobConfig.MAX_INSTANCES) {
      outbox.fail(message, 400, "count must be between 1 and " + (JobConfig.MAX_INSTANCES - first) + " for " + add.key());
      return;
    }
    int instances = Math.max(job.instances(), first + add.count());
    store.saveJob(new JobConfig(job.key(), instances, job.service(), job.maxTaskFailures(), job.tier(), job.production(),
        job.priority(), job.contact(), job.task(), job.constraints(), job.healthCheck(), job.update()));
    publish(new ClusterEvent.JobChanged(++lastEventId, clock.instant(), add.key(), "instances_added",
        "Added " + add.count() + " instance(s) copying instance " + add.fromInstance()));
    List<Integer> added = new ArrayList<>();
    for (int instance = first; instance < first + add.count(); instance++) {
      addTask(source.config(), instance, null, 0, "Instance added, copying instance " + add.fromInstance());
      added.add(instance);
    }
    List<String> taskIds = store.activeTasksOf(add.key()).stream().filter(t -> t.instance() >= first)
        .map(ScheduledTask::taskId).toList();
    outbox.reply(message, new StateRequests.InstancesAdded(added, taskIds));
  }

  private void statusUpdate(StatusUpdate update) {
    ScheduledTask task = store.task(update.taskId());
    if (task == null) {
      // Mesos runs something we do not know (or no longer track): make sure it stops.
      if (update.state() != null && !update.state().isTerminal() && update.agentId() != null) {
        LOG.warning(() -> "Killing unknown task " + update.taskId() + " reported " + update.state());
        sendToMesos(new MesosCommands.Kill(update.taskId(), update.agentId()));
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
      store.throttle(task.taskId(), null);
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
            sendToMesos(new MesosCommands.Kill(task.taskId(), task.agentId()));
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
        Instant until = store.throttledUntil(task.taskId());
        if (until == null || !now.isBefore(until)) {
          transition(task, TaskState.PENDING, "Throttling ended");
        }
      } else {
        int dueRetries = TransientStatePolicy.killRetriesDue(task, now, lifecycle);
        if (dueRetries > killRetriesSent.getOrDefault(task.taskId(), 0) && task.agentId() != null) {
          killRetriesSent.put(task.taskId(), dueRetries);
          LOG.info(() -> "Re-sending KILL of " + task.taskId() + ", " + task.state() + " since " + task.since());
          sendToMesos(new MesosCommands.Kill(task.taskId(), task.agentId()));
        }
      }
    }
    if (!now.isBefore(lastPrune.plus(HistoryRetention.PRUNE_INTERVAL))) {
      lastPrune = now;
      pruneHistory(now);
    }
  }

  /** Drops old finished tasks (and jobs left with none) so the store does not grow without bound. */
  private void pruneHistory(Instant now) {
    for (JobConfig job : store.jobs().toList()) {
      for (String taskId : HistoryRetention.AURORA_DEFAULTS.prunable(store.tasksOf(job.key()), now)) {
        store.delete(taskId);
      }
      if (!store.hasHistory(job.key())) {
        store.deleteJob(job.key());
      }
    }
  }

  private void getJob(Message<Request> message, JobKey key) {
    JobView view = StateQueries.jobView(store, key, pendingReasons, health);
    if (view == null) {
      outbox.fail(message, 404, "no job " + key);
    } else {
      outbox.reply(message, view);
    }
  }

  private void publish(ClusterEvent event) {
    outbox.later(() -> vertx.eventBus().publish(BusAddresses.EVENTS, event));
  }

  private void sendToMesos(MesosCommands.Command command) {
    outbox.later(() -> vertx.eventBus().send(BusAddresses.MESOS, command));
  }
}
