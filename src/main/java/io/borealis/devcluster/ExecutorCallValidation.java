package io.borealis.devcluster;

import io.borealis.mesos.wire.ExecutorCall;
import io.borealis.mesos.wire.TaskStatus;
import io.borealis.mesos.wire.Uuids;

/** The agent's validation of executor calls ("Failed to validate Executor::Call: ..."). */
final class ExecutorCallValidation {
  private ExecutorCallValidation() {}

  static String problem(ExecutorCall call) {
    if (call.type() == null) {
      return "Expecting 'type' to be present";
    }
    if (call.executorId() == null) {
      return "Expecting 'executor_id' to be present";
    }
    if (call.frameworkId() == null) {
      return "Expecting 'framework_id' to be present";
    }
    return switch (call.type()) {
      case SUBSCRIBE -> call.subscribe() == null ? "Expecting 'subscribe' to be present" : null;
      case UPDATE -> updateProblem(call);
      case MESSAGE -> call.message() == null ? "Expecting 'message' to be present" : null;
      case HEARTBEAT -> null;
    };
  }

  private static String updateProblem(ExecutorCall call) {
    if (call.update() == null || call.update().status() == null) {
      return "Expecting 'update' to be present";
    }
    TaskStatus status = call.update().status();
    if (!Uuids.isValid(status.uuid())) {
      return "'uuid' is not a valid UUID";
    }
    if (status.source() != TaskStatus.Source.SOURCE_EXECUTOR) {
      return "Received Call from executor " + call.executorId().value() + " of framework "
          + call.frameworkId().value() + " with invalid source, expecting 'SOURCE_EXECUTOR'";
    }
    if (status.state() == TaskStatus.State.TASK_STAGING) {
      return "Received TASK_STAGING from executor " + call.executorId().value() + " of framework "
          + call.frameworkId().value() + " which is not allowed";
    }
    if (status.executorId() != null && !status.executorId().equals(call.executorId())) {
      return "ExecutorID in Call: " + call.executorId().value() + " does not match ExecutorID in TaskStatus: "
          + status.executorId().value();
    }
    return null;
  }
}
