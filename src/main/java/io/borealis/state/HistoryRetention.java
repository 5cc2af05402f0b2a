package io.borealis.state;

import io.borealis.model.ScheduledTask;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * How long finished tasks stay as a job's history, as Aurora's task history pruner decides it.
 *
 * @param maxAge {@code history_prune_threshold}: a task finished longer ago than this goes
 * @param maxPerJob {@code history_max_per_job_threshold}: finished tasks kept per job at most
 * @param minRetention {@code history_min_retention_threshold}: no finished task goes sooner than this,
 *     so a just-failed task can always be looked at
 */
public record HistoryRetention(Duration maxAge, int maxPerJob, Duration minRetention) {

  public static final HistoryRetention AURORA_DEFAULTS = new HistoryRetention(Duration.ofDays(2), 100, Duration.ofHours(1));

  /** How often the state owner looks for history to prune; pruning is bookkeeping, not urgent. */
  public static final Duration PRUNE_INTERVAL = Duration.ofMinutes(1);

  /** Ids of the finished tasks among one job's tasks that should be deleted now. */
  public List<String> prunable(List<ScheduledTask> jobTasks, Instant now) {
    List<ScheduledTask> finished = new ArrayList<>(jobTasks.stream().filter(t -> t.state().isTerminal()).toList());
    finished.sort(Comparator.comparing(ScheduledTask::since).reversed());
    List<String> prune = new ArrayList<>();
    for (int i = 0; i < finished.size(); i++) {
      ScheduledTask task = finished.get(i);
      Duration finishedFor = Duration.between(task.since(), now);
      boolean tooOld = finishedFor.compareTo(maxAge) > 0;
      boolean beyondCount = i >= maxPerJob && finishedFor.compareTo(minRetention) >= 0;
      if (tooOld || beyondCount) {
        prune.add(task.taskId());
      }
    }
    return prune;
  }
}
