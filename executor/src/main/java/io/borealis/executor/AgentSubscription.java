package io.borealis.executor;

import io.borealis.mesos.wire.ExecutorCall;
import io.borealis.mesos.wire.ExecutorEvent;
import io.vertx.core.AsyncResult;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * The executor's subscription to its agent, and its re-subscription after the agent restarts, as
 * Mesos' executor library does for a checkpointing framework: each new SUBSCRIBE waits a random time
 * up to {@code MESOS_SUBSCRIPTION_BACKOFF_MAX} (so that attempts come at least that often while the
 * agent waits for its executors), and once {@code MESOS_RECOVERY_TIMEOUT} has passed since the
 * connection was lost the executor gives up. Used on the executor verticle's context.
 */
final class AgentSubscription {
  private final Vertx vertx;
  private final AgentClient agent;
  private final ExecutorEnvironment.Recovery recovery;
  /** The SUBSCRIBE to send now: it lists what is still unacknowledged, so it is built at each attempt. */
  private final Supplier<ExecutorCall> subscribeCall;
  private final Handler<ExecutorEvent> events;
  private final Handler<AsyncResult<Void>> streamOver;
  private final Handler<String> gaveUp;
  private boolean connected;
  private boolean closed;
  private long retryTimer = -1;
  private long deadlineTimer = -1;

  /**
   * @param streamOver told each time a stream (or an attempt to open one) is over; it decides whether to
   *     {@link #resubscribeLater}
   * @param gaveUp told once, with the reason, when the recovery timeout has passed without a new subscription
   */
  AgentSubscription(Vertx vertx, AgentClient agent, ExecutorEnvironment.Recovery recovery, Supplier<ExecutorCall> subscribeCall,
      Handler<ExecutorEvent> events, Handler<AsyncResult<Void>> streamOver, Handler<String> gaveUp) {
    this.vertx = vertx;
    this.agent = agent;
    this.recovery = recovery;
    this.subscribeCall = subscribeCall;
    this.events = events;
    this.streamOver = streamOver;
    this.gaveUp = gaveUp;
  }

  void subscribe() {
    agent.subscribe(subscribeCall.get(), this::onEvent).onComplete(over -> {
      connected = false;
      streamOver.handle(over);
    });
  }

  /** Whether the agent's SUBSCRIBED came on the current stream and the stream is still open. */
  boolean connected() {
    return connected;
  }

  private void onEvent(ExecutorEvent event) {
    if (event.type() == ExecutorEvent.Type.SUBSCRIBED) {
      connected = true;
      vertx.cancelTimer(deadlineTimer);
      deadlineTimer = -1;
    }
    events.handle(event);
  }

  /**
   * Subscribes again after a random wait of at most the backoff; the first call after the connection
   * was lost starts the recovery deadline. Worked example with Mesos' defaults: attempts come 0-2 s
   * apart, and 15 minutes after the loss the executor gives up.
   */
  void resubscribeLater() {
    if (closed) {
      return;
    }
    if (deadlineTimer < 0) {
      Duration timeout = recovery.timeout();
      deadlineTimer = vertx.setTimer(Math.max(1, timeout.toMillis()), id -> {
        deadlineTimer = -1;
        close();
        gaveUp.handle("could not re-subscribe to the agent within the recovery timeout of " + timeout.toMillis() + " ms");
      });
    }
    long wait = ThreadLocalRandom.current().nextLong(Math.max(1, recovery.backoffMax().toMillis()) + 1);
    retryTimer = vertx.setTimer(Math.max(1, wait), id -> {
      retryTimer = -1;
      if (!closed) {
        subscribe();
      }
    });
  }

  /** No more attempts: the executor is exiting. */
  void close() {
    closed = true;
    vertx.cancelTimer(retryTimer);
    vertx.cancelTimer(deadlineTimer);
    retryTimer = -1;
    deadlineTimer = -1;
  }
}
