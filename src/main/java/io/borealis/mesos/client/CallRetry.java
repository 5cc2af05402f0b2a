package io.borealis.mesos.client;

import io.borealis.mesos.wire.SchedulerCall;

/**
 * Which failed calls are worth sending again, and how often. A call is retried only when the master
 * may not have acted on it (a 5xx or a broken connection, never a 4xx, which says the call itself is
 * wrong and would be refused again) and when sending it twice is harmless.
 */
final class CallRetry {
  /** Attempts after the first; with a 100 ms start that is about 0.1 + 0.2 + 0.4 s at most. */
  static final int RETRIES = 3;
  static final long FIRST_DELAY_MS = 100;

  private CallRetry() {}

  /**
   * ACCEPT is the exception: if a broken connection hid a launch Mesos did perform, a second ACCEPT
   * would reuse spent offers and make Mesos report TASK_DROPPED for a task that is starting. A lost
   * launch is cheaper: the task times out of ASSIGNED and is rescheduled. Everything else (DECLINE,
   * KILL, ACKNOWLEDGE, RECONCILE, SUPPRESS, REVIVE, TEARDOWN) means the same when it arrives twice.
   */
  static boolean isRepeatable(SchedulerCall.Type type) {
    return type != SchedulerCall.Type.ACCEPT && type != SchedulerCall.Type.SUBSCRIBE;
  }

  /** 5xx (the master is failing over, overloaded, not yet recovered) or no HTTP answer at all. */
  static boolean isTransient(Throwable error) {
    return !(error instanceof MesosCallException refused) || refused.status() >= 500;
  }

  /** For logs and the failure counter: the HTTP status, or {@code connection} when there was none. */
  static String statusOf(Throwable error) {
    return error instanceof MesosCallException refused ? Integer.toString(refused.status()) : "connection";
  }
}
