package io.borealis.devcluster;

import io.borealis.mesos.wire.TaskStatus;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;

/**
 * One task's status updates on their way to the framework, as a Mesos agent keeps them: only the
 * oldest unacknowledged update is in flight; it is re-sent until the framework acknowledges exactly
 * its uuid, and only then does the next one go out.
 */
final class StatusUpdateStream {
  private final Deque<TaskStatus> pending = new ArrayDeque<>();
  /** Every uuid received: an executor re-sending an update after re-subscribing must not send it twice. */
  private final Set<String> received = new HashSet<>();
  private boolean terminalSeen;

  /** This very update (by uuid) was received before. */
  boolean isDuplicate(TaskStatus status) {
    return status.uuid() != null && received.contains(status.uuidBase64());
  }

  /** Queues an update; returns true if it became the one in flight (so it must be sent now). */
  boolean add(TaskStatus status) {
    if (terminalSeen) {
      return false;
    }
    terminalSeen = status.state() != null && status.state().isTerminal();
    if (status.uuid() != null) {
      received.add(status.uuidBase64());
    }
    pending.addLast(status);
    return pending.size() == 1;
  }

  /** The update in flight, if any. */
  TaskStatus inFlight() {
    return pending.peekFirst();
  }

  /**
   * Handles an acknowledgement; a stale or unknown uuid is ignored as Mesos does.
   *
   * @return true if it acknowledged the update in flight
   */
  boolean acknowledge(byte[] uuid) {
    TaskStatus head = pending.peekFirst();
    if (head == null || !Arrays.equals(head.uuid(), uuid)) {
      return false;
    }
    pending.removeFirst();
    return true;
  }

  /** Everything was delivered, including a terminal update: the stream can be dropped. */
  boolean isFinished() {
    return terminalSeen && pending.isEmpty();
  }
}
