package io.borealis.mesos.wire;

import java.util.List;

/** {@code mesos.v1.executor.Call}: what an executor POSTs to its agent's {@code /api/v1/executor}. */
public record ExecutorCall(
    Type type,
    FrameworkId frameworkId,
    ExecutorId executorId,
    Subscribe subscribe,
    Update update,
    Message message) {

  public enum Type { SUBSCRIBE, UPDATE, MESSAGE, HEARTBEAT }

  public record Subscribe(List<TaskInfo> unacknowledgedTasks, List<Update> unacknowledgedUpdates) {}

  public record Update(TaskStatus status) {}

  public record Message(byte[] data) {}

  public static ExecutorCall subscribe(FrameworkId framework, ExecutorId executor, List<TaskInfo> tasks, List<Update> updates) {
    return new ExecutorCall(Type.SUBSCRIBE, framework, executor, new Subscribe(tasks, updates), null, null);
  }

  public static ExecutorCall update(FrameworkId framework, ExecutorId executor, TaskStatus status) {
    return new ExecutorCall(Type.UPDATE, framework, executor, null, new Update(status), null);
  }
}
