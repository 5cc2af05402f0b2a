package io.borealis.state;

import java.time.Duration;

/**
 * Aurora's life-cycle knobs, with its defaults.
 *
 * @param transientTimeout {@code transient_task_state_timeout}: how long a task may sit in ASSIGNED,
 *     STARTING, KILLING, PREEMPTING, RESTARTING or DRAINING before it is considered LOST
 * @param initialKillRetry {@code initial_task_kill_retry_interval}: first wait before a KILL is sent
 *     again; each later wait doubles
 * @param flappingThreshold {@code flapping_task_threshold}: a run shorter than this counts as flapping
 * @param initialFlappingDelay {@code initial_flapping_task_delay}: THROTTLED time after one flap
 * @param maxFlappingDelay {@code max_flapping_task_delay}: the most a task is ever throttled
 */
public record LifecycleSettings(Duration transientTimeout, Duration initialKillRetry, Duration flappingThreshold,
    Duration initialFlappingDelay, Duration maxFlappingDelay) {

  public static final LifecycleSettings AURORA_DEFAULTS = new LifecycleSettings(Duration.ofMinutes(5),
      Duration.ofSeconds(15), Duration.ofMinutes(5), Duration.ofSeconds(30), Duration.ofMinutes(5));
}
