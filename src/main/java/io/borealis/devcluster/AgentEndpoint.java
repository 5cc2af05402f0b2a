package io.borealis.devcluster;

import io.borealis.mesos.wire.AgentInfo;
import io.borealis.mesos.wire.TaskStatus;
import io.vertx.core.Future;
import java.util.Map;
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

  /** Whether the agent still runs (answers the master's pings); false once it has stopped. Any thread. */
  default boolean alive() {
    return true;
  }

  /** The tasks it runs and their latest status, as an agent re-registering tells its master. */
  Future<Map<TaskId, TaskStatus>> runningTasks();
}
