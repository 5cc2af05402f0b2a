package io.borealis.config;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.borealis.model.HealthCheckConfig;
import io.borealis.model.HealthCheckConfig.HttpChecker;
import io.borealis.model.HealthCheckConfig.ShellChecker;
import io.borealis.model.Problem;
import java.util.Set;

/** Aurora's {@code HealthCheckConfig} in JSON, defaults as in Aurora's schema. */
final class HealthCheckJson {
  private static final Set<String> FIELDS = Set.of("health_checker", "initial_interval_secs", "interval_secs",
      "max_consecutive_failures", "min_consecutive_successes", "timeout_secs", "endpoint", "expected_response",
      "expected_response_code");

  private HealthCheckJson() {}

  static HealthCheckConfig read(JsonFieldReader config) {
    HealthCheckConfig defaults = HealthCheckConfig.DEFAULT;
    if (config == null) {
      return defaults;
    }
    config.rejectUnknown(FIELDS);
    HttpChecker http = HttpChecker.DEFAULT;
    ShellChecker shell = null;
    JsonFieldReader checker = config.object("health_checker");
    if (checker != null) {
      checker.rejectUnknown(Set.of("http", "shell"));
      JsonFieldReader httpNode = checker.object("http");
      JsonFieldReader shellNode = checker.object("shell");
      if (httpNode != null && shellNode != null) {
        config.problems().add(new Problem(checker.path("shell"), "give either an http or a shell health checker, not both"));
      }
      if (shellNode != null) {
        shellNode.rejectUnknown(Set.of("shell_command"));
        shell = new ShellChecker(shellNode.requiredString("shell_command"));
        http = null;
      } else if (httpNode != null) {
        httpNode.rejectUnknown(Set.of("endpoint", "expected_response", "expected_response_code"));
        http = new HttpChecker(
            httpNode.string("endpoint", HttpChecker.DEFAULT.endpoint()),
            httpNode.string("expected_response", HttpChecker.DEFAULT.expectedResponse()),
            httpNode.integer("expected_response_code", HttpChecker.DEFAULT.expectedResponseCode()));
      }
    }
    return new HealthCheckConfig(http, shell,
        config.number("initial_interval_secs", defaults.initialIntervalSecs()),
        config.number("interval_secs", defaults.intervalSecs()),
        config.integer("max_consecutive_failures", defaults.maxConsecutiveFailures()),
        config.integer("min_consecutive_successes", defaults.minConsecutiveSuccesses()),
        config.number("timeout_secs", defaults.timeoutSecs()));
  }

  static ObjectNode write(HealthCheckConfig config) {
    ObjectNode node = JobJson.object();
    ObjectNode checker = node.putObject("health_checker");
    if (config.shell() != null) {
      checker.putObject("shell").put("shell_command", config.shell().shellCommand());
    } else {
      checker.putObject("http")
          .put("endpoint", config.http().endpoint())
          .put("expected_response", config.http().expectedResponse())
          .put("expected_response_code", config.http().expectedResponseCode());
    }
    node.put("initial_interval_secs", config.initialIntervalSecs());
    node.put("interval_secs", config.intervalSecs());
    node.put("max_consecutive_failures", config.maxConsecutiveFailures());
    node.put("min_consecutive_successes", config.minConsecutiveSuccesses());
    node.put("timeout_secs", config.timeoutSecs());
    return node;
  }
}
