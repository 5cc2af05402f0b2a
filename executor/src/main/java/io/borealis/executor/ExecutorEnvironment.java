package io.borealis.executor;

import io.borealis.mesos.wire.ExecutorId;
import io.borealis.mesos.wire.FrameworkId;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the agent tells its executor through the environment (Mesos' {@code executorEnvironment}).
 *
 * @param agentHost host part of {@code MESOS_AGENT_ENDPOINT} ({@code ip:port}, no scheme)
 * @param sandbox {@code MESOS_SANDBOX} (else {@code MESOS_DIRECTORY}): the processes' working directory
 * @param shutdownGracePeriod {@code MESOS_EXECUTOR_SHUTDOWN_GRACE_PERIOD}, default 5 s
 * @param checkpoint {@code MESOS_CHECKPOINT=1}: the framework checkpoints, so the agent may restart and recover this
 *     executor; a lost connection is then retried rather than fatal
 * @param recovery with checkpointing, {@code MESOS_RECOVERY_TIMEOUT} (the agent's {@code --recovery_timeout},
 *     15 min by default) and {@code MESOS_SUBSCRIPTION_BACKOFF_MAX} (its {@code --executor_reregistration_timeout},
 *     2 s by default): how long to keep trying to re-subscribe, and the longest wait between attempts
 * @param authenticationToken {@code MESOS_EXECUTOR_AUTHENTICATION_TOKEN}, sent as a bearer token; may be null
 * @param lifecycleWaits {@code BOREALIS_GRACEFUL_SHUTDOWN_WAIT} and {@code BOREALIS_SHUTDOWN_WAIT} (stout
 *     durations, 5 s each by default): the payload carries no {@code lifecycle}, so Aurora's default
 *     waits apply unless these override them (tests use short ones)
 */
record ExecutorEnvironment(
    FrameworkId frameworkId,
    ExecutorId executorId,
    String agentHost,
    int agentPort,
    Path sandbox,
    Duration shutdownGracePeriod,
    boolean checkpoint,
    Recovery recovery,
    String authenticationToken,
    GracefulShutdown.Waits lifecycleWaits) {

  static final Duration DEFAULT_SHUTDOWN_GRACE_PERIOD = Duration.ofSeconds(5);

  /** How a checkpointing executor waits for its agent to come back (Mesos' defaults unless the agent says). */
  record Recovery(Duration timeout, Duration backoffMax) {
    static final Recovery DEFAULTS = new Recovery(Duration.ofMinutes(15), Duration.ofSeconds(2));
  }

  /** The environment is unusable; the message lists every problem, one per line. */
  static final class InvalidEnvironmentException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    InvalidEnvironmentException(List<String> problems) {
      super("the executor environment is incomplete (is this process started by a Mesos agent?):\n  "
          + String.join("\n  ", problems));
    }
  }

  /**
   * Reads the variables, collecting every problem before failing.
   *
   * @throws InvalidEnvironmentException if a required variable is missing or malformed
   */
  static ExecutorEnvironment from(Map<String, String> env) {
    List<String> problems = new ArrayList<>();
    String framework = required(env, "MESOS_FRAMEWORK_ID", problems);
    String executor = required(env, "MESOS_EXECUTOR_ID", problems);
    String endpoint = required(env, "MESOS_AGENT_ENDPOINT", problems);
    String sandbox = present(env.get("MESOS_SANDBOX")) ? env.get("MESOS_SANDBOX") : env.get("MESOS_DIRECTORY");
    if (!present(sandbox)) {
      problems.add("MESOS_SANDBOX is not set (the task's working directory)");
    }
    String host = null;
    int port = 0;
    if (endpoint != null) {
      int colon = endpoint.lastIndexOf(':');
      try {
        host = endpoint.substring(0, colon).replace("[", "").replace("]", "");
        port = Integer.parseInt(endpoint.substring(colon + 1));
        if (host.isEmpty() || port <= 0 || port > 65535) {
          throw new IllegalArgumentException();
        }
      } catch (RuntimeException e) {
        problems.add("MESOS_AGENT_ENDPOINT must be ip:port without a scheme, e.g. 127.0.0.1:5051; got '" + endpoint + "'");
      }
    }
    Duration grace = DEFAULT_SHUTDOWN_GRACE_PERIOD;
    String graceText = env.get("MESOS_EXECUTOR_SHUTDOWN_GRACE_PERIOD");
    if (present(graceText)) {
      try {
        grace = StoutDuration.parse(graceText);
      } catch (IllegalArgumentException e) {
        problems.add("MESOS_EXECUTOR_SHUTDOWN_GRACE_PERIOD: " + e.getMessage());
      }
    }
    GracefulShutdown.Waits defaults = GracefulShutdown.Waits.DEFAULTS;
    GracefulShutdown.Waits waits = new GracefulShutdown.Waits(
        duration(env, "BOREALIS_GRACEFUL_SHUTDOWN_WAIT", defaults.graceful(), problems),
        duration(env, "BOREALIS_SHUTDOWN_WAIT", defaults.shutdown(), problems));
    Recovery recovery = new Recovery(
        duration(env, "MESOS_RECOVERY_TIMEOUT", Recovery.DEFAULTS.timeout(), problems),
        duration(env, "MESOS_SUBSCRIPTION_BACKOFF_MAX", Recovery.DEFAULTS.backoffMax(), problems));
    if (!problems.isEmpty()) {
      throw new InvalidEnvironmentException(problems);
    }
    String token = env.get("MESOS_EXECUTOR_AUTHENTICATION_TOKEN");
    return new ExecutorEnvironment(FrameworkId.of(framework), ExecutorId.of(executor), host, port, Path.of(sandbox),
        grace, "1".equals(env.get("MESOS_CHECKPOINT")), recovery, present(token) ? token : null, waits);
  }

  private static Duration duration(Map<String, String> env, String name, Duration absent, List<String> problems) {
    String text = env.get(name);
    if (!present(text)) {
      return absent;
    }
    try {
      return StoutDuration.parse(text);
    } catch (IllegalArgumentException e) {
      problems.add(name + ": " + e.getMessage());
      return absent;
    }
  }

  private static String required(Map<String, String> env, String name, List<String> problems) {
    String value = env.get(name);
    if (!present(value)) {
      problems.add(name + " is not set");
      return null;
    }
    return value;
  }

  private static boolean present(String value) {
    return value != null && !value.isBlank();
  }
}
