package io.borealis.devcluster;

import io.borealis.mesos.wire.TaskStatus;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;

/**
 * One task's status updates on their way to the framework, as a Mesos agent keeps them: only the
 * oldest unacknowledged update is in flight; it is re-sent until the framework acknowledges exactly
 * its uuid, and only then does the next one go out.
 */
final class StatusUpdateStream {
  private final Deque<TaskStatus> pending = new ArrayDeque<>();
  private boolean terminalSeen;

  /** Queues an update; returns true if it became the one in flight (so it must be sent now). */
  boolean add(TaskStatus status) {
    if (terminalSeen) {
      return false;
    }
    terminalSeen = status.state() != null && status.state().isTerminal();
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
