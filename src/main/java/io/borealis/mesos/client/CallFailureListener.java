package io.borealis.mesos.client;

import io.borealis.mesos.wire.SchedulerCall;

/** Told once per call that finally failed (after any retries), so the owner can count and report it. */
@FunctionalInterface
public interface CallFailureListener {
  /** @param status the HTTP status, or {@code connection} when no answer came */
  void failed(SchedulerCall.Type call, String status, String message);
}
