package io.borealis.storage;

import io.borealis.model.JobConfig;
import io.borealis.model.JobKey;
import io.borealis.model.MaintenanceMode;
import io.borealis.model.Resources;
import io.borealis.model.ScheduledTask;
import io.borealis.updates.UpdateRecord;
import java.time.Instant;

/**
 * One durable change to the scheduler's state. Replaying the mutations of a journal, in order, onto
 * an empty {@link StoredState} rebuilds what the scheduler held; each mutation says "this is now the
 * value", so replaying one twice does no harm.
 */
public sealed interface Mutation {

  /** The key that a later mutation of the same thing supersedes (used to coalesce a batch). */
  String subject();

  record SaveJob(JobConfig config) implements Mutation {
    @Override
    public String subject() {
      return "job:" + config.key();
    }
  }

  record RemoveJob(JobKey key) implements Mutation {
    @Override
    public String subject() {
      return "job:" + key;
    }
  }

  record SaveTask(ScheduledTask task) implements Mutation {
    @Override
    public String subject() {
      return "task:" + task.taskId();
    }
  }

  record RemoveTask(String taskId) implements Mutation {
    @Override
    public String subject() {
      return "task:" + taskId;
    }
  }

  /** When a THROTTLED task may become PENDING; null clears it. */
  record SaveThrottle(String taskId, Instant until) implements Mutation {
    @Override
    public String subject() {
      return "throttle:" + taskId;
    }
  }

  /** The id Mesos gave this framework, so a restarted scheduler re-subscribes as the same framework. */
  record SaveFrameworkId(String frameworkId) implements Mutation {
    @Override
    public String subject() {
      return "framework";
    }
  }

  /** The highest event id handed out, so event ids keep rising across restarts (SSE resumes by id). */
  record SaveEventId(long lastEventId) implements Mutation {
    @Override
    public String subject() {
      return "event-id";
    }
  }

  /** An update's whole record, as it now stands. */
  record SaveUpdate(UpdateRecord update) implements Mutation {
    @Override
    public String subject() {
      return "update:" + update.id();
    }
  }

  /** An old finished update, pruned from the history. */
  record RemoveUpdate(String updateId) implements Mutation {
    @Override
    public String subject() {
      return "update:" + updateId;
    }
  }

  /** A role's production quota; resources of zero remove it (Aurora: no quota is a quota of nothing). */
  record SaveQuota(String role, Resources quota) implements Mutation {
    @Override
    public String subject() {
      return "quota:" + role;
    }
  }

  /** A host's maintenance mode; NONE removes the entry. */
  record SaveHostMaintenance(String host, MaintenanceMode mode) implements Mutation {
    @Override
    public String subject() {
      return "host:" + host;
    }
  }
}
