package io.borealis.devcluster;

import io.borealis.mesos.wire.SchedulerCall;
import io.borealis.mesos.wire.Uuids;

/** The master's validation of non-subscribe scheduler calls ("Failed to validate scheduler::Call: ..."). */
final class CallValidation {
  private CallValidation() {}

  static String problem(SchedulerCall call) {
    return switch (call.type()) {
      case ACCEPT -> call.accept() == null ? "Expecting 'accept' to be present"
          : call.accept().offerIds() == null || call.accept().offerIds().isEmpty() ? "No offer IDs specified" : null;
      case DECLINE -> call.decline() == null ? "Expecting 'decline' to be present" : null;
      case KILL -> call.kill() == null || call.kill().taskId() == null ? "Expecting 'kill' to be present" : null;
      case ACKNOWLEDGE -> {
        var ack = call.acknowledge();
        if (ack == null || ack.agentId() == null || ack.taskId() == null) {
          yield "Expecting 'acknowledge' to be present";
        }
        yield Uuids.isValid(ack.uuid()) ? null : "Not a valid UUID";
      }
      case RECONCILE -> call.reconcile() == null ? "Expecting 'reconcile' to be present" : null;
      default -> null;
    };
  }
}
