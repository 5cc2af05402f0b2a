package io.borealis.scheduler;

import io.borealis.model.JobConfig;
import io.borealis.model.JobKey;
import io.borealis.model.MaintenanceMode;
import io.borealis.model.Resources;
import io.borealis.model.ScheduledTask;
import io.borealis.model.TaskState;
import io.borealis.state.QuotaCheck;
import io.borealis.storage.Mutation;
import io.borealis.storage.StoredState;
import io.borealis.updates.UpdateRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Jobs and tasks in memory, indexed by job. Owned by the state verticle and touched only on its event
 * loop, so it needs no locks. Finished tasks stay as the job's history until pruned. Every change is
 * also recorded as a {@link Mutation}, which the verticle drains and makes durable before anyone
 * outside hears of it.
 */
final class TaskStore {
  private final Map<JobKey, JobConfig> jobs = new LinkedHashMap<>();
  private final Map<String, ScheduledTask> tasks = new HashMap<>();
  private final Map<JobKey, Set<String>> tasksByJob = new HashMap<>();
  private final Set<String> pending = new LinkedHashSet<>();
  /** When each THROTTLED task may become PENDING. */
  private final Map<String, Instant> throttledUntil = new HashMap<>();
  private String frameworkId;
  /** Every update kept, by id, in the order they started. */
  private final Map<String, UpdateRecord> updates = new LinkedHashMap<>();
  /** Production quota per role; a role without an entry has none. */
  private final Map<String, Resources> quotas = new LinkedHashMap<>();
  /** Hosts in maintenance, by hostname; a host not here is in NONE. */
  private final Map<String, MaintenanceMode> maintenance = new LinkedHashMap<>();
  /** Changes not yet handed to storage, the latest per subject: a batch needs only the final value. */
  private final Map<String, Mutation> changes = new LinkedHashMap<>();
  private final SchedulerMetrics metrics;

  TaskStore(SchedulerMetrics metrics) {
    this.metrics = metrics;
  }

  /** Fills an empty store from recovered state, recording nothing: it is already durable. */
  void load(StoredState state) {
    metrics.taskCounts().clear();
    state.jobs().values().forEach(job -> jobs.put(job.key(), job));
    state.tasks().values().forEach(this::index);
    throttledUntil.putAll(state.throttles());
    frameworkId = state.frameworkId();
    updates.putAll(state.updates());
    updates.forEach(metrics::update);
    quotas.putAll(state.quotas());
    maintenance.putAll(state.maintenance());
  }

  JobConfig job(JobKey key) {
    return jobs.get(key);
  }

  void saveJob(JobConfig config) {
    jobs.put(config.key(), config);
    record(new Mutation.SaveJob(config));
  }

  Stream<JobConfig> jobs() {
    return jobs.values().stream();
  }

  ScheduledTask task(String id) {
    return tasks.get(id);
  }

  void save(ScheduledTask task) {
    index(task);
    record(new Mutation.SaveTask(task));
  }

  private void index(ScheduledTask task) {
    ScheduledTask previous = tasks.put(task.taskId(), task);
    metrics.taskCounts().moved(previous == null ? null : previous.state(), task.state());
    tasksByJob.computeIfAbsent(task.jobKey(), k -> new LinkedHashSet<>()).add(task.taskId());
    if (task.state() == TaskState.PENDING) {
      pending.add(task.taskId());
    } else {
      pending.remove(task.taskId());
    }
  }

  void delete(String taskId) {
    ScheduledTask task = tasks.remove(taskId);
    if (task != null) {
      metrics.taskCounts().moved(task.state(), null);
    }
    pending.remove(taskId);
    throttledUntil.remove(taskId);
    if (task != null) {
      Set<String> ids = tasksByJob.get(task.jobKey());
      ids.remove(taskId);
      if (ids.isEmpty()) {
        tasksByJob.remove(task.jobKey());
      }
      record(new Mutation.RemoveTask(taskId));
    }
  }

  /** Forgets a job whose tasks are all gone. */
  void deleteJob(JobKey key) {
    if (jobs.remove(key) != null) {
      record(new Mutation.RemoveJob(key));
    }
  }

  Instant throttledUntil(String taskId) {
    return throttledUntil.get(taskId);
  }

  void throttle(String taskId, Instant until) {
    if (until == null) {
      if (throttledUntil.remove(taskId) == null) {
        return;
      }
    } else {
      throttledUntil.put(taskId, until);
    }
    record(new Mutation.SaveThrottle(taskId, until));
  }

  String frameworkId() {
    return frameworkId;
  }

  void saveFrameworkId(String id) {
    frameworkId = id;
    record(new Mutation.SaveFrameworkId(id));
  }

