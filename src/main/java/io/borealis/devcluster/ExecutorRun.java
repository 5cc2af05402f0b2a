package io.borealis.devcluster;

import io.borealis.mesos.wire.ContainerId;
import io.borealis.mesos.wire.ExecutorInfo;
import io.borealis.mesos.wire.FrameworkInfo;
import io.borealis.mesos.wire.TaskId;
import io.borealis.mesos.wire.TaskInfo;
import io.vertx.core.http.HttpServerResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One executor process on an agent: its sandbox, its subscription stream and the tasks given to it. */
final class ExecutorRun {
  final FrameworkInfo framework;
  final ExecutorInfo info;
  final ContainerId containerId;
  final Path sandbox;
  /** Null until started (or recovered after an agent restart, when there is no {@link Process} to wait on). */
  ProcessHandle handle;
  /** When the process started (epoch ms, as the OS says), -1 if unknown: tells it from a later process with its pid. */
  long startedAtMillis = -1;
  HttpServerResponse stream;
  /** Tasks waiting for the executor to subscribe; Mesos delivers them as LAUNCH after SUBSCRIBED. */
  final List<TaskInfo> queued = new ArrayList<>();
  /** Every task given to this executor that has not ended, queued or handed over. */
  final Map<TaskId, TaskInfo> tasks = new LinkedHashMap<>();
  /** Tasks handed to the executor, by id, with whether they have ended. */
  final Map<TaskId, Boolean> launched = new LinkedHashMap<>();
  long registrationTimer = -1;
  boolean shuttingDown;
  /** The agent restarted after this run was started: what is known of it now is only what was recovered. */
  boolean forgotten;

  ExecutorRun(FrameworkInfo framework, ExecutorInfo info, ContainerId containerId, Path sandbox) {
    this.framework = framework;
    this.info = info;
    this.containerId = containerId;
    this.sandbox = sandbox;
  }

  /** The framework checkpoints: the executor survives an agent restart, and the agent writes down how to find it. */
  boolean checkpointed() {
    return Boolean.TRUE.equals(framework.checkpoint());
  }

  boolean subscribed() {
    return stream != null && !stream.closed() && !stream.ended();
  }

  boolean hasLiveTasks() {
    return !queued.isEmpty() || launched.containsValue(Boolean.FALSE);
  }
}
