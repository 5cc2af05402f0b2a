package io.borealis.executor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.borealis.executor.TaskPayload.InvalidPayloadException;
import io.borealis.executor.TaskPayload.ProcessSpec;
import io.borealis.executor.TaskPayload.TaskLimits;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TaskPayloadTest {
  private static final String SAMPLE = """
      {"cluster":"devcluster","role":"www-data","environment":"prod","name":"hello",
       "instance":1,
       "ports":{"http":31005},
       "task":{"name":"hello",
               "processes":[{"name":"hello","cmdline":"while true; do echo hello world; sleep 10; done",
                             "max_failures":1,"daemon":false,"ephemeral":false,"min_duration":5,"final":false}],
               "constraints":[{"order":["hello"]}],
               "resources":{"cpu":1.0,"ram":134217728,"disk":134217728,"gpu":0},
               "max_failures":1,"max_concurrency":0,"finalization_wait":30}}
      """;

  @Test
  void readsTheJobJsonAndIgnoresTheRest() {
    TaskPayload payload = TaskPayload.parse(SAMPLE.getBytes(StandardCharsets.UTF_8));

    assertThat(payload.role()).isEqualTo("www-data");
    assertThat(payload.instance()).isEqualTo(1);
    assertThat(payload.ports()).isEqualTo(Map.of("http", 31005));
    assertThat(payload.processes())
        .containsExactly(new ProcessSpec("hello", "while true; do echo hello world; sleep 10; done"));
  }

  @Test
  void readsProcessOptionsAndTaskLimits() {
    TaskPayload payload = TaskPayload.parse("""
        {"task":{"processes":[
                   {"name":"a","cmdline":"true","max_failures":0,"daemon":true,"ephemeral":true,"min_duration":0.5,"final":false},
                   {"name":"z","cmdline":"true","final":true}],
                 "max_failures":2,"max_concurrency":3,"finalization_wait":7}}""".getBytes(StandardCharsets.UTF_8));

    assertThat(payload.processes()).containsExactly(
        new ProcessSpec("a", "true", 0, true, true, Duration.ofMillis(500), false),
        new ProcessSpec("z", "true", 1, false, false, Duration.ofSeconds(5), true));
    assertThat(payload.limits()).isEqualTo(new TaskLimits(2, 3, Duration.ofSeconds(7)));
  }

  @Test
  void absentOptionsTakeThermosDefaults() {
    TaskPayload payload = TaskPayload.parse("""
        {"task":{"processes":[{"name":"a","cmdline":"true"}]}}""".getBytes(StandardCharsets.UTF_8));

    assertThat(payload.processes()).containsExactly(new ProcessSpec("a", "true", 1, false, false, Duration.ofSeconds(5), false));
    assertThat(payload.limits()).isEqualTo(new TaskLimits(1, 0, Duration.ofSeconds(30)));
  }

  @Test
  void portsAndConstraintsMayBeAbsent() {
    TaskPayload payload = TaskPayload.parse("""
        {"role":"r","instance":0,"task":{"processes":[{"name":"a","cmdline":"true"}]}}""".getBytes(StandardCharsets.UTF_8));

    assertThat(payload.ports()).isEmpty();
    assertThat(payload.order().predecessors("a")).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "not json             | {oops                                                                    | not JSON",
      "not an object        | [1]                                                                      | JSON object",
      "no processes         | {\"task\":{\"processes\":[]}}                                            | /task/processes",
      "no cmdline           | {\"task\":{\"processes\":[{\"name\":\"a\"}]}}                            | /task/processes/0/cmdline",
      "path in name         | {\"task\":{\"processes\":[{\"name\":\"../x\",\"cmdline\":\"true\"}]}}    | /task/processes/0/name",
      "duplicate name       | {\"task\":{\"processes\":[{\"name\":\"a\",\"cmdline\":\"true\"},{\"name\":\"a\",\"cmdline\":\"true\"}]}} | used twice",
      "unknown in order     | {\"task\":{\"processes\":[{\"name\":\"a\",\"cmdline\":\"true\"}],\"constraints\":[{\"order\":[\"a\",\"b\"]}]}} | unknown process 'b'",
      "negative max_failures | {\"task\":{\"processes\":[{\"name\":\"a\",\"cmdline\":\"true\",\"max_failures\":-1}]}} | /task/processes/0/max_failures",
      "daemon not a boolean | {\"task\":{\"processes\":[{\"name\":\"a\",\"cmdline\":\"true\",\"daemon\":\"yes\"}]}} | /task/processes/0/daemon",
      "bad finalization_wait | {\"task\":{\"processes\":[{\"name\":\"a\",\"cmdline\":\"true\"}],\"finalization_wait\":\"30s\"}} | /task/finalization_wait",
      "port not a number    | {\"ports\":{\"http\":\"x\"},\"task\":{\"processes\":[{\"name\":\"a\",\"cmdline\":\"true\"}]}} | /ports/http",
  })
  void rejectsPayloadsThatCannotRunAndSaysWhere(String name, String json, String messagePart) {
    assertThatThrownBy(() -> TaskPayload.parse(json.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(InvalidPayloadException.class)
        .hasMessageContaining(messagePart);
  }

  @Test
  void rejectsAMissingPayload() {
    assertThatThrownBy(() -> TaskPayload.parse(null)).hasMessageContaining("TaskInfo.data");
  }

  @Test
  void readsTheHealthCheckConfigWithAuroraDefaults() {
    TaskPayload payload = TaskPayload.parse(("""
        {"ports":{"health":31006},"health_check_config":{"health_checker":{"http":{"endpoint":"/ready"}},
         "interval_secs":0.5,"max_consecutive_failures":2},
         "task":{"name":"t","processes":[{"name":"a","cmdline":"true"}]}}""").getBytes(StandardCharsets.UTF_8));

    assertThat(payload.healthCheck()).isEqualTo(new HealthCheckConfig("/ready", "ok", 0, null, Duration.ofSeconds(15),
        Duration.ofMillis(500), 2, 1, Duration.ofSeconds(1)));
    assertThat(payload.ports()).containsEntry(TaskPayload.HEALTH_PORT, 31006);
  }

  @Test
  void aShellCommandChoosesTheShellChecker() {
    TaskPayload payload = TaskPayload.parse(("""
        {"health_check_config":{"health_checker":{"shell":{"shell_command":"test -f ready"}}},
         "task":{"name":"t","processes":[{"name":"a","cmdline":"true"}]}}""").getBytes(StandardCharsets.UTF_8));

    assertThat(payload.healthCheck().isShell()).isTrue();
    assertThat(payload.healthCheck().shellCommand()).isEqualTo("test -f ready");
    assertThat(TaskPayload.parse(SAMPLE.getBytes(StandardCharsets.UTF_8)).healthCheck()).isNull();
  }

  @Test
  void aZeroIntervalIsRejectedNamingTheField() {
    assertThatThrownBy(() -> TaskPayload.parse(("""
        {"health_check_config":{"interval_secs":0},"task":{"name":"t","processes":[{"name":"a","cmdline":"true"}]}}""")
        .getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(InvalidPayloadException.class)
        .hasMessageContaining("/health_check_config/interval_secs");
  }
}
