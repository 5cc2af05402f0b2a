package io.borealis.devcluster;

import io.borealis.mesos.wire.AgentInfo;
import io.borealis.mesos.wire.FrameworkId;
import io.borealis.mesos.wire.FrameworkInfo;
import io.borealis.mesos.wire.TaskId;
import io.borealis.mesos.wire.TaskInfo;
import io.borealis.mesos.wire.Url;

/** What a master asks of an agent. Implementations hop onto the agent's event loop. */
interface AgentEndpoint {
  AgentInfo info();

  /** Where the agent serves HTTP ({@code /files/read}); null for agents that serve nothing (simulated ones). */
  default Url url() {
    return null;
  }

  /** Run the task with its (custom) executor, starting the executor if it is not running yet. */
  void launch(FrameworkInfo framework, TaskInfo task);

  void kill(FrameworkId framework, TaskId task);

  /** The framework acknowledged this update: the agent may forward the task's next one. */
  void acknowledge(FrameworkId framework, TaskId task, byte[] uuid);

  /** The framework is gone: kill its executors. */
  void shutdownFramework(FrameworkId framework);
}
