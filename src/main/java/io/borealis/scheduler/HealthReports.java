package io.borealis.scheduler;

import java.util.HashMap;
import java.util.Map;

/**
 * The two opinions of a running task's health: its executor's checks (reported with status updates)
 * and the scheduler's own probes (the health-check verticle). A task is unhealthy when either says so,
 * healthy when the scheduler's probes say so (or, before they have, when its executor does).
 */
final class HealthReports {
  private final Map<String, Boolean> executor = new HashMap<>();
  private final Map<String, Boolean> scheduler = new HashMap<>();

  /** Records one source's verdict; returns whether the combined verdict changed. */
  boolean report(String taskId, boolean fromScheduler, boolean healthy) {
    Boolean before = get(taskId);
    (fromScheduler ? scheduler : executor).put(taskId, healthy);
    Boolean after = get(taskId);
    return !after.equals(before);
  }

  /** The combined verdict, or null while neither source has one. */
  Boolean get(String taskId) {
    Boolean byExecutor = executor.get(taskId);
    Boolean byScheduler = scheduler.get(taskId);
    if (Boolean.FALSE.equals(byExecutor) || Boolean.FALSE.equals(byScheduler)) {
      return Boolean.FALSE;
    }
    return byScheduler != null ? byScheduler : byExecutor;
  }

  /** The task stopped running: its health means nothing any more. */
  void forget(String taskId) {
    executor.remove(taskId);
    scheduler.remove(taskId);
  }
}