  /** All tasks of a job, history included, ordered by instance then by age. */
  List<ScheduledTask> tasksOf(JobKey key) {
    List<ScheduledTask> result = new ArrayList<>();
    for (String id : tasksByJob.getOrDefault(key, Set.of())) {
      result.add(tasks.get(id));
    }
    result.sort(Comparator.comparingInt(ScheduledTask::instance)
        .thenComparing(t -> t.events().isEmpty() ? null : t.events().get(0).timestamp(), Comparator.nullsFirst(Comparator.naturalOrder())));
    return result;
  }

  List<ScheduledTask> activeTasksOf(JobKey key) {
    return tasksOf(key).stream().filter(t -> !t.state().isTerminal()).toList();
  }

  boolean hasHistory(JobKey key) {
    return tasksByJob.containsKey(key);
  }

  List<ScheduledTask> pendingTasks() {
    return pending.stream().map(tasks::get).toList();
  }

  Stream<ScheduledTask> allTasks() {
    return tasks.values().stream();
  }

  private void record(Mutation mutation) {
    changes.remove(mutation.subject());
    changes.put(mutation.subject(), mutation);
  }

  /** The changes since the last call, in the order of their latest values. */
  List<Mutation> drainChanges() {
    if (changes.isEmpty()) {
      return List.of();
    }
    List<Mutation> drained = new ArrayList<>(changes.values());
    changes.clear();
    return drained;
  }

  void saveMaintenance(String host, MaintenanceMode mode) {
    if (mode == MaintenanceMode.NONE) {
      maintenance.remove(host);
    } else {
      maintenance.put(host, mode);
    }
    record(new Mutation.SaveHostMaintenance(host, mode));
  }

  MaintenanceMode maintenance(String host) {
    return maintenance.getOrDefault(host, MaintenanceMode.NONE);
  }

  /** Hosts in maintenance, by hostname: a copy, safe to hand to placement. */
  Map<String, MaintenanceMode> hostsInMaintenance() {
    return Map.copyOf(maintenance);
  }

  /** The tasks on {@code host} that are not terminal. */
  List<ScheduledTask> activeTasksOn(String host) {
    return tasks.values().stream().filter(t -> host.equals(t.host()) && !t.state().isTerminal()).toList();
  }

  void saveQuota(String role, Resources quota) {
    quotas.put(role, quota);
    record(new Mutation.SaveQuota(role, quota));
  }

  Resources quota(String role) {
    return quotas.getOrDefault(role, QuotaCheck.NONE);
  }

  /** What the role's active production tasks use, leaving out one job's (null: leave out none). */
  Resources productionUse(String role, JobKey except) {
    Resources used = QuotaCheck.NONE;
    for (ScheduledTask task : tasks.values()) {
      JobConfig config = task.config();
      if (!task.state().isTerminal() && config.production() && config.key().role().equals(role) && !config.key().equals(except)) {
        used = QuotaCheck.plus(used, config.task().resources());
      }
    }
    return used;
  }

  void saveUpdate(UpdateRecord update) {
    updates.put(update.id(), update);
    metrics.update(update.id(), update);
    record(new Mutation.SaveUpdate(update));
  }

  void deleteUpdate(String id) {
    if (updates.remove(id) != null) {
      metrics.update(id, null);
      record(new Mutation.RemoveUpdate(id));
    }
  }

  UpdateRecord update(String id) {
    return updates.get(id);
  }

  Stream<UpdateRecord> updates() {
    return updates.values().stream();
  }

  /** The update holding the job's update slot, if any. */
  UpdateRecord activeUpdateOf(JobKey key) {
    return updates.values().stream().filter(u -> u.state().job().equals(key) && u.status().isActive()).findFirst().orElse(null);
  }

  /** The whole store as mutations, for a snapshot or backup; shares the immutable values. */
  List<Mutation> asMutations(long lastEventId) {
    List<Mutation> result = new ArrayList<>(jobs.size() + tasks.size() + throttledUntil.size() + 2);
    if (frameworkId != null) {
      result.add(new Mutation.SaveFrameworkId(frameworkId));
    }
    result.add(new Mutation.SaveEventId(lastEventId));
    jobs.values().forEach(job -> result.add(new Mutation.SaveJob(job)));
    tasks.values().forEach(task -> result.add(new Mutation.SaveTask(task)));
    throttledUntil.forEach((id, until) -> result.add(new Mutation.SaveThrottle(id, until)));
    maintenance.forEach((host, mode) -> result.add(new Mutation.SaveHostMaintenance(host, mode)));
    updates.values().forEach(update -> result.add(new Mutation.SaveUpdate(update)));
    quotas.forEach((role, quota) -> result.add(new Mutation.SaveQuota(role, quota)));
    return result;
  }
}
