package io.borealis.storage;

import io.borealis.model.JobConfig;
import io.borealis.model.JobKey;
import io.borealis.model.MaintenanceMode;
import io.borealis.model.Resources;
import io.borealis.model.ScheduledTask;
import io.borealis.updates.UpdateRecord;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Everything the scheduler keeps across restarts, as plain values: what a snapshot holds and what
 * replaying a journal builds. Not thread-safe; built by one thread, then handed over.
 */
public final class StoredState {
  private final Map<JobKey, JobConfig> jobs = new LinkedHashMap<>();
  private final Map<String, ScheduledTask> tasks = new LinkedHashMap<>();
  private final Map<String, Instant> throttles = new LinkedHashMap<>();
  private final Map<String, UpdateRecord> updates = new LinkedHashMap<>();
  private final Map<String, Resources> quotas = new LinkedHashMap<>();
  private final Map<String, MaintenanceMode> maintenance = new LinkedHashMap<>();
  private String frameworkId;
  private long lastEventId;

  public static StoredState empty() {
    return new StoredState();
  }

  public void apply(Mutation mutation) {
    if (mutation instanceof Mutation.SaveJob m) {
      jobs.put(m.config().key(), m.config());
    } else if (mutation instanceof Mutation.RemoveJob m) {
      jobs.remove(m.key());
    } else if (mutation instanceof Mutation.SaveTask m) {
      tasks.put(m.task().taskId(), m.task());
    } else if (mutation instanceof Mutation.RemoveTask m) {
      tasks.remove(m.taskId());
      throttles.remove(m.taskId());
    } else if (mutation instanceof Mutation.SaveThrottle m) {
      if (m.until() == null) {
        throttles.remove(m.taskId());
      } else {
        throttles.put(m.taskId(), m.until());
      }
    } else if (mutation instanceof Mutation.SaveUpdate m) {
      updates.put(m.update().id(), m.update());
    } else if (mutation instanceof Mutation.RemoveUpdate m) {
      updates.remove(m.updateId());
    } else if (mutation instanceof Mutation.SaveQuota m) {
      quotas.put(m.role(), m.quota());
    } else if (mutation instanceof Mutation.SaveHostMaintenance m) {
      if (m.mode() == MaintenanceMode.NONE) {
        maintenance.remove(m.host());
      } else {
        maintenance.put(m.host(), m.mode());
      }
    } else if (mutation instanceof Mutation.SaveFrameworkId m) {
      frameworkId = m.frameworkId();
    } else if (mutation instanceof Mutation.SaveEventId m) {
      lastEventId = Math.max(lastEventId, m.lastEventId());
    }
  }

  public Map<JobKey, JobConfig> jobs() {
    return jobs;
  }

  public Map<String, ScheduledTask> tasks() {
    return tasks;
  }

  public Map<String, Instant> throttles() {
    return throttles;
  }

  public Map<String, UpdateRecord> updates() {
    return updates;
  }

  public Map<String, Resources> quotas() {
    return quotas;
  }

  /** Hosts in maintenance, by hostname; hosts not listed are in NONE. */
  public Map<String, MaintenanceMode> maintenance() {
    return maintenance;
  }

  public String frameworkId() {
    return frameworkId;
  }

  public long lastEventId() {
    return lastEventId;
  }

  public boolean isEmpty() {
    return jobs.isEmpty() && tasks.isEmpty() && updates.isEmpty() && frameworkId == null;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof StoredState that && jobs.equals(that.jobs) && tasks.equals(that.tasks)
        && throttles.equals(that.throttles) && updates.equals(that.updates) && quotas.equals(that.quotas)
        && maintenance.equals(that.maintenance) && java.util.Objects.equals(frameworkId, that.frameworkId)
        && lastEventId == that.lastEventId;
  }

  @Override
  public int hashCode() {
    return java.util.Objects.hash(jobs, tasks, throttles, updates, quotas, maintenance, frameworkId, lastEventId);
  }

  @Override
  public String toString() {
    return "StoredState[" + jobs.size() + " jobs, " + tasks.size() + " tasks, framework " + frameworkId
        + ", last event " + lastEventId + "]";
  }
}
