package io.borealis.scheduler;

import io.borealis.events.BusAddresses;
import io.borealis.events.ClusterEvent;
import io.borealis.events.MesosCommands;
import io.borealis.events.OfferEvents;
import io.borealis.events.StateRequests;
import io.borealis.events.StateRequests.CreateJob;
import io.borealis.events.StateRequests.GetJob;
import io.borealis.events.StateRequests.GetPendingTasks;
import io.borealis.events.StateRequests.GetTask;
import io.borealis.events.StateRequests.JobView;
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
import io.borealis.state.PartitionTimeout;
import io.borealis.state.TaskFacts;
import io.borealis.state.TaskStateMachine;
import io.borealis.state.TransientStatePolicy;
import io.borealis.state.Transition;
import io.borealis.state.HistoryRetention;
import io.borealis.storage.Mutation;
import io.borealis.storage.SnapshotFile;
import io.borealis.storage.StateLog;
import io.borealis.storage.StoredState;
import io.borealis.updates.UpdateRecord;
import io.borealis.updates.UpdateRetention;
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
 * The single owner of jobs, tasks and updates. Every task change goes through {@link #transition}:
 * the pure state machine decides, this verticle stores the new task, publishes the event, then
 * applies the effects in the order the machine listed them. Requests about jobs and updates are
 * decided by {@link JobOperations} and {@link UpdateOperations}, which act through the same
 * transition. Each request's changes become durable as one batch before its replies, events and Mesos
 * commands leave (see {@link Outbox}).
 */
public final class StateVerticle extends VerticleBase {
  private static final Logger LOG = Logger.getLogger(StateVerticle.class.getName());

  private final Clock clock;
  private final String cluster;
  private final LifecycleSettings lifecycle;
  private final Duration sweepInterval;
  private final TaskStore store;
  private final StateLog log;
  private final StoredState recovered;
  private Outbox outbox;
  private final Map<String, String> pendingReasons = new HashMap<>();
  /** KILLs re-sent so far per task being killed; only counts, so a restart at worst re-sends one. */
  private final Map<String, Integer> killRetriesSent = new HashMap<>();
  /** What each running task's executor and the scheduler's probes last said of its health. */
  private final HealthReports health = new HealthReports();
  private final SchedulerMetrics metrics;
  private final StateActions actions = new StateActions() {
    @Override
    public void transition(ScheduledTask task, TaskState to, String message) {
      StateVerticle.this.transition(task, to, message);
    }

    @Override
    public void add(JobConfig config, int instance, String reason) {
      addTask(config, instance, null, 0, reason);
    }

    @Override
    public void jobChanged(JobKey key, String change, String message) {
      publish(new ClusterEvent.JobChanged(++lastEventId, clock.instant(), key, change, message));
    }

    @Override
    public void updateChanged(UpdateRecord update, String message, List<UpdateStep.InstanceEvent> events) {
      publish(new ClusterEvent.UpdateChanged(++lastEventId, clock.instant(), update.state().job(), update.id(), update.status(),
          message, events));
    }
  };
  private final UpdateOperations updates;
  private final JobOperations jobs;
  private final HostMaintenance maintenance;
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
    this.store = new TaskStore(metrics);
    this.updates = new UpdateOperations(store, actions);
    this.cluster = cluster;
    this.lifecycle = lifecycle;
    this.sweepInterval = sweepInterval;
    this.jobs = new JobOperations(store, cluster, actions, updates);
    this.maintenance = new HostMaintenance(store, actions);
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
      answer(message, jobs.create(create.config()));
    } else if (request instanceof KillTasks kill) {
      answer(message, jobs.kill(kill, clock.instant()));
    } else if (request instanceof StateRequests.RestartTasks restart) {
      answer(message, jobs.restart(restart));
    } else if (request instanceof StateRequests.AddInstances add) {
      answer(message, jobs.addInstances(add));
    } else if (request instanceof StatusUpdate update) {
      statusUpdate(update);
      outbox.reply(message, null);
    } else if (request instanceof StateRequests.StatusUpdates batch) {
      batch.updates().forEach(this::statusUpdate);
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
    } else if (request instanceof StateRequests.GetLastEventId) {
      outbox.reply(message, lastEventId);
    } else if (request instanceof StateRequests.StartUpdate start) {
      answer(message, updates.start(start, clock.instant()));
    } else if (request instanceof StateRequests.CommandUpdate command) {
      answer(message, updates.command(command, clock.instant()));
    } else if (request instanceof StateRequests.ApplyUpdateStep step) {
      answer(message, updates.apply(step, clock.instant()));
    } else if (request instanceof StateRequests.GetUpdate get) {
      UpdateRecord update = store.update(get.updateId());
      answer(message, update == null ? Outcome.refused(404, "no update " + get.updateId()) : Outcome.ok(update));
    } else if (request instanceof StateRequests.PreemptTasks preempt) {
      outbox.reply(message, new TaskList(preempt(preempt)));
    } else if (request instanceof StateRequests.DrainHosts drain) {
      answer(message, maintenance.drain(drain.hosts()));
      outbox.later(() -> vertx.eventBus().publish(BusAddresses.OFFERS, new OfferEvents.HostsChanged()));
    } else if (request instanceof StateRequests.ActivateHosts activate) {
      answer(message, maintenance.activate(activate.hosts()));
      outbox.later(() -> vertx.eventBus().publish(BusAddresses.OFFERS, new OfferEvents.HostsChanged()));
    } else if (request instanceof StateRequests.GetHostStatus status) {
      answer(message, maintenance.status(status.hosts()));
    } else if (request instanceof StateRequests.SetQuota set) {
      answer(message, jobs.setQuota(set));
    } else if (request instanceof StateRequests.GetQuota get) {
      answer(message, jobs.getQuota(get.role()));
    } else if (request instanceof StateRequests.ObservedHealth observed) {
      reportHealth(store.task(observed.taskId()), true, observed.healthy(), observed.message());
      outbox.reply(message, null);
    } else if (request instanceof StateRequests.ListUpdates list) {
      outbox.reply(message, updates.list(list));
    }
  }

  private void answer(Message<Request> message, Outcome outcome) {
    if (outcome.refused()) {
      outbox.fail(message, outcome.failureCode(), outcome.failure());
    } else {
      outbox.reply(message, outcome.reply());
    }
  }

  private static boolean isQuery(Request request) {
    return request instanceof GetJob || request instanceof ListJobs || request instanceof QueryTasks
        || request instanceof GetTask || request instanceof GetPendingTasks || request instanceof StateRequests.GetTasksOnAgents
        || request instanceof StateRequests.GetFrameworkId || request instanceof StateRequests.GetBackup
        || request instanceof StateRequests.CheckHealth || request instanceof StateRequests.GetLastEventId
        || request instanceof StateRequests.GetUpdate
        || request instanceof StateRequests.ListUpdates || request instanceof StateRequests.GetQuota
        || request instanceof StateRequests.GetHostStatus;
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
    if (update.healthy() != null) {
      reportHealth(now, false, update.healthy(), update.message());
    }
  }

  /** One source's health verdict on a task; an event when the combined verdict changes. */
  private void reportHealth(ScheduledTask task, boolean fromScheduler, boolean healthy, String message) {
    if (task != null && task.state() == TaskState.RUNNING && health.report(task.taskId(), fromScheduler, healthy)) {
      publish(new ClusterEvent.TaskHealthChanged(++lastEventId, clock.instant(), task.jobKey(), task.taskId(), task.instance(),
          health.get(task.taskId()), message));
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

  /**
   * Victims go PREEMPTING only if the preemptor still waits and they still run (either may have
   * changed since placement looked) and are not production, which nothing preempts.
   */
  private List<ScheduledTask> preempt(StateRequests.PreemptTasks preempt) {
    ScheduledTask preemptor = store.task(preempt.preemptorTaskId());
    if (preemptor == null || preemptor.state() != TaskState.PENDING) {
      return List.of();
    }
    List<ScheduledTask> preempted = new ArrayList<>();
    for (String victimId : preempt.victimIds()) {
      ScheduledTask victim = store.task(victimId);
      if (victim != null && !victim.config().preferred() && victim.state().isLive()) {
        transition(victim, TaskState.PREEMPTING, "Preempted by " + preemptor.taskId() + " of " + preemptor.jobKey());
        preempted.add(store.task(victimId));
      }
    }
    return preempted;
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
    if (task.state() == TaskState.PENDING && to == TaskState.ASSIGNED) {
      metrics.scheduled(Duration.between(task.since(), next.since()));
    }
    if (to != TaskState.PENDING) {
      pendingReasons.remove(task.taskId());
    }
    killRetriesSent.remove(task.taskId());
    if (to != TaskState.RUNNING) {
      health.forget(task.taskId());
    }
    if (task.state() == TaskState.THROTTLED) {
      store.throttle(task.taskId(), null);
    }
    publish(new ClusterEvent.TaskStateChanged(++lastEventId, clock.instant(), next.jobKey(), next.taskId(),
        next.instance(), task.state(), to, next.host(), message));
    applyEffects(next, allowed.effects(), message);
    if (to.isTerminal()) {
      maintenance.taskEnded(next);
    }
    // Read again: an effect (TRANSITION_TO_LOST) may already have moved it on, and the stale copy
    // would take it to LOST a second time and replace the instance twice.
    ScheduledTask current = store.task(next.taskId());
    if (current != null && PartitionTimeout.expired(current, clock.instant())) {
      transition(current, TaskState.LOST, PartitionTimeout.reason(current));
    }
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
   * go LOST, KILLs are re-sent on their backoff, throttled tasks whose time is up become PENDING, and
   * partitioned tasks past their partition policy's delay go LOST.
   */
  private void sweep() {
    Instant now = clock.instant();
    List<ScheduledTask> due = store.allTasks()
        .filter(t -> TransientStatePolicy.TRANSIENT.contains(t.state()) || t.state() == TaskState.THROTTLED
            || t.state() == TaskState.PARTITIONED).toList();
    for (ScheduledTask task : due) {
      if (PartitionTimeout.expired(task, now)) {
        transition(task, TaskState.LOST, PartitionTimeout.reason(task));
      } else if (task.state() == TaskState.PARTITIONED) {
        continue;
      } else if (TransientStatePolicy.timedOut(task, now, lifecycle)) {
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

  /** Drops old finished tasks and updates (and jobs left with none) so the store does not grow without bound. */
  private void pruneHistory(Instant now) {
    Map<JobKey, List<UpdateRecord>> updatesByJob = new HashMap<>();
    store.updates().forEach(u -> updatesByJob.computeIfAbsent(u.state().job(), k -> new ArrayList<>()).add(u));
    updatesByJob.values().forEach(ofJob -> UpdateRetention.AURORA_DEFAULTS.prunable(ofJob, now).forEach(store::deleteUpdate));
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
    JobView view = StateQueries.jobView(store, key, pendingReasons, health::get);
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
