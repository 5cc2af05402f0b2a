package io.borealis.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.borealis.config.JobJson;
import io.borealis.model.JobConfig;
import io.borealis.model.ScheduledTask;
import io.borealis.model.TaskState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HistoryRetentionTest {
  private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
  private static final JobConfig JOB = JobJson.read("""
      {"cluster": "c", "role": "r", "environment": "e", "name": "j",
       "task": {"processes": [{"name": "p", "cmdline": "true"}], "resources": {"cpu": 1, "ram": 1048576, "disk": 1048576}}}
      """).jobs().get(0);
  private static final HistoryRetention RETENTION = new HistoryRetention(Duration.ofDays(2), 3, Duration.ofHours(1));

  /** A task in {@code state} since {@code agoMinutes} before now. */
  private static ScheduledTask task(int n, TaskState state, long agoMinutes) {
    return new ScheduledTask("t" + n, JOB, 0, TaskState.INIT, null, null, Map.of(), 0, null, List.of())
        .withState(state, NOW.minus(Duration.ofMinutes(agoMinutes)), null);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      # case                                      | tasks (state:minutes ago)                                  | pruned
      nothing finished                            | RUNNING:5000,PENDING:10                                    | ''
      finished recently is kept                   | FINISHED:60,KILLED:120                                     | ''
      finished over two days ago goes             | FINISHED:2881,KILLED:2879                                  | t0
      active tasks are never pruned, however old  | RUNNING:99999,LOST:99999                                   | t1
      beyond the per-job count the oldest go      | FAILED:100,FAILED:200,FAILED:300,FAILED:400,FAILED:500     | t3,t4
      the count waits for the minimum retention   | FAILED:1,FAILED:2,FAILED:3,FAILED:4,FAILED:61              | t4
      """)
  void prunesFinishedTasksByAgeThenByCount(String name, String tasks, String pruned) {
    List<ScheduledTask> jobTasks = new ArrayList<>();
    String[] specs = tasks.split(",");
    for (int i = 0; i < specs.length; i++) {
      String[] spec = specs[i].split(":");
      jobTasks.add(task(i, TaskState.valueOf(spec[0]), Long.parseLong(spec[1])));
    }
    List<String> expected = pruned.isEmpty() ? List.of() : List.of(pruned.split(","));
    assertThat(RETENTION.prunable(jobTasks, NOW)).containsExactlyInAnyOrderElementsOf(expected);
  }
}
