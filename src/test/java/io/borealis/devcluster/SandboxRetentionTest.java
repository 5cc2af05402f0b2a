package io.borealis.devcluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Finished sandboxes go when older than the delay, then oldest first until the rest fit the budget. */
class SandboxRetentionTest {
  private static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");
  /** a: finished 3 h ago, 100 bytes; b: 2 h ago, 200 bytes; c: 1 h ago, 300 bytes. */
  private static final List<SandboxRetention.Finished> FINISHED = List.of(
      new SandboxRetention.Finished(Path.of("b"), NOW.minusSeconds(7200), 200),
      new SandboxRetention.Finished(Path.of("a"), NOW.minusSeconds(10800), 100),
      new SandboxRetention.Finished(Path.of("c"), NOW.minusSeconds(3600), 300));

  @ParameterizedTest(name = "delay {0} h, budget {1} bytes: delete [{2}]")
  @CsvSource(delimiter = '|', value = {
      "24  | 1000 | ''",
      "24  | 600  | ''",
      "24  | 599  | a",
      "24  | 300  | a b",
      "24  | 0    | a b c",
      "2   | 1000 | a b",
      "2.5 | 1000 | a",
      "2   | 300  | a b",
      "2   | 250  | a b c",
      "0   | 1000 | a b c"})
  void deletesWhatIsTooOldThenTheOldestUntilTheRestFit(double delayHours, long budget, String expected) {
    SandboxRetention retention = new SandboxRetention(Duration.ofSeconds((long) (delayHours * 3600)), budget);
    assertThat(retention.toDelete(FINISHED, NOW)).map(Path::toString)
        .containsExactlyElementsOf(expected.isBlank() ? List.of() : List.of(expected.split(" ")));
  }
}
