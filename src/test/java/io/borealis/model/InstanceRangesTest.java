package io.borealis.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class InstanceRangesTest {
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      "0-3,7   | 0-3,7",
      "7,0-3   | 0-3,7",
      "1       | 1",
      "2,1,0   | 0-2",
      "0-1,1-2 | 0-2",
      "5,7,9   | 5,7,9",
  })
  void parsesAndWritesAuroraRanges(String text, String canonical) {
    assertThat(InstanceRanges.parse(text).toString()).isEqualTo(canonical);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "a", "3-1", "-1", "1-", "1,,2", "2000000"})
  void rejectsWhatIsNotAListOfInstances(String text) {
    assertThatThrownBy(() -> InstanceRanges.parse(text)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void jobKeysNeedFourValidParts() {
    assertThat(JobKey.parse("devcluster/www-data/prod/hello").path()).isEqualTo("www-data/prod/hello");
    assertThatThrownBy(() -> JobKey.parse("devcluster/www-data/prod")).hasMessageContaining("cluster/role/environment/name");
    assertThatThrownBy(() -> JobKey.parse("devcluster/www data/prod/hello")).hasMessageContaining("role");
  }

  @Test
  void taskIdsFollowAuroraShape() {
    JobKey key = JobKey.parse("c/www-data/prod/hello");
    assertThat(ScheduledTask.newTaskId(key, 3, "abc")).isEqualTo("www-data-prod-hello-3-abc");
    assertThat(ScheduledTask.newTaskId(JobKey.parse("c/r/e/a.b"), 0, "u")).isEqualTo("r-e-a-b-0-u");
  }
}
