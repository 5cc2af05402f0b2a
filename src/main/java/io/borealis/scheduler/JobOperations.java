package io.borealis.scheduler;

import io.borealis.events.StateRequests;
import io.borealis.events.StateRequests.JobCreated;
import io.borealis.events.StateRequests.KillStarted;
import io.borealis.events.StateRequests.KillTasks;
import io.borealis.model.JobConfig;
import io.borealis.model.JobKey;
import io.borealis.model.Resources;
import io.borealis.model.ScheduledTask;
import io.borealis.model.TaskState;
import io.borealis.state.QuotaCheck;
import io.borealis.state.TaskStateMachine;
import io.borealis.updates.UpdateCommand;
import io.borealis.updates.UpdateRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;

/**
 * The state owner's handling of requests about whole jobs and sets of their instances: create, kill,
 * restart and add instances. Checks against the store decide; task changes go through the verticle's
 * {@link StateActions}. While a job has an active update, changing some of its instances is refused,
 * because the update would undo it; killing the whole job ends the update.
 */
final class JobOperations {
  private static final Logger LOG = Logger.getLogger(JobOperations.class.getName());

  private final TaskStore store;
  private final String cluster;
  private final StateActions actions;
  private final UpdateOperations updates;

  JobOperations(TaskStore store, String cluster, StateActions actions, UpdateOperations updates) {
    this.store = store;
    this.cluster = cluster;
    this.actions = actions;
    this.updates = updates;
  }

  Outcome create(JobConfig config) {
    JobKey key = config.key();
    if (!key.cluster().equals(cluster)) {
      return Outcome.refused(400, "this scheduler serves cluster '" + cluster + "', not '" + key.cluster() + "'");
    }
    if (!store.activeTasksOf(key).isEmpty()) {
      return Outcome.refused(409, "job " + key + " already exists; kill it first or start an update");
    }
    String overQuota = overQuota(config, QuotaCheck.times(config.task().resources(), config.instances()), null);
    if (overQuota != null) {
      return Outcome.refused(400, overQuota);
    }
    store.saveJob(config);
    actions.jobChanged(key, "created", "Job created with " + config.instances() + " instance(s)");
    for (int instance = 0; instance < config.instances(); instance++) {
      actions.add(config, instance, "Task created");
    }
    LOG.info(() -> "Created job " + key + " with " + config.instances() + " instance(s)");
    return Outcome.ok(new JobCreated(key, config.instances()));
  }

  Outcome kill(KillTasks kill, Instant now) {
    if (store.job(kill.key()) == null && !store.hasHistory(kill.key())) {
      return Outcome.refused(404, "no job " + kill.key());
    }
    UpdateRecord update = store.activeUpdateOf(kill.key());
    if (update != null) {
      if (kill.instances() != null) {
        return busy(kill.key(), update, "abort it or wait for it before killing instances");
      }
      updates.command(new StateRequests.CommandUpdate(update.id(), UpdateCommand.ABORT), now);
    }
    List<String> killing = new ArrayList<>();
    for (ScheduledTask task : store.activeTasksOf(kill.key())) {
      if (kill.instances() == null || kill.instances().contains(task.instance())) {
        killing.add(task.taskId());
        actions.transition(task, TaskState.KILLING, kill.reason());
      }
    }
    return Outcome.ok(new KillStarted(killing));
  }

  Outcome restart(StateRequests.RestartTasks restart) {
    if (store.job(restart.key()) == null) {
      return Outcome.refused(404, "no job " + restart.key());
    }
    List<String> restarting = new ArrayList<>();
    for (ScheduledTask task : store.activeTasksOf(restart.key())) {
      boolean wanted = restart.instances() == null || restart.instances().contains(task.instance());
      if (wanted && TaskStateMachine.isLegal(task.state(), TaskState.RESTARTING)) {
        restarting.add(task.taskId());
        actions.transition(task, TaskState.RESTARTING, "Restarting by request");
      }
    }
    return Outcome.ok(new KillStarted(restarting));
  }

  /**
   * New instances after the highest active one (active 0-2, count 2 → 3 and 4), copying the source
   * task's config; the job's instance count grows to cover them so they are rescheduled like the rest.
   */
  Outcome addInstances(StateRequests.AddInstances add) {
    JobConfig job = store.job(add.key());
    List<ScheduledTask> active = store.activeTasksOf(add.key());
    ScheduledTask source = active.stream().filter(t -> t.instance() == add.fromInstance()).findFirst().orElse(null);
    if (job == null || source == null) {
      return Outcome.refused(404, active.isEmpty() ? "no active job " + add.key()
          : "instance " + add.fromInstance() + " of " + add.key() + " has no active task to copy");
    }
    UpdateRecord update = store.activeUpdateOf(add.key());
    if (update != null) {
      return busy(add.key(), update, "add instances after it ends, or give them in the update's config");
    }
    int first = active.stream().mapToInt(ScheduledTask::instance).max().orElse(-1) + 1;
    if (add.count() < 1 || first + add.count() > JobConfig.MAX_INSTANCES) {
      return Outcome.refused(400, "count must be between 1 and " + (JobConfig.MAX_INSTANCES - first) + " for " + add.key());
    }
    String overQuota = overQuota(source.config(), QuotaCheck.times(source.config().task().resources(), add.count()), null);
    if (overQuota != null) {
      return Outcome.refused(400, overQuota);
    }
    store.saveJob(job.withInstances(Math.max(job.instances(), first + add.count())));
    actions.jobChanged(add.key(), "instances_added", "Added " + add.count() + " instance(s) copying instance " + add.fromInstance());
    List<Integer> added = new ArrayList<>();
    for (int instance = first; instance < first + add.count(); instance++) {
      actions.add(source.config(), instance, "Instance added, copying instance " + add.fromInstance());
      added.add(instance);
    }
    List<String> taskIds = store.activeTasksOf(add.key()).stream().filter(t -> t.instance() >= first)
        .map(ScheduledTask::taskId).toList();
    return Outcome.ok(new StateRequests.InstancesAdded(added, taskIds));
  }

  /** Why a production change does not fit its role's quota, or null (it fits, or is not production). */
  String overQuota(JobConfig config, Resources asked, JobKey replacing) {
    if (!config.preferred()) {
      return null;
    }
    String role = config.key().role();
    return QuotaCheck.refusal(role, store.quota(role), store.productionUse(role, replacing), asked);
  }

  Outcome setQuota(StateRequests.SetQuota request) {
    Resources quota = request.quota();
    if (quota.cpu() < 0 || quota.ramBytes() < 0 || quota.diskBytes() < 0) {
      return Outcome.refused(400, "a quota cannot be negative: " + QuotaCheck.describe(quota));
    }
    store.saveQuota(request.role(), quota);
    LOG.info(() -> "Quota of role " + request.role() + " set to " + QuotaCheck.describe(quota));
    return getQuota(request.role());
  }

  Outcome getQuota(String role) {
    return Outcome.ok(new StateRequests.QuotaView(role, store.quota(role), store.productionUse(role, null)));
  }

  private static Outcome busy(JobKey key, UpdateRecord update, String advice) {
    return Outcome.refused(409, "job " + key + " has an active update " + update.id() + " (" + update.status() + "); " + advice);
  }
}
