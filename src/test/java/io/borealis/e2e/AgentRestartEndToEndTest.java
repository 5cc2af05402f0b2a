package io.borealis.e2e;

import static io.borealis.testing.Eventually.within;
import static org.assertj.core.api.Assertions.assertThat;

import io.borealis.testing.TestCluster;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scheduler checkpoints, as Aurora does, so a task outlives a restart of its agent: its real
 * executor keeps running, and a status update produced while the agent is down (here the task's
 * process ends then) is kept by the executor, replayed when it subscribes to the recovered agent,
 * and reaches the scheduler. An executor whose agent never comes back kills its task's processes once
 * the recovery timeout the agent gave it has passed.
 */
class AgentRestartEndToEndTest {
  private static final String KEY = "devcluster/www-data/prod/batch";

  @TempDir
  Path dir;

  @Test
  void anUpdateProducedWhileTheAgentRestartsReachesTheSchedulerOnceItIsBack() throws Exception {
    Path go = dir.resolve("go");
    try (TestCluster cluster = TestCluster.start(dir, options -> options.withAgentSettings(
        options.agentSettings().withRecovery(Duration.ofMinutes(15), Duration.ofMillis(500))))) {
      String job = """
          {"cluster": "devcluster", "role": "www-data", "environment": "prod", "name": "batch", "service": false,
           "task": {"processes": [{"name": "main", "cmdline": "while [ ! -e %s ]; do sleep 0.1; done; echo done"}],
                    "resources": {"cpu": 0.1, "ram": 16777216, "disk": 16777216}}}
          """.formatted(go);
      assertThat(cluster.send("POST", "/api/v1/jobs", job).statusCode()).isEqualTo(201);
      JsonObject running = cluster.awaitJob(KEY, j -> j.getJsonArray("active_tasks").stream()
          .anyMatch(t -> "RUNNING".equals(((JsonObject) t).getString("state"))));
      String taskId = running.getJsonArray("active_tasks").getJsonObject(0).getString("task_id");

      cluster.stopAgentKeepingExecutors(0);
      Files.createFile(go);
      // The task ends and the executor reports it with nobody to take the update.
      awaitExecutorLog(cluster, "TASK_FINISHED of task " + taskId + " waits for the next subscription");
      assertThat(stateOf(cluster, taskId)).as("the scheduler cannot know yet").isEqualTo("RUNNING");

      cluster.recoverAgent(0);

      JsonObject done = cluster.awaitJob(KEY, j -> j.getJsonArray("completed_tasks").size() == 1
          && j.getJsonArray("active_tasks").isEmpty());
      JsonObject task = done.getJsonArray("completed_tasks").getJsonObject(0);
      assertThat(task.getString("task_id")).as("the same task, not a replacement").isEqualTo(taskId);
      assertThat(task.getString("state")).isEqualTo("FINISHED");
      assertThat(cluster.getJson("/api/v1/tasks/" + taskId).getJsonArray("events").stream()
          .map(e -> ((JsonObject) e).getString("state")).toList()).doesNotContain("LOST", "FAILED", "PARTITIONED");
    }
  }

  @Test
  void anExecutorWhoseAgentNeverComesBackKillsItsProcessesAfterTheRecoveryTimeout() throws Exception {
    try (TestCluster cluster = TestCluster.start(dir, options -> options.withAgentSettings(
        options.agentSettings().withRecovery(Duration.ofSeconds(3), Duration.ofMillis(200))))) {
      String job = """
          {"cluster": "devcluster", "role": "www-data", "environment": "prod", "name": "batch", "service": false,
           "task": {"processes": [{"name": "main", "cmdline": "sleep 603 & echo $! > pid.tmp && mv pid.tmp pid; wait"}],
                    "resources": {"cpu": 0.1, "ram": 16777216, "disk": 16777216}}}
          """;
      assertThat(cluster.send("POST", "/api/v1/jobs", job).statusCode()).isEqualTo(201);
      Path pidFile = awaitFile(cluster, "pid");
      ProcessHandle sleep = ProcessHandle.of(Long.parseLong(Files.readString(pidFile).strip())).orElseThrow();
      ProcessHandle executor = executorOf(sleep);

      cluster.stopAgentKeepingExecutors(0);
      long stopped = System.nanoTime();
      assertThat(executor.onExit().get(30, java.util.concurrent.TimeUnit.SECONDS).isAlive()).isFalse();

      assertThat(Duration.ofNanos(System.nanoTime() - stopped)).as("the executor waited out the recovery timeout")
          .isGreaterThanOrEqualTo(Duration.ofSeconds(3));
      within(Duration.ofSeconds(10), "no orphan: the task's process killed").until(() -> !sleep.isAlive());
      awaitExecutorLog(cluster, "recovery timeout");
    }
  }

  /** The nearest ancestor that is a JVM: the executor running the task. */
  private static ProcessHandle executorOf(ProcessHandle process) {
    ProcessHandle at = process;
    while (!at.info().command().orElse("").endsWith("/java")) {
      at = at.parent().orElseThrow(() -> new AssertionError("no JVM above " + process.info()));
    }
    return at;
  }

  /** Waits for a file of this name in some sandbox under the agents' work directory. */
  private static Path awaitFile(TestCluster cluster, String name) {
    // A sandbox may change while it is walked; that only means looking again.
    return within(Duration.ofSeconds(30), "a file " + name + " in a sandbox")
        .ignoreExceptionsMatching(e -> e instanceof IOException || e instanceof java.io.UncheckedIOException)
        .until(() -> {
          try (Stream<Path> files = Files.walk(cluster.workDir())) {
            return files.filter(p -> p.getFileName().toString().equals(name)).findFirst();
          }
        }, java.util.Optional::isPresent).get();
  }

  private static String stateOf(TestCluster cluster, String taskId) throws Exception {
    return cluster.getJson("/api/v1/tasks/" + taskId).getString("state");
  }

  /** Waits until an executor's log (its sandbox's stderr) says {@code text}. */
  private static void awaitExecutorLog(TestCluster cluster, String text) {
    // A sandbox may change while it is walked; that only means looking again.
    within(Duration.ofSeconds(30), "an executor log saying '" + text + "'")
        .ignoreExceptionsMatching(e -> e instanceof IOException || e instanceof java.io.UncheckedIOException)
        .until(() -> {
          try (Stream<Path> files = Files.walk(cluster.workDir())) {
            for (Path log : files.filter(p -> p.getFileName().toString().equals("stderr")).toList()) {
              if (Files.readString(log).contains(text)) {
                return true;
              }
            }
            return false;
          }
        });
  }
}
