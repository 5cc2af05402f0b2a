package io.borealis.mesos.client;

/**
 * The answers by which a Mesos master says that the subscription a call was sent on is not one it
 * serves any more, although the event stream may still look open from here: a half-open connection
 * to a master that failed over, or a master that has given the framework another stream. Each is
 * answered by dropping the stream and subscribing again (which reconciles); counting them would leave
 * the scheduler sending calls into the void until the heartbeat watchdog noticed, minutes later.
 *
 * <p>The wording is Mesos 1.x's own ({@code Master::Http::scheduler}, fixtures 05, 68 and 70 in
 * {@code mesos-fixtures/exchanges}): Mesos has no error codes in these bodies, only the text.
 */
final class StaleSubscription {
  /** 400: the master does not know the framework (a new master it has not re-registered with, or one that removed it). */
  static final String UNKNOWN_FRAMEWORK = "Framework cannot be found";
  /** 403: the master knows the framework but holds no open subscription for it. */
  static final String NOT_SUBSCRIBED = "Framework is not subscribed";
  /** 400: the stream id the call carries is not the framework's current one. */
  static final String STALE_STREAM_PREFIX = "The stream ID '";

  private StaleSubscription() {}

  /**
   * Whether the call failed because its subscription is stale or unknown. A missing stream id (our
   * own bug, not staleness) or any other refusal is not: re-subscribing would not change the answer.
   */
  static boolean isStale(Throwable error) {
    if (!(error instanceof MesosCallException refused) || refused.body() == null) {
      return false;
    }
    String body = refused.body().strip();
    return switch (refused.status()) {
      case 400 -> body.equals(UNKNOWN_FRAMEWORK) || body.startsWith(STALE_STREAM_PREFIX);
      case 403 -> body.equals(NOT_SUBSCRIBED);
      default -> false;
    };
  }
}
