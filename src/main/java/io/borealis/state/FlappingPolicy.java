package io.borealis.state;

import io.borealis.model.ScheduledTask;
import io.borealis.model.TaskEvent;
import io.borealis.model.TaskState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Aurora's throttling of flapping tasks: a replacement for a run that ended within the flapping
 * threshold (and was not stopped on purpose) waits in THROTTLED before it is PENDING again. Each
 * further flapping ancestor doubles the wait: 30 s, 1 m, 2 m, 4 m, then the 5 m cap. (Aurora adds
 * random jitter to each step; Borealis keeps the steps exact so that they can be tested.)
 */
public final class FlappingPolicy {
  private FlappingPolicy() {}

  /**
   * How long the replacement of {@code ancestry.get(0)} stays THROTTLED.
   *
   * @param ancestry the run that just ended, then its ancestor, and so on (newest first)
   */
  public static Duration penalty(List<ScheduledTask> ancestry, LifecycleSettings settings) {
    int flaps = 0;
    for (ScheduledTask run : ancestry) {
      if (!flapped(run, settings)) {
        break;
      }
      flaps++;
    }
    if (flaps == 0) {
      return Duration.ZERO;
    }
    Duration penalty = settings.initialFlappingDelay();
    for (int i = 1; i < flaps && penalty.compareTo(settings.maxFlappingDelay()) < 0; i++) {
      penalty = penalty.multipliedBy(2);
    }
    return penalty.compareTo(settings.maxFlappingDelay()) > 0 ? settings.maxFlappingDelay() : penalty;
  }

  /**
   * A run flapped if it ended within the threshold of becoming RUNNING, without being stopped on
   * purpose. A run that never got to RUNNING (lost with its agent, timed out while ASSIGNED) did not
   * flap: its replacement should be placed at once, elsewhere if need be.
   */
  static boolean flapped(ScheduledTask run, LifecycleSettings settings) {
    if (!run.state().isTerminal() || run.wasEver(TaskState.KILLING) || run.wasEver(TaskState.RESTARTING)
        || run.wasEver(TaskState.DRAINING) || run.wasEver(TaskState.PREEMPTING)) {
      return false;
    }
    Instant running = run.events().stream().filter(e -> e.state() == TaskState.RUNNING).map(TaskEvent::timestamp)
        .findFirst().orElse(null);
    return running != null && Duration.between(running, run.since()).compareTo(settings.flappingThreshold()) < 0;
  }
}
