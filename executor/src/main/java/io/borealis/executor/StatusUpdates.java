package io.borealis.executor;

import io.borealis.mesos.wire.TaskId;
import io.borealis.mesos.wire.TaskStatus;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The updates sent to the agent and not yet ACKNOWLEDGED, keyed by uuid (as Base64, the form Mesos
 * writes). An acknowledgement means the agent took the update over; only then may the executor
 * exit without losing it.
 */
final class StatusUpdates {
  private final Map<String, TaskStatus> unacknowledged = new LinkedHashMap<>();

  /** Remembers an update that carries a uuid. */
  void sent(TaskStatus status) {
    unacknowledged.put(status.uuidBase64(), status);
  }

  /** @return the update this acknowledges, or null if the uuid is unknown or for another task */
  TaskStatus acknowledge(TaskId task, byte[] uuid) {
    if (uuid == null) {
      return null;
    }
    String key = Base64.getEncoder().encodeToString(uuid);
    TaskStatus status = unacknowledged.get(key);
    if (status == null || !status.taskId().equals(task)) {
      return null;
    }
    return unacknowledged.remove(key);
  }

  boolean isPending(TaskStatus status) {
    return unacknowledged.containsKey(status.uuidBase64());
  }

  boolean isEmpty() {
    return unacknowledged.isEmpty();
  }

  List<TaskStatus> pending() {
    return List.copyOf(unacknowledged.values());
  }
}
