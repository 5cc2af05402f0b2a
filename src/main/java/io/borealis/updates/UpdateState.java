package io.borealis.updates;

import io.borealis.model.JobKey;
import io.borealis.model.UpdateConfig;
import java.time.Instant;

/**
 * A running or finished update as the planner sees it: everything needed to decide its next step,
 * nothing about how it is stored or shown.
 *
 * @param backward the rollback pass, or null while the update has not turned back
 * @param lastPulse when a coordinated update was last pulsed (its start counts as one)
 */
public record UpdateState(String id, JobKey job, UpdateStatus status, UpdateConfig settings, UpdatePass forward,
    UpdatePass backward, Instant lastPulse) {

  public static UpdateState start(String id, JobKey job, UpdateConfig settings, java.util.List<InstanceGoal> goals, Instant now) {
    return new UpdateState(id, job, UpdateStatus.ROLLING_FORWARD, settings, UpdatePass.start(goals, BatchStrategy.of(settings)),
        null, now);
  }

  public UpdatePass currentPass() {
    return status.isBackward() && backward != null ? backward : forward;
  }

  UpdateState withStatus(UpdateStatus next) {
    return new UpdateState(id, job, next, settings, forward, backward, lastPulse);
  }

  UpdateState withPass(UpdatePass pass) {
    return status.isBackward() ? new UpdateState(id, job, status, settings, forward, pass, lastPulse)
        : new UpdateState(id, job, status, settings, pass, backward, lastPulse);
  }

  UpdateState rollingBack() {
    return new UpdateState(id, job, UpdateStatus.ROLLING_BACK, settings, forward, forward.reversed(BatchStrategy.of(settings)),
        lastPulse);
  }

  UpdateState pulsed(Instant at) {
    return new UpdateState(id, job, status, settings, forward, backward, at);
  }
}
