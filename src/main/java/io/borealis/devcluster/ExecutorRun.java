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
  Process process;
  HttpServerResponse stream;
  /** Tasks waiting for the executor to subscribe; Mesos delivers them as LAUNCH after SUBSCRIBED. */
  final List<TaskInfo> queued = new ArrayList<>();
  /** Every task given to this executor that has not ended, queued or handed over. */
  final Map<TaskId, TaskInfo> tasks = new LinkedHashMap<>();
  /** Tasks handed to the executor, by id, with whether they have ended. */
  final Map<TaskId, Boolean> launched = new LinkedHashMap<>();
  long registrationTimer = -1;
  boolean shuttingDown;

  ExecutorRun(FrameworkInfo framework, ExecutorInfo info, ContainerId containerId, Path sandbox) {
    this.framework = framework;
    this.info = info;
    this.containerId = containerId;
    this.sandbox = sandbox;
  }

  boolean subscribed() {
    return stream != null && !stream.closed() && !stream.ended();
  }

  boolean hasLiveTasks() {
    return !queued.isEmpty() || launched.containsValue(Boolean.FALSE);
  }
}
