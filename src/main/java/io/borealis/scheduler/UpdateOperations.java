package io.borealis.scheduler;

import io.borealis.events.StateRequests.ApplyUpdateStep;
import io.borealis.events.StateRequests.CommandUpdate;
import io.borealis.events.StateRequests.ListUpdates;
import io.borealis.events.StateRequests.StartUpdate;
import io.borealis.model.JobConfig;
import io.borealis.model.JobKey;
import io.borealis.model.ScheduledTask;
import io.borealis.model.TaskState;
import io.borealis.state.QuotaCheck;
import io.borealis.updates.InstanceGoal;
import io.borealis.updates.UpdateDiff;
import io.borealis.updates.UpdatePlanner;
import io.borealis.updates.UpdateRecord;
import io.borealis.updates.UpdateState;
import io.borealis.updates.UpdateStatus;
import io.borealis.updates.UpdateStep;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The state owner's side of updates: starting one (one per job), users' commands, and applying the
 * update verticle's steps to the tasks, all against the store so that an update's record and the task
 * changes it caused become durable in the same batch. What to do next is the planner's business.
 */
final class UpdateOperations {
  private final TaskStore store;
  private final StateActions actions;

  UpdateOperations(TaskStore store, StateActions actions) {
    this.store = store;
    this.actions = actions;
  }

  Outcome start(StartUpdate request, Instant now) {
    JobConfig desired = request.desired();
    JobKey key = desired.key();
    JobConfig current = store.job(key);
    if (current == null) {
      return Outcome.refused(404, "no job " + key + "; create it first");
    }
    UpdateRecord active = store.activeUpdateOf(key);
    if (active != null) {
      return Outcome.refused(409, "job " + key + " already has an active update " + active.id() + " (" + active.status()
          + "); pause, abort or wait for it first");
    }
    Map<Integer, JobConfig> running = new TreeMap<>();
    store.activeTasksOf(key).forEach(task -> running.put(task.instance(), task.config()));
    Set<Integer> scope = request.scope() == null ? null : request.scope().ids();
    List<InstanceGoal> goals = UpdateDiff.between(running, desired, scope);
    if (goals.isEmpty()) {
      return Outcome.refused(400, "job " + key + " is unchanged: every instance" + (scope == null ? "" : " in " + request.scope())
          + " already runs this config");
    }
    if (desired.preferred()) {
      String overQuota = QuotaCheck.refusal(key.role(), store.quota(key.role()), store.productionUse(key.role(), key),
          QuotaCheck.times(desired.task().resources(), desired.instances()));
      if (overQuota != null) {
        return Outcome.refused(400, overQuota);
      }
    }
    if (desired.update().maxTotalFailures() >= goals.size()) {
      return Outcome.refused(400, "max_total_failures (" + desired.update().maxTotalFailures() + ") must be smaller than the "
          + goals.size() + " instance(s) this update changes, or it could never fail");
    }
    UpdateState state;
    try {
      state = UpdateState.start(UUID.randomUUID().toString(), key, desired.update(), goals, now);
    } catch (IllegalArgumentException badSettings) {
      return Outcome.refused(400, "update_config: " + badSettings.getMessage());
    }
    UpdateRecord update = UpdateRecord.start(state, current, desired, now, "Started by " + request.user() + ": "
        + goals.size() + " instance(s) to change");
    // While it runs, the job spans both instance counts, so instances of either keep being rescheduled.
    store.saveJob((scope == null ? desired : current).withInstances(Math.max(current.instances(), desired.instances())));
    store.saveUpdate(update);
    actions.updateChanged(update, update.statusEvents().get(0).message(), List.of());
    return Outcome.ok(update);
  }

  Outcome command(CommandUpdate request, Instant now) {
    UpdateRecord update = store.update(request.updateId());
    if (update == null) {
      return Outcome.refused(404, "no update " + request.updateId());
    }
    Optional<UpdateState> next = UpdatePlanner.command(update.state(), request.command(), now);
    if (next.isEmpty()) {
      return Outcome.refused(409, "cannot " + request.command().name().toLowerCase() + " update " + update.id() + ": it is "
          + update.status());
    }
    String message = request.command().name().toLowerCase() + " requested by user";
    return Outcome.ok(save(update, update.advanced(next.get(), List.of(), message, now), message, List.of()));
  }

  Outcome apply(ApplyUpdateStep request, Instant now) {
    UpdateRecord update = store.update(request.updateId());
    if (update == null) {
      return Outcome.refused(404, "no update " + request.updateId());
    }
    if (update.version() != request.version()) {
      return Outcome.refused(409, "update " + update.id() + " changed since this step was planned");
    }
    UpdateStep step = request.step();
    for (UpdateStep.TaskCommand command : step.commands()) {
      if (command instanceof UpdateStep.KillTask kill) {
        ScheduledTask task = store.task(kill.taskId());
        if (task != null && !task.state().isTerminal() && task.state() != TaskState.KILLING) {
          actions.transition(task, TaskState.KILLING, kill.reason());
        }
      } else if (command instanceof UpdateStep.AddTask add) {
        boolean hasTask = store.activeTasksOf(update.state().job()).stream().anyMatch(t -> t.instance() == add.instance());
        if (!hasTask) {
          actions.add(add.config(), add.instance(), "Added by update " + update.id());
        }
      }
    }
    return Outcome.ok(save(update, update.advanced(step.state(), step.events(), step.reason(), now), step.reason(), step.events()));
  }

  List<UpdateRecord> list(ListUpdates query) {
    return store.updates().filter(u -> matches(u.state().job(), query))
        .filter(u -> query.active() == null || u.status().isActive() == query.active()).toList();
  }

  private static boolean matches(JobKey key, ListUpdates query) {
    return (query.role() == null || query.role().equals(key.role()))
        && (query.environment() == null || query.environment().equals(key.environment()))
        && (query.name() == null || query.name().equals(key.name()));
  }

  private UpdateRecord save(UpdateRecord before, UpdateRecord after, String message, List<UpdateStep.InstanceEvent> events) {
    if (after.status().isTerminal() && !before.status().isTerminal()) {
      settleJobConfig(after);
    }
    store.saveUpdate(after);
    if (after.status() != before.status() || !events.isEmpty()) {
      actions.updateChanged(after, after.status() != before.status() ? message : null, events);
    }
    return after;
  }

  /**
   * The job's own config once the update is over: the new one when every instance runs it, the old
   * one after a rollback, and otherwise (a canary, an abort) the old one spanning both counts.
   */
  private void settleJobConfig(UpdateRecord update) {
    JobKey key = update.state().job();
    JobConfig desired = update.desired();
    boolean allNew = store.activeTasksOf(key).stream().allMatch(t -> UpdateDiff.sameTask(t.config(), desired))
        && store.activeTasksOf(key).size() == desired.instances();
    if (update.status() == UpdateStatus.ROLLED_FORWARD && allNew) {
      store.saveJob(desired);
    } else if (update.status() == UpdateStatus.ROLLED_BACK) {
      store.saveJob(update.previous());
    } else {
      store.saveJob(update.previous().withInstances(Math.max(update.previous().instances(), desired.instances())));
    }
  }
}
