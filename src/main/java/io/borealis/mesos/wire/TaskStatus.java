package io.borealis.mesos.wire;

import java.util.Base64;

/**
 * Mesos {@code TaskStatus}. A status with a {@code uuid} came reliably from an agent or executor and
 * must be acknowledged with exactly that uuid; one without (master-made, reconciliation) must not be.
 */
public record TaskStatus(
    TaskId taskId,
    State state,
    String message,
    Source source,
    Reason reason,
    byte[] data,
    AgentId agentId,
    ExecutorId executorId,
    Double timestamp,
    byte[] uuid,
    Boolean healthy) {

  /** Mesos {@code TaskState}. Unknown names decode as null, as Mesos drops unknown enum values. */
  public enum State {
    TASK_STAGING, TASK_STARTING, TASK_RUNNING, TASK_KILLING, TASK_FINISHED, TASK_FAILED, TASK_KILLED,
    TASK_ERROR, TASK_LOST, TASK_DROPPED, TASK_UNREACHABLE, TASK_GONE, TASK_GONE_BY_OPERATOR, TASK_UNKNOWN;

    /** Terminal as the Mesos master and agent define it: the task's resources are free again. */
    public boolean isTerminal() {
      return switch (this) {
        case TASK_FINISHED, TASK_FAILED, TASK_KILLED, TASK_ERROR, TASK_LOST, TASK_DROPPED, TASK_GONE,
            TASK_GONE_BY_OPERATOR -> true;
        default -> false;
      };
    }
  }

  public enum Source { SOURCE_MASTER, SOURCE_AGENT, SOURCE_EXECUTOR }

  /** The {@code Reason}s Borealis produces or acts on; others decode as null. */
  public enum Reason {
    REASON_COMMAND_EXECUTOR_FAILED, REASON_CONTAINER_LAUNCH_FAILED, REASON_EXECUTOR_TERMINATED,
    REASON_EXECUTOR_REGISTRATION_TIMEOUT, REASON_AGENT_DISCONNECTED, REASON_AGENT_REMOVED,
    REASON_AGENT_RESTARTED, REASON_FRAMEWORK_REMOVED, REASON_INVALID_OFFERS, REASON_RECONCILIATION,
    REASON_TASK_INVALID, REASON_TASK_KILLED_DURING_LAUNCH, REASON_TASK_UNKNOWN,
    REASON_TASK_HEALTH_CHECK_STATUS_UPDATED
  }

  public static TaskStatus of(TaskId taskId, State state, Source source, String message) {
    return new TaskStatus(taskId, state, message, source, null, null, null, null, null, null, null);
  }

  public TaskStatus withUuid(byte[] newUuid) {
    return new TaskStatus(taskId, state, message, source, reason, data, agentId, executorId, timestamp, newUuid, healthy);
  }

  public TaskStatus withReason(Reason newReason) {
    return new TaskStatus(taskId, state, message, source, newReason, data, agentId, executorId, timestamp, uuid, healthy);
  }

  public TaskStatus withOrigin(AgentId agent, ExecutorId executor, double epochSeconds) {
    return new TaskStatus(taskId, state, message, source, reason, data, agent, executor, epochSeconds, uuid, healthy);
  }

  /** The uuid as Mesos writes it in JSON, for logs and for matching acknowledgements. */
  public String uuidBase64() {
    return uuid == null ? null : Base64.getEncoder().encodeToString(uuid);
  }
}
