package io.borealis.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReplayBufferTest {
  /** Capacity 3 after events 7, 8, 9, 10: holds 8, 9, 10; floor 7. */
  private static ReplayBuffer<Long> afterSevenToTen() {
    ReplayBuffer<Long> buffer = new ReplayBuffer<>(3, Long::longValue);
    LongStream.rangeClosed(7, 10).forEach(buffer::append);
    return buffer;
  }

  @ParameterizedTest(name = "last seen {0} -> {1}")
  @CsvSource(delimiter = '|', textBlock = """
      10 | replay:
      9  | replay:10
      8  | replay:9,10
      7  | replay:8,9,10
      6  | too old: oldest kept 8, latest 10
      0  | too old: oldest kept 8, latest 10
      -1 | too old: oldest kept 8, latest 10
      11 | ahead of 10
      99 | ahead of 10
      """)
  void resumesWithoutAGapOrSaysWhy(long lastSeen, String expected) {
    assertThat(describe(afterSevenToTen().resumeAfter(lastSeen))).isEqualTo(expected);
  }

  @ParameterizedTest(name = "nothing seen, state at {1}, last seen {0} -> {2}")
  @CsvSource(delimiter = '|', textBlock = """
      40 | 40 | replay:
      39 | 40 | too old: oldest kept 41, latest 40
      0  | 40 | too old: oldest kept 41, latest 40
      41 | 40 | ahead of 40
      0  | 0  | replay:
      5  | 0  | ahead of 0
      """)
  void anEmptyBufferTrustsTheStateOwnersLatestId(long lastSeen, long stateLatest, String expected) {
    ReplayBuffer<Long> empty = new ReplayBuffer<>(3, Long::longValue);
    assertThat(describe(empty.resumeAfter(lastSeen))).isEqualTo("unknown");
    assertThat(describe(empty.resumeAfter(lastSeen, stateLatest))).isEqualTo(expected);
  }

  @Test
  void onceEventsArriveTheBufferDecidesNotTheStateOwner() {
    // The state owner's answer can be older than events that reached the buffer meanwhile.
    assertThat(describe(afterSevenToTen().resumeAfter(9, 5))).isEqualTo("replay:10");
  }

  @Test
  void theFirstEventSetsTheFloorJustBelowIt() {
    ReplayBuffer<Long> buffer = new ReplayBuffer<>(100, Long::longValue);
    buffer.append(501L); // e.g. the first event after a restart that recovered event id 500
    assertThat(describe(buffer.resumeAfter(500))).isEqualTo("replay:501");
    assertThat(describe(buffer.resumeAfter(499))).isEqualTo("too old: oldest kept 501, latest 501");
  }

  @Test
  void idsThatDoNotIncreaseAreRefused() {
    ReplayBuffer<Long> buffer = afterSevenToTen();
    assertThat(buffer.append(10L)).isFalse();
    assertThat(buffer.append(4L)).isFalse();
    assertThat(buffer.append(12L)).isTrue(); // ids may skip: what matters is that nothing after the floor is missing
    assertThat(describe(buffer.resumeAfter(10))).isEqualTo("replay:12");
    assertThat(buffer.size()).isEqualTo(3);
  }

  @Test
  void neverHoldsMoreThanItsCapacity() {
    ReplayBuffer<Long> buffer = new ReplayBuffer<>(1_000, Long::longValue);
    LongStream.rangeClosed(1, 100_000).forEach(buffer::append);
    assertThat(buffer.size()).isEqualTo(1_000);
    assertThat(describe(buffer.resumeAfter(99_000))).startsWith("replay:99001,");
    assertThat(describe(buffer.resumeAfter(98_999))).isEqualTo("too old: oldest kept 99001, latest 100000");
  }

  private static String describe(ReplayBuffer.Resume<Long> resume) {
    if (resume instanceof ReplayBuffer.Replay<Long> replay) {
      return "replay:" + String.join(",", replay.items().stream().map(String::valueOf).toList());
    } else if (resume instanceof ReplayBuffer.TooOld<Long> old) {
      return "too old: oldest kept " + old.oldestKept() + ", latest " + old.latest();
    } else if (resume instanceof ReplayBuffer.Ahead<Long> ahead) {
      return "ahead of " + ahead.latest();
    }
    return "unknown";
  }
}
