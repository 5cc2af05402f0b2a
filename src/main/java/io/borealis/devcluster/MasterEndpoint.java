package io.borealis.devcluster;

import io.borealis.mesos.wire.AgentId;
import io.borealis.mesos.wire.ExecutorId;
import io.borealis.mesos.wire.FrameworkId;
import io.borealis.mesos.wire.TaskStatus;

/** What an agent tells its master. Implementations hop onto the master's event loop. */
interface MasterEndpoint {
  /** A reliable status update (it carries a uuid); the master forwards it to the framework. */
  void statusUpdate(AgentId agent, FrameworkId framework, TaskStatus status);

  /** An executor process ended; its resources are free and the framework hears a FAILURE. */
  void executorExited(AgentId agent, FrameworkId framework, ExecutorId executor, int exitStatus);
}
