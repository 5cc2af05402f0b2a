package io.borealis.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.borealis.config.JobJson;
import io.borealis.model.JobConfig;
import io.borealis.model.ScheduledTask;
import io.borealis.model.TaskState;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** When Aurora's partition policy gives an unreachable task up. */
class PartitionTimeoutTest {
  private static final Instant PARTITIONED_AT = Instant.parse("2026-11-29T10:00:00Z");

  @ParameterizedTest(name = "{0} with reschedule={1} delay={2}s, {3}s later: expired={4}")
  @CsvSource({
      "PARTITIONED, true,  0,  0,    true",
      "PARTITIONED, true,  60, 59,   false",
      "PARTITIONED, true,  60, 60,   true",
      "PARTITIONED, false, 0,  3600, false",
      "RUNNING,     true,  0,  3600, false",
      "LOST,        true,  0,  3600, false"})
  void expiresOnlyPartitionedTasksWhosePolicyReschedulesAfterTheDelay(TaskState state, boolean reschedule, int delay, int later,
      boolean expired) {
    JobConfig job = JobJson.read("""
        {"cluster": "c", "role": "r", "environment": "e", "name": "j", "partition_policy": {"reschedule": %s, "delay_secs": %d},
         "task": {"processes": [{"name": "p", "cmdline": "sleep 1"}], "resources": {"cpu": 1, "ram": 1048576, "disk": 1048576}}}
        """.formatted(reschedule, delay)).jobs().get(0);
    ScheduledTask task = new ScheduledTask("t-1", job, 0, TaskState.INIT, null, null, Map.of(), 0, null, List.of())
        .withState(state, PARTITIONED_AT, "test");
    assertThat(PartitionTimeout.expired(task, PARTITIONED_AT.plusSeconds(later))).isEqualTo(expired);
  }
}
