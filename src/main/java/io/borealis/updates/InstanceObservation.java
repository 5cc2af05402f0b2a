package io.borealis.updates;

import io.borealis.model.ScheduledTask;
import java.time.Instant;
import java.util.List;

/**
 * What one instance's tasks are doing, as the update verticle sees it.
 *
 * @param active the instance's task that has not ended, or null
 * @param healthy the active task's health, or null when its job has no health check
 * @param healthySince when the active task last became healthy (null unless {@code healthy})
 * @param ended the instance's tasks that have ended, most recent last
 */
public record InstanceObservation(ScheduledTask active, Boolean healthy, Instant healthySince, List<ScheduledTask> ended) {
  public static final InstanceObservation NOTHING = new InstanceObservation(null, null, null, List.of());

  public InstanceObservation {
    ended = List.copyOf(ended);
  }
}
