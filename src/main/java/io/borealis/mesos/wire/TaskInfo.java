package io.borealis.mesos.wire;

import java.util.List;

/** Mesos {@code TaskInfo}: exactly one of {@code executor} or {@code command} is set. */
public record TaskInfo(
    String name,
    TaskId taskId,
    AgentId agentId,
    List<Resource> resources,
    ExecutorInfo executor,
    CommandInfo command,
    KillPolicy killPolicy,
    byte[] data) {

  public TaskInfo withExecutor(ExecutorInfo newExecutor) {
    return new TaskInfo(name, taskId, agentId, resources, newExecutor, command, killPolicy, data);
  }
}
