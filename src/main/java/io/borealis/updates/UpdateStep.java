package io.borealis.updates;

import io.borealis.model.JobConfig;
import java.time.Instant;
import java.util.List;

/**
 * The planner's answer: the update's new state, what to do to tasks (in order), what happened to
 * instances, and when to ask again if nothing changes before.
 *
 * @param reason why the status changed, when it did (null otherwise)
 * @param evaluateAt the next time to step even without a task change; null for only on a change
 */
public record UpdateStep(UpdateState state, List<TaskCommand> commands, List<InstanceEvent> events, String reason,
    Instant evaluateAt) {

  public UpdateStep {
    commands = List.copyOf(commands);
    events = List.copyOf(events);
  }

  /** A change to the job's tasks, applied by the state owner. */
  public sealed interface TaskCommand {
    int instance();
  }

  public record KillTask(int instance, String taskId, String reason) implements TaskCommand {}

  public record AddTask(int instance, JobConfig config) implements TaskCommand {}

  /** Something that happened to one instance, as the update's history records it. */
  public record InstanceEvent(int instance, InstanceAction action, Instant at, String message) {}
}
