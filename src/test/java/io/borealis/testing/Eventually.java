package io.borealis.testing;

import java.time.Duration;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;

/**
 * Waiting for what another thread or process makes true, the one way these tests do it: Awaitility,
 * checking on the test's own thread at once and then every 50 ms, and failing with {@code what} (and
 * the last failed assertion, with {@code untilAsserted}) when the time is up.
 */
public final class Eventually {
  private static final Duration POLL = Duration.ofMillis(50);

  private Eventually() {}

  public static ConditionFactory within(Duration timeout, String what) {
    return Awaitility.await(what).atMost(timeout).pollInSameThread().pollDelay(Duration.ZERO).pollInterval(POLL);
  }
}
