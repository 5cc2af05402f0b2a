package io.borealis.updates;

import io.borealis.model.JobConfig;
import io.borealis.model.ScheduledTask;
import io.borealis.model.TaskEvent;
import io.borealis.model.TaskState;
import java.time.Duration;
import java.time.Instant;

/**
 * Judges one instance of an update, as Aurora's {@code InstanceUpdater} does: a task with the wrong
 * config is killed, a missing one added, and the instance is done once its task with the target
 * config has been RUNNING (and healthy, when the job has a health check) for {@code watch}. It fails
 * when tasks with the target config die more than {@code maxFailures} times, or when it makes no
 * progress within the deadline.
 */
public record InstanceEvaluator(Duration watch, int maxFailures, Duration progressDeadline) {

  /**
   * @param target the config the instance should run, or null if it should not exist
   * @param startedAt when the update started moving this instance
   */
  public InstanceVerdict evaluate(JobConfig target, InstanceObservation seen, Instant startedAt, Instant now) {
    ScheduledTask active = seen.active();
    if (target == null) {
      if (active == null) {
        return new InstanceVerdict.Succeeded();
      }
      return active.state() == TaskState.KILLING ? new InstanceVerdict.Wait(null) : new InstanceVerdict.Kill(active.taskId());
    }
    long failures = seen.ended().stream().filter(task -> failedSince(task, target, startedAt)).count();
    if (failures > maxFailures) {
      ScheduledTask last = seen.ended().get(seen.ended().size() - 1);
      return new InstanceVerdict.Failed("its new task failed " + failures + " time(s), more than max_per_shard_failures "
          + maxFailures + " (last: " + last.state() + (last.lastMessage() == null ? "" : ", " + last.lastMessage()) + ")");
    }
    if (active == null) {
      return new InstanceVerdict.Add(target);
    }
    if (!UpdateDiff.sameTask(active.config(), target)) {
      return active.state() == TaskState.KILLING ? new InstanceVerdict.Wait(null) : new InstanceVerdict.Kill(active.taskId());
    }
    Instant deadline = startedAt.plus(progressDeadline);
    Instant stableSince = stableSince(active, seen);
    if (stableSince != null && !now.isBefore(stableSince.plus(watch))) {
      return new InstanceVerdict.Succeeded();
    }
    if (!now.isBefore(deadline)) {
      return new InstanceVerdict.Failed("no progress within " + progressDeadline.toSeconds() + " s: its new task is "
          + active.state() + (active.state() == TaskState.RUNNING && Boolean.FALSE.equals(seen.healthy()) ? " but unhealthy" : ""));
    }
    Instant stableAt = stableSince == null ? null : stableSince.plus(watch);
    return new InstanceVerdict.Wait(stableAt != null && stableAt.isBefore(deadline) ? stableAt : deadline);
  }

  /** Since when the task has been RUNNING and, if checked, healthy; null if it is not both now. */
  private static Instant stableSince(ScheduledTask task, InstanceObservation seen) {
    if (task.state() != TaskState.RUNNING || Boolean.FALSE.equals(seen.healthy())) {
      return null;
    }
    Instant running = task.since();
    if (seen.healthy() == null) {
      return running;
    }
    return seen.healthySince() == null || seen.healthySince().isBefore(running) ? running : seen.healthySince();
  }

  /**
   * A task with the target config that failed (not killed) after the instance's update began. LOST is
   * not the config's fault (an agent or the scheduler went away; the task is replaced anyway), so unlike
   * Aurora it does not count: a scheduler failover mid-update must not roll the update back.
   */
  private static boolean failedSince(ScheduledTask task, JobConfig target, Instant startedAt) {
    boolean died = task.state() == TaskState.FAILED || task.state() == TaskState.FINISHED && target.service();
    if (!died || !UpdateDiff.sameTask(task.config(), target) || task.events().isEmpty()) {
      return false;
    }
    TaskEvent last = task.events().get(task.events().size() - 1);
    return !last.timestamp().isBefore(startedAt);
  }
}
