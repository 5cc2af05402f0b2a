package io.borealis.executor;

import io.borealis.executor.TaskPayload.InvalidPayloadException;
import io.vertx.core.json.JsonObject;
import java.time.Duration;

/**
 * The job's {@code health_check_config}, with Aurora's defaults for what the JSON leaves out. One
 * checker applies: a shell command when {@code health_checker.shell.shell_command} is set, else
 * HTTP (which needs a port named {@code health}; without it the task is not checked).
 *
 * @param endpoint HTTP path, {@code /health}
 * @param expectedResponse the body, compared trimmed and case-insensitively; empty is not checked
 * @param expectedResponseCode the status; 0 is not checked
 * @param shellCommand run with {@code bash -c} in the sandbox, exit 0 = healthy; null for HTTP
 * @param initialInterval failures within it (ceil(initial / interval) checks) are forgiven
 * @param interval between the end of one check and the start of the next
 * @param timeout a check taking longer fails
 */
record HealthCheckConfig(String endpoint, String expectedResponse, int expectedResponseCode, String shellCommand,
    Duration initialInterval, Duration interval, int maxConsecutiveFailures, int minConsecutiveSuccesses,
    Duration timeout) {

  static final String PATH = "/health_check_config";

  boolean isShell() {
    return shellCommand != null;
  }

  /** @return null when the payload has no {@code health_check_config} */
  static HealthCheckConfig parse(JsonObject root) {
    JsonObject config = PayloadFields.object(root, "health_check_config", "");
    if (config == null) {
      return null;
    }
    JsonObject checker = PayloadFields.object(config, "health_checker", PATH);
    JsonObject http = PayloadFields.object(checker, "http", PATH + "/health_checker");
    JsonObject shell = PayloadFields.object(checker, "shell", PATH + "/health_checker");
    String httpPath = PATH + "/health_checker/http";
    return new HealthCheckConfig(
        PayloadFields.text(http, "endpoint", httpPath, "/health"),
        PayloadFields.text(http, "expected_response", httpPath, "ok"),
        PayloadFields.smallCount(http, "expected_response_code", httpPath, 0),
        PayloadFields.text(shell, "shell_command", PATH + "/health_checker/shell", null),
        seconds(config, "initial_interval_secs", 15.0),
        positiveSeconds(config, "interval_secs", 10.0),
        PayloadFields.smallCount(config, "max_consecutive_failures", PATH, 0),
        PayloadFields.smallCount(config, "min_consecutive_successes", PATH, 1),
        positiveSeconds(config, "timeout_secs", 1.0));
  }

  private static Duration seconds(JsonObject config, String field, double absent) {
    return Duration.ofMillis(Math.round(PayloadFields.number(config, field, PATH, absent) * 1000));
  }

  /** A zero interval would check in a busy loop, a zero timeout would fail every check. */
  private static Duration positiveSeconds(JsonObject config, String field, double absent) {
    Duration duration = seconds(config, field, absent);
    if (duration.isZero()) {
      throw new InvalidPayloadException(PATH + "/" + field + " must be more than 0 seconds");
    }
    return duration;
  }
}
