package io.borealis.scheduler;

import io.borealis.events.StateRequests.JobSummary;
import io.borealis.events.StateRequests.JobView;
import io.borealis.events.StateRequests.ListJobs;
import io.borealis.events.StateRequests.PendingWork;
import io.borealis.events.StateRequests.QueryTasks;
import io.borealis.model.JobConfig;
import io.borealis.model.JobKey;
import io.borealis.model.ScheduledTask;
import io.borealis.model.TaskState;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Read-only answers from the store, for the state verticle's queries. */
final class StateQueries {
  private StateQueries() {}

  /** The job with its whole task history and the pending reasons of its tasks, or null if unknown. */
  static JobView jobView(TaskStore store, JobKey key, Map<String, String> pendingReasons, Function<String, Boolean> health) {
    JobConfig config = store.job(key);
    if (config == null || !store.hasHistory(key)) {
      return null;
    }
    List<ScheduledTask> tasks = store.tasksOf(key);
    Map<String, String> reasons = new HashMap<>();
    Map<String, Boolean> healthOfTasks = new HashMap<>();
    for (ScheduledTask task : tasks) {
      String reason = pendingReasons.get(task.taskId());
      if (reason != null) {
        reasons.put(task.taskId(), reason);
      }
      Boolean healthy = health.apply(task.taskId());
      if (healthy != null && task.state() == io.borealis.model.TaskState.RUNNING) {
        healthOfTasks.put(task.taskId(), healthy);
      }
    }
    return new JobView(config, tasks, reasons, healthOfTasks);
  }

  /** Jobs with any task history, filtered by role and environment when given, with per-state counts. */
  static List<JobSummary> listJobs(TaskStore store, ListJobs list) {
    return store.jobs()
        .filter(job -> list.role() == null || job.key().role().equals(list.role()))
        .filter(job -> list.environment() == null || job.key().environment().equals(list.environment()))
        .filter(job -> store.hasHistory(job.key()))
        .map(job -> {
          Map<TaskState, Integer> counts = new EnumMap<>(TaskState.class);
          store.tasksOf(job.key()).forEach(t -> counts.merge(t.state(), 1, Integer::sum));
          return new JobSummary(job, counts);
        })
        .toList();
  }

  /** Pending tasks, with where their jobs' active tasks run. */
  static PendingWork pendingWork(TaskStore store) {
    List<ScheduledTask> pending = store.pendingTasks();
    Map<JobKey, List<String>> agents = new HashMap<>();
    for (ScheduledTask task : pending) {
      agents.computeIfAbsent(task.jobKey(), key -> store.activeTasksOf(key).stream()
          .filter(t -> t.state().isOnAgent() && t.agentId() != null).map(ScheduledTask::agentId).toList());
    }
    return new PendingWork(pending, agents, store.hostsInMaintenance());
  }

  /** Tasks matching every filter that is set. */
  static List<ScheduledTask> query(TaskStore store, QueryTasks query) {
    return store.allTasks()
        .filter(t -> query.role() == null || t.jobKey().role().equals(query.role()))
        .filter(t -> query.environment() == null || t.jobKey().environment().equals(query.environment()))
        .filter(t -> query.jobName() == null || t.jobKey().name().equals(query.jobName()))
        .filter(t -> query.state() == null || t.state() == query.state())
        .filter(t -> query.instance() == null || t.instance() == query.instance())
        .sorted(Comparator.comparing((ScheduledTask t) -> t.jobKey().toString())
            .thenComparingInt(ScheduledTask::instance)
            .thenComparing(ScheduledTask::since))
        .toList();
  }
}
