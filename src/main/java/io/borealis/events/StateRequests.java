package io.borealis.events;

import io.borealis.model.InstanceRanges;
import io.borealis.model.JobConfig;
import io.borealis.model.JobKey;
import io.borealis.model.MaintenanceMode;
import io.borealis.model.Resources;
import io.borealis.model.ScheduledTask;
import io.borealis.model.TaskState;
import io.borealis.updates.UpdateCommand;
import io.borealis.updates.UpdateRecord;
import io.borealis.updates.UpdateStep;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The requests the state verticle answers on {@link BusAddresses#STATE}, each with the reply it
 * gives. Failures come back as a reply failure whose code is an HTTP status (404 unknown, 409
 * conflict, 400 invalid) and whose message is meant for people.
 */
public final class StateRequests {
  private StateRequests() {}

  /** Marker for everything sent to the state verticle. */
  public sealed interface Request {}

  /** Reply: {@link JobCreated}. */
  public record CreateJob(JobConfig config) implements Request {}

  public record JobCreated(JobKey key, int pendingTasks) {}

  /** Kill some instances ({@code instances} set) or all active tasks of a job. Reply: {@link KillStarted}. */
  public record KillTasks(JobKey key, InstanceRanges instances, String reason) implements Request {}

  public record KillStarted(List<String> taskIds) {}

  /**
   * Restart some instances ({@code instances} set) or all: each running task is killed through
   * RESTARTING and replaced by an identical one. Reply: {@link KillStarted} with the tasks restarting.
   */
  public record RestartTasks(JobKey key, InstanceRanges instances) implements Request {}

  /**
   * Aurora's {@code addInstances}: {@code count} new instances numbered after the highest active one,
   * each running the config of instance {@code fromInstance}'s active task. Reply: {@link InstancesAdded};
   * 404 when the job or that instance has no active task, 400 when the count is out of range.
   */
  public record AddInstances(JobKey key, int fromInstance, int count) implements Request {}

  public record InstancesAdded(List<Integer> instances, List<String> taskIds) {}

  /** Reply: {@link JobView}, or 404. */
  public record GetJob(JobKey key) implements Request {}

  /**
   * @param pendingReasons why each pending task waits (task id → reason)
   * @param health the last health the executor reported, for tasks that have health checks
   */
  public record JobView(JobConfig config, List<ScheduledTask> tasks, Map<String, String> pendingReasons,
      Map<String, Boolean> health) {}

  /** Reply: a list of {@link JobSummary}; null filters match everything. */
  public record ListJobs(String role, String environment) implements Request {}

  public record JobSummary(JobConfig config, Map<TaskState, Integer> taskCounts) {}

  /** Reply: the matching tasks, newest instance state first by job and instance. Null filters match all. */
  public record QueryTasks(String role, String environment, String jobName, TaskState state, Integer instance)
      implements Request {}

  public record TaskList(List<ScheduledTask> tasks) {}

  /** Reply: the {@link ScheduledTask}, or 404. */
  public record GetTask(String taskId) implements Request {}

  /** From the Mesos client, to reconcile: every task that may be running on an agent. Reply: {@link TaskList}. */
  public record GetTasksOnAgents() implements Request {}

  /** From placement: tasks waiting for a host. Reply: {@link PendingWork}. */
  public record GetPendingTasks() implements Request {}

  /**
   * The tasks waiting for a host, for each of their jobs the agents its active tasks are on (one
   * entry per task), which limit constraints count, and the hosts in maintenance by hostname.
   */
  public record PendingWork(List<ScheduledTask> pending, Map<JobKey, List<String>> agentsOfActiveTasks,
      Map<String, MaintenanceMode> hostsInMaintenance) {}

  /**
   * From placement: put these pending tasks on these hosts. Reply: {@link TaskList} of the tasks now
   * ASSIGNED (a task that stopped being PENDING meanwhile is left out).
   */
  public record PlaceTasks(List<Placement> placements, Map<String, String> stillPendingReasons) implements Request {}

  public record Placement(String taskId, String agentId, String host, Map<String, Integer> ports) {}

  /**
   * Check every task against the clock now (timeouts, kill retries, end of throttling); the state
   * verticle also does this on its own timer. Reply: none.
   */
  public record Sweep() implements Request {}

  /** From the Mesos client: a task's state as Mesos reports it, already mapped to Borealis states. Reply: none. */
  public record StatusUpdate(String taskId, String agentId, TaskState state, String message, Instant timestamp,
      Boolean healthy) implements Request {}

  /**
   * Status updates that arrived together, applied in order and stored as one batch: at thousands of
   * updates a second, one request (and one commit) each was most of the state verticle's work.
   * Reply: none, once all are stored.
   */
  public record StatusUpdates(List<StatusUpdate> updates) implements Request {}

  /**
   * From the Mesos client: the framework id Mesos assigned at SUBSCRIBED. Reply (once durable): none;
   * a restarted scheduler then re-subscribes as the same framework and keeps its tasks.
   */
  public record RecordFrameworkId(String frameworkId) implements Request {}

  /** The framework id stored from an earlier run, or null. Reply: {@link StoredFrameworkId}. */
  public record GetFrameworkId() implements Request {}

  public record StoredFrameworkId(String frameworkId) {}

  /** A consistent copy of everything stored, for {@code borealis admin backup}. Reply: {@link Backup}. */
  public record GetBackup() implements Request {}

  /** A snapshot file's bytes, restorable with {@code borealis admin restore}. */
  public record Backup(byte[] snapshot, int jobs, int tasks) {}

  /** Is the state owner up and able to store changes? Reply: none; fails with the reason when not. */
  public record CheckHealth() implements Request {}

  /**
   * The id of the newest {@link ClusterEvent}. Reply: a {@code Long}, sent only after every event up to
   * that id was published, so the event stream can tell a client that is up to date from one that
   * missed events published before the stream started (or one whose id this scheduler never issued).
   */
  public record GetLastEventId() implements Request {}

  /**
   * Start rolling {@code desired} out to the job (only to {@code scope}'s instances when not null).
   * Reply: the new {@link UpdateRecord}. Fails 404 (no such job), 409 (an update is active: its id
   * is in the message) or 400 (nothing would change, or the settings cannot work).
   */
  public record StartUpdate(JobConfig desired, InstanceRanges scope, String user) implements Request {}

  /** A user's command to an update. Reply: the changed {@link UpdateRecord}; 404 or 409 when it does not apply. */
  public record CommandUpdate(String updateId, UpdateCommand command) implements Request {}

  /**
   * The update verticle's next step, planned on {@code version} of the update. Reply: the changed
   * {@link UpdateRecord}; fails 409 if the update changed since (the planner then looks again).
   */
  public record ApplyUpdateStep(String updateId, long version, UpdateStep step) implements Request {}

  /** Reply: the {@link UpdateRecord}; 404 if unknown. */
  public record GetUpdate(String updateId) implements Request {}

  /** Reply: a list of {@link UpdateRecord}s, oldest first; null filters match everything. */
  public record ListUpdates(String role, String environment, String name, Boolean active) implements Request {}

  /** The scheduler's own health probes of a RUNNING task reached a verdict. Reply: none. */
  public record ObservedHealth(String taskId, boolean healthy, String message) implements Request {}

  /**
   * From placement: stop these tasks so that the pending task {@code preemptorTaskId} fits on their
   * host. Each victim still running there goes PREEMPTING, with the preemptor named in its history.
   * Reply: {@link TaskList} of the tasks now PREEMPTING.
   */
  public record PreemptTasks(String preemptorTaskId, List<String> victimIds) implements Request {}

  /** Puts hosts into DRAINING: no new tasks, their tasks moved away. Reply: List of {@link HostStatus}. */
  public record DrainHosts(List<String> hosts) implements Request {}

  /** Takes hosts out of maintenance. Reply: List of {@link HostStatus}. */
  public record ActivateHosts(List<String> hosts) implements Request {}

  /** Reply: List of {@link HostStatus} for these hosts, or for every host in maintenance when empty. */
  public record GetHostStatus(List<String> hosts) implements Request {}

  /** A host's maintenance mode and how many active tasks it still runs. */
  public record HostStatus(String host, MaintenanceMode mode, int activeTasks) {}

  /** Sets a role's production quota. Reply: {@link QuotaView}. */
  public record SetQuota(String role, Resources quota) implements Request {}

  /** Reply: {@link QuotaView}. */
  public record GetQuota(String role) implements Request {}

  /** A role's quota and what its production tasks use of it. */
  public record QuotaView(String role, Resources quota, Resources used) {}
}
