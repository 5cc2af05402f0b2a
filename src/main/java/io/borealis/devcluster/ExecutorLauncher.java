package io.borealis.devcluster;

import io.borealis.mesos.wire.AgentId;
import io.borealis.mesos.wire.CommandInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Map;

/**
 * Starts a custom executor the way a Mesos agent does: {@code /bin/sh -c <command>} in a fresh
 * sandbox, with the standard executor environment and its output in the sandbox's {@code stdout} and
 * {@code stderr}. Blocking (directory creation, fork/exec): call it from a worker thread.
 */
final class ExecutorLauncher {
  private ExecutorLauncher() {}

  static Process launch(ExecutorRun run, AgentId agentId, String agentEndpoint, AgentVerticle.AgentSettings settings)
      throws IOException {
    Files.createDirectories(run.sandbox);
    CommandInfo command = run.info.command();
    ProcessBuilder builder = Boolean.FALSE.equals(command.shell()) && command.arguments() != null
        ? new ProcessBuilder(command.arguments())
        : new ProcessBuilder("/bin/sh", "-c", command.value());
    Map<String, String> env = builder.environment();
    env.put("MESOS_FRAMEWORK_ID", run.framework.id().value());
    env.put("MESOS_EXECUTOR_ID", run.info.executorId().value());
    env.put("MESOS_AGENT_ENDPOINT", agentEndpoint);
    env.put("MESOS_SLAVE_ID", agentId.value());
    env.put("MESOS_SLAVE_PID", "slave(1)@" + agentEndpoint);
    env.put("MESOS_DIRECTORY", run.sandbox.toString());
    env.put("MESOS_SANDBOX", run.sandbox.toString());
    env.put("MESOS_HTTP_COMMAND_EXECUTOR", "0");
    env.put("MESOS_EXECUTOR_SHUTDOWN_GRACE_PERIOD", settings.executorShutdownGrace().toMillis() + "ms");
    env.put("MESOS_CHECKPOINT", run.checkpointed() ? "1" : "0");
    if (run.checkpointed()) {
      // Only then does the executor outlive a lost connection: how long it keeps trying, and how often.
      env.put("MESOS_RECOVERY_TIMEOUT", settings.recoveryTimeout().toMillis() + "ms");
      env.put("MESOS_SUBSCRIPTION_BACKOFF_MAX", settings.executorReregistrationTimeout().toMillis() + "ms");
    }
    for (CommandInfo.Variable variable : command.variables()) {
      env.put(variable.name(), variable.value());
    }
    return builder.directory(run.sandbox.toFile())
        .redirectOutput(run.sandbox.resolve("stdout").toFile())
        .redirectError(run.sandbox.resolve("stderr").toFile())
        .start();
  }
}
