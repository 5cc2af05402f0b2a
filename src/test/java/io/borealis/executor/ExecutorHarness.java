package io.borealis.executor;

import static org.assertj.core.api.Assertions.assertThat;

import io.borealis.mesos.wire.TaskId;
import io.borealis.mesos.wire.TaskStatus;
import io.borealis.mesos.wire.Uuids;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the real executor program as its own JVM against a {@link FakeExecutorAgent}, with the
 * environment an agent gives it, for the tests that need real processes.
 */
final class ExecutorHarness {
  static final Duration TIMEOUT = Duration.ofSeconds(30);

  private ExecutorHarness() {}

  /** {@code java ... ExecutorMain}, inheriting no MESOS_ or BOREALIS_ variable from the test JVM. */
  static ProcessBuilder command() {
    ProcessBuilder builder = new ProcessBuilder(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        // Small and quick to start: the machine running the tests may have two cores.
        "-Xmx64m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
        "-cp", System.getProperty("java.class.path"),
        "io.borealis.executor.ExecutorMain");
    builder.environment().keySet().removeIf(name -> name.startsWith("MESOS_") || name.startsWith("BOREALIS_"));
    return builder;
  }

  /** Starts the executor for {@code agent} (already started) in {@code sandbox}, output in its stdout/stderr files. */
  static Process start(FakeExecutorAgent agent, Path sandbox, Map<String, String> extraEnvironment) throws IOException {
    ProcessBuilder builder = command()
        .redirectOutput(sandbox.resolve("stdout").toFile())
        .redirectError(sandbox.resolve("stderr").toFile());
    Map<String, String> env = builder.environment();
    env.put("MESOS_FRAMEWORK_ID", FakeExecutorAgent.FRAMEWORK_ID);
    env.put("MESOS_EXECUTOR_ID", FakeExecutorAgent.EXECUTOR_ID);
    env.put("MESOS_AGENT_ENDPOINT", "127.0.0.1:" + agent.port());
    env.put("MESOS_SANDBOX", sandbox.toString());
    env.put("MESOS_DIRECTORY", sandbox.toString());
    env.put("MESOS_CHECKPOINT", "0");
    env.put("MESOS_EXECUTOR_SHUTDOWN_GRACE_PERIOD", "3secs");
    env.putAll(extraEnvironment);
    return builder.start();
  }

  /** The next status update the agent received, checked for what every executor update must carry. */
  static TaskStatus nextUpdate(FakeExecutorAgent agent, TaskId task) throws InterruptedException {
    TaskStatus status = agent.updates.poll(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    assertThat(status).as("an update within " + TIMEOUT).isNotNull();
    assertThat(status.taskId()).isEqualTo(task);
    assertThat(status.executorId().value()).isEqualTo(FakeExecutorAgent.EXECUTOR_ID);
    assertThat(status.source()).isEqualTo(TaskStatus.Source.SOURCE_EXECUTOR);
    assertThat(Uuids.isValid(status.uuid())).isTrue();
    assertThat(status.timestamp()).isCloseTo(System.currentTimeMillis() / 1000.0, org.assertj.core.data.Offset.offset(60.0));
    return status;
  }

  static void assertExitsWith(Process executor, int code) throws Exception {
    Process exited = executor.onExit().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    assertThat(exited.exitValue()).isEqualTo(code);
  }

  /** Kills whatever is left of the executor, shows its log, and stops the agent. */
  static void stop(Process executor, FakeExecutorAgent agent, Path sandbox) throws Exception {
    if (executor != null && executor.isAlive()) {
      executor.descendants().forEach(ProcessHandle::destroyForcibly);
      executor.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
    if (executor != null && Files.exists(sandbox.resolve("stderr"))) {
      System.out.println("--- executor stderr ---\n" + Files.readString(sandbox.resolve("stderr")));
    }
    if (agent != null) {
      agent.close();
    }
  }
}
