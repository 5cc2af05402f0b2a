package io.borealis.mesos.wire;

/** {@code mesos.v1.executor.Event}: one RecordIO record of the executor's subscription stream. */
public record ExecutorEvent(
    Type type,
    Subscribed subscribed,
    Launch launch,
    Kill kill,
    Acknowledged acknowledged,
    Message message,
    Error error) {

  public enum Type { SUBSCRIBED, LAUNCH, LAUNCH_GROUP, KILL, ACKNOWLEDGED, MESSAGE, ERROR, SHUTDOWN, HEARTBEAT }

  public record Subscribed(ExecutorInfo executorInfo, FrameworkInfo frameworkInfo, AgentInfo agentInfo, ContainerId containerId) {}

  public record Launch(TaskInfo task) {}

  public record Kill(TaskId taskId, KillPolicy killPolicy) {}

  public record Acknowledged(TaskId taskId, byte[] uuid) {}

  public record Message(byte[] data) {}

  public record Error(String message) {}

  public static ExecutorEvent subscribed(ExecutorInfo executor, FrameworkInfo framework, AgentInfo agent, ContainerId container) {
    return new ExecutorEvent(Type.SUBSCRIBED, new Subscribed(executor, framework, agent, container), null, null, null, null, null);
  }

  public static ExecutorEvent launch(TaskInfo task) {
    return new ExecutorEvent(Type.LAUNCH, null, new Launch(task), null, null, null, null);
  }

  public static ExecutorEvent kill(TaskId task, KillPolicy policy) {
    return new ExecutorEvent(Type.KILL, null, null, new Kill(task, policy), null, null, null);
  }

  public static ExecutorEvent acknowledged(TaskId task, byte[] uuid) {
    return new ExecutorEvent(Type.ACKNOWLEDGED, null, null, null, new Acknowledged(task, uuid), null, null);
  }

  public static ExecutorEvent shutdown() {
    return new ExecutorEvent(Type.SHUTDOWN, null, null, null, null, null, null);
  }
}
