package io.borealis.events;

import io.borealis.model.JobKey;
import io.borealis.model.TaskState;
import io.borealis.updates.UpdateStatus;
import io.borealis.updates.UpdateStep;
import java.time.Instant;
import java.util.List;

/** Something that changed in the cluster, in the order the state owner applied it. */
public sealed interface ClusterEvent {
  /** Monotonically increasing; SSE clients resume from it with Last-Event-ID. */
  long id();

  Instant timestamp();

  JobKey job();

  /** The SSE event name. */
  String type();

  /** A task entered a new state. */
  record TaskStateChanged(long id, Instant timestamp, JobKey job, String taskId, int instance,
      TaskState previous, TaskState state, String host, String message) implements ClusterEvent {
    @Override
    public String type() {
      return "task";
    }
  }

  /** The executor's health checks found a task healthy or unhealthy. */
  record TaskHealthChanged(long id, Instant timestamp, JobKey job, String taskId, int instance, boolean healthy,
      String message) implements ClusterEvent {
    @Override
    public String type() {
      return "health";
    }
  }

  /** A job was created or its last task ended. */
  record JobChanged(long id, Instant timestamp, JobKey job, String change, String message) implements ClusterEvent {
    @Override
    public String type() {
      return "job";
    }
  }

  /**
   * An update moved: entered a status, or some of its instances started, finished or failed.
   *
   * @param status the update's status after the change
   * @param message why the status changed (null if it did not)
   */
  record UpdateChanged(long id, Instant timestamp, JobKey job, String updateId, UpdateStatus status, String message,
      List<UpdateStep.InstanceEvent> instanceEvents) implements ClusterEvent {
    public UpdateChanged {
      instanceEvents = List.copyOf(instanceEvents);
    }

    @Override
    public String type() {
      return "update";
    }
  }
}
