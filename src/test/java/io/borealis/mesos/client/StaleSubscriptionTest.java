package io.borealis.mesos.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Which refusals say the subscription is stale, in Mesos 1.11's words (fixtures 05, 68, 70; mesos.md §2.1 step 7). */
class StaleSubscriptionTest {
  static Stream<Arguments> answers() {
    return Stream.of(
        Arguments.of("stale stream id (fixture 68)", new MesosCallException(400, "The stream ID '57c8d15e-11c5-4423-ae33-74e4310e1497'"
            + " included in this request didn't match the stream ID currently associated with framework ID 3339-0000"), true),
        Arguments.of("unknown framework (fixture 70)", new MesosCallException(400, "Framework cannot be found"), true),
        Arguments.of("not subscribed", new MesosCallException(403, "Framework is not subscribed"), true),
        Arguments.of("missing stream id: our bug, not staleness",
            new MesosCallException(400, "All non-subscribe calls should include the 'Mesos-Stream-Id' header"), false),
        Arguments.of("invalid call", new MesosCallException(400, "Failed to validate scheduler::Call: Not a valid UUID"), false),
        Arguments.of("403 for another reason", new MesosCallException(403, "Not authorized to teardown framework"), false),
        Arguments.of("the not-subscribed text with another status", new MesosCallException(400, "Framework is not subscribed"), false),
        Arguments.of("recovering master: transient, retried instead", new MesosCallException(503, "Master has not finished recovery"), false),
        Arguments.of("no answer at all", new IOException("Connection refused"), false));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("answers")
  void tellsAStaleSubscriptionFromOtherRefusals(String name, Throwable error, boolean stale) {
    assertThat(StaleSubscription.isStale(error)).isEqualTo(stale);
  }
}
