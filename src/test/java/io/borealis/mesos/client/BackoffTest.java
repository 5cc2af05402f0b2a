package io.borealis.mesos.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BackoffTest {
  private static List<Long> delays(Backoff backoff, int count) {
    List<Long> delays = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      delays.add(backoff.nextDelayMs());
    }
    return delays;
  }

  @Test
  void doublesTheWindowUpToTheCapAndDrawsFromItsUpperHalf() {
    // The lowest draw is half the window, the highest the whole window.
    assertThat(delays(new Backoff(250, 30_000, () -> 0.0), 10))
        .containsExactly(125L, 250L, 500L, 1_000L, 2_000L, 4_000L, 8_000L, 15_000L, 15_000L, 15_000L);
    assertThat(delays(new Backoff(250, 30_000, () -> 0.999_999), 10))
        .containsExactly(249L, 499L, 999L, 1_999L, 3_999L, 7_999L, 15_999L, 29_999L, 29_999L, 29_999L);
  }

  @Test
  void startsOverAfterASuccess() {
    Backoff backoff = new Backoff(250, 30_000, () -> 0.0);
    delays(backoff, 5);
    backoff.reset();
    assertThat(backoff.nextDelayMs()).isEqualTo(125);
  }
}
