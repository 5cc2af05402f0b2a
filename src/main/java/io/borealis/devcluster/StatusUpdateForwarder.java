package io.borealis.devcluster;

import io.borealis.mesos.wire.AgentId;
import io.borealis.mesos.wire.FrameworkId;
import io.borealis.mesos.wire.TaskId;
import io.borealis.mesos.wire.TaskStatus;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * An agent's task status updates on their way to the master, as a Mesos agent sends them: per task
 * one {@link StatusUpdateStream}, its oldest update in flight and re-sent every {@code retry} until
 * the framework acknowledges it, the next one only then. Used on the owning agent's event loop.
 */
final class StatusUpdateForwarder {
  private final Vertx vertx;
  private final MasterEndpoint master;
  private final Duration retry;
  private final Map<TaskId, StatusUpdateStream> streams = new HashMap<>();
  private final Map<TaskId, FrameworkId> frameworks = new HashMap<>();
  /** While the agent is down (restarting) nothing reaches the master; retries resume when it is back. */
  private boolean paused;

  StatusUpdateForwarder(Vertx vertx, MasterEndpoint master, Duration retry) {
    this.vertx = vertx;
    this.master = master;
    this.retry = retry;
  }

  /**
   * Queues an update of a task on {@code agent}; sends it at once if nothing of that task is in flight.
   *
   * @return false if the update was received before (same uuid) and is ignored, as Mesos ignores it
   */
  boolean send(AgentId agent, FrameworkId framework, TaskStatus status) {
    StatusUpdateStream stream = streams.computeIfAbsent(status.taskId(), t -> new StatusUpdateStream());
    if (stream.isDuplicate(status)) {
      return false;
    }
    frameworks.put(status.taskId(), framework);
    if (stream.add(status)) {
      forward(agent, framework, status);
    }
    return true;
  }

  /** The agent stops: updates wait, and their retries keep waiting, until {@link #resume}. */
  void pause() {
    paused = true;
  }

  /** The agent is back: every update in flight goes out now rather than at its next retry. */
  void resume(AgentId agent) {
    paused = false;
    streams.forEach((task, stream) -> {
      FrameworkId framework = frameworks.get(task);
      if (stream.inFlight() != null && framework != null) {
        master.statusUpdate(agent, framework, stream.inFlight());
      }
    });
  }

  /** Drops a task's updates: its framework does not checkpoint, and the agent restarted. */
  void forget(TaskId task) {
    streams.remove(task);
    frameworks.remove(task);
  }

  /**
   * Handles the framework's acknowledgement and sends the task's next update, if any.
   *
   * @return true when the task's terminal update has now been acknowledged: nothing more will come
   */
  boolean acknowledge(AgentId agent, FrameworkId framework, TaskId task, byte[] uuid) {
    StatusUpdateStream stream = streams.get(task);
    if (stream == null || !stream.acknowledge(uuid)) {
      return false;
    }
    if (stream.isFinished()) {
      forget(task);
      return true;
    }
    if (stream.inFlight() != null) {
      forward(agent, framework, stream.inFlight());
    }
    return false;
  }

  private void forward(AgentId agent, FrameworkId framework, TaskStatus status) {
    if (!paused) {
      master.statusUpdate(agent, framework, status);
    }
    vertx.setTimer(retry.toMillis(), id -> {
      StatusUpdateStream stream = streams.get(status.taskId());
      if (stream != null && stream.inFlight() == status) {
        forward(agent, framework, status);
      }
    });
  }
}
