package io.borealis.scheduler;

import io.borealis.model.JobConfig;
import io.borealis.model.JobKey;
import io.borealis.model.ScheduledTask;
import io.borealis.model.TaskState;
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
 * loop, so it needs no locks. Finished tasks stay as the job's history.
 */
final class TaskStore {
  private final Map<JobKey, JobConfig> jobs = new LinkedHashMap<>();
  private final Map<String, ScheduledTask> tasks = new HashMap<>();
  private final Map<JobKey, Set<String>> tasksByJob = new HashMap<>();
  private final Set<String> pending = new LinkedHashSet<>();

  JobConfig job(JobKey key) {
    return jobs.get(key);
  }

  void saveJob(JobConfig config) {
    jobs.put(config.key(), config);
  }

  Stream<JobConfig> jobs() {
    return jobs.values().stream();
  }

  ScheduledTask task(String id) {
    return tasks.get(id);
  }

  void save(ScheduledTask task) {
    tasks.put(task.taskId(), task);
    tasksByJob.computeIfAbsent(task.jobKey(), k -> new LinkedHashSet<>()).add(task.taskId());
    if (task.state() == TaskState.PENDING) {
      pending.add(task.taskId());
    } else {
      pending.remove(task.taskId());
    }
  }

  void delete(String taskId) {
    ScheduledTask task = tasks.remove(taskId);
    pending.remove(taskId);
    if (task != null) {
      Set<String> ids = tasksByJob.get(task.jobKey());
      ids.remove(taskId);
      if (ids.isEmpty()) {
        tasksByJob.remove(task.jobKey());
      }
    }
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
}
