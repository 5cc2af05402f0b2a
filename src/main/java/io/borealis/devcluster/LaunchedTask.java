package io.borealis.devcluster;

import io.borealis.mesos.wire.AgentId;
import io.borealis.mesos.wire.FrameworkId;
import io.borealis.mesos.wire.TaskInfo;
import io.borealis.mesos.wire.TaskStatus;

/** A task the master launched: where it runs, what it holds and its latest known status. */
final class LaunchedTask {
  final FrameworkId framework;
  final AgentId agent;
  final TaskInfo info;
  final ResourceBag resources;
  TaskStatus latest;
  /** Its agent is unreachable: frameworks are told TASK_UNREACHABLE (or TASK_LOST) until it returns. */
  boolean unreachable;

  LaunchedTask(FrameworkId framework, AgentId agent, TaskInfo info, ResourceBag resources, TaskStatus latest) {
    this.framework = framework;
    this.agent = agent;
    this.info = info;
    this.resources = resources;
    this.latest = latest;
  }

  boolean isTerminal() {
    return latest.state() != null && latest.state().isTerminal();
  }
}
