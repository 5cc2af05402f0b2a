package io.borealis.scheduler;

import io.borealis.model.JobConfig;
import io.borealis.model.JobKey;
import io.borealis.model.ScheduledTask;
import io.borealis.model.TaskState;
import io.borealis.updates.UpdateRecord;
import io.borealis.updates.UpdateStep;
import java.util.List;

/**
 * What the state verticle does on behalf of the operations it delegates requests to: every task change
 * goes through its one {@code transition} (state machine, event, effects), and events get their ids
 * from it, so delegating a request never bypasses the rules.
 */
interface StateActions {
  void transition(ScheduledTask task, TaskState to, String message);

  /** A new PENDING task of {@code config} for {@code instance}. */
  void add(JobConfig config, int instance, String reason);

  void jobChanged(JobKey key, String change, String message);

  void updateChanged(UpdateRecord update, String message, List<UpdateStep.InstanceEvent> events);
}
