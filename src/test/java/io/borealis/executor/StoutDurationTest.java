package io.borealis.executor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class StoutDurationTest {

  @ParameterizedTest(name = "{0} is {1} ns")
  @CsvSource({
      "5secs,      5000000000",
      "500ms,      500000000",
      "1.5secs,    1500000000",
      "2mins,      120000000000",
      "1hrs,       3600000000000",
      "1days,      86400000000000",
      "1weeks,     604800000000000",
      "250us,      250000",
      "10ns,       10",
      "0secs,      0",
      "0.5ms,      500000",
      "'  3secs ', 3000000000",
  })
  void parsesStoutDurations(String text, long nanos) {
    assertThat(StoutDuration.parse(text)).isEqualTo(Duration.ofNanos(nanos));
  }

  @ParameterizedTest(name = "rejects \"{0}\"")
  @ValueSource(strings = {"", "5", "5s", "secs", "5 secs", "-1secs", "5sec", "1.2.3secs", "PT5S"})
  void rejectsWhatStoutWouldNotWrite(String text) {
    assertThatThrownBy(() -> StoutDuration.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'" + text + "'")
        .hasMessageContaining("5secs");
  }
}
