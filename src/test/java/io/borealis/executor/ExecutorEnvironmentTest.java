package io.borealis.executor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.borealis.executor.ExecutorEnvironment.InvalidEnvironmentException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExecutorEnvironmentTest {
  private static Map<String, String> complete() {
    Map<String, String> env = new HashMap<>();
    env.put("MESOS_FRAMEWORK_ID", "fw-1");
    env.put("MESOS_EXECUTOR_ID", "ex-1");
    env.put("MESOS_AGENT_ENDPOINT", "127.0.0.1:5051");
    env.put("MESOS_SANDBOX", "/tmp/sandbox");
    env.put("MESOS_CHECKPOINT", "0");
    return env;
  }

  @Test
  void readsTheAgentsVariablesWithDefaults() {
    ExecutorEnvironment env = ExecutorEnvironment.from(complete());

    assertThat(env.frameworkId().value()).isEqualTo("fw-1");
    assertThat(env.executorId().value()).isEqualTo("ex-1");
    assertThat(env.agentHost()).isEqualTo("127.0.0.1");
    assertThat(env.agentPort()).isEqualTo(5051);
    assertThat(env.sandbox()).isEqualTo(Path.of("/tmp/sandbox"));
    assertThat(env.shutdownGracePeriod()).isEqualTo(Duration.ofSeconds(5));
    assertThat(env.checkpoint()).isFalse();
    assertThat(env.recovery()).isEqualTo(new ExecutorEnvironment.Recovery(Duration.ofMinutes(15), Duration.ofSeconds(2)));
  }

  @Test
  void readsTheRecoveryTimingsACheckpointingAgentPasses() {
    Map<String, String> vars = complete();
    vars.put("MESOS_CHECKPOINT", "1");
    vars.put("MESOS_RECOVERY_TIMEOUT", "3mins");
    vars.put("MESOS_SUBSCRIPTION_BACKOFF_MAX", "500ms");
    ExecutorEnvironment env = ExecutorEnvironment.from(vars);
    assertThat(env.checkpoint()).isTrue();
    assertThat(env.recovery()).isEqualTo(new ExecutorEnvironment.Recovery(Duration.ofMinutes(3), Duration.ofMillis(500)));
  }

  @Test
  void readsTheGracePeriodInStoutForm() {
    Map<String, String> vars = complete();
    vars.put("MESOS_EXECUTOR_SHUTDOWN_GRACE_PERIOD", "1.5secs");
    assertThat(ExecutorEnvironment.from(vars).shutdownGracePeriod()).isEqualTo(Duration.ofMillis(1500));
  }

  @Test
  void listsEveryProblemAtOnce() {
    Map<String, String> vars = complete();
    vars.remove("MESOS_FRAMEWORK_ID");
    vars.remove("MESOS_SANDBOX");
    vars.put("MESOS_AGENT_ENDPOINT", "http://localhost");
    vars.put("MESOS_EXECUTOR_SHUTDOWN_GRACE_PERIOD", "5s");

    assertThatThrownBy(() -> ExecutorEnvironment.from(vars))
        .isInstanceOf(InvalidEnvironmentException.class)
        .hasMessageContaining("MESOS_FRAMEWORK_ID is not set")
        .hasMessageContaining("MESOS_SANDBOX is not set")
        .hasMessageContaining("MESOS_AGENT_ENDPOINT must be ip:port")
        .hasMessageContaining("MESOS_EXECUTOR_SHUTDOWN_GRACE_PERIOD");
  }

  @Test
  void readsTheLifecycleWaitsDefaultingToAurorasFiveSeconds() {
    assertThat(ExecutorEnvironment.from(complete()).lifecycleWaits()).isEqualTo(GracefulShutdown.Waits.DEFAULTS);
    Map<String, String> vars = complete();
    vars.put("BOREALIS_GRACEFUL_SHUTDOWN_WAIT", "300ms");
    vars.put("BOREALIS_SHUTDOWN_WAIT", "1.5secs");

    assertThat(ExecutorEnvironment.from(vars).lifecycleWaits())
        .isEqualTo(new GracefulShutdown.Waits(Duration.ofMillis(300), Duration.ofMillis(1500)));
    vars.put("BOREALIS_SHUTDOWN_WAIT", "soon");
    assertThatThrownBy(() -> ExecutorEnvironment.from(vars)).hasMessageContaining("BOREALIS_SHUTDOWN_WAIT");
  }
}
