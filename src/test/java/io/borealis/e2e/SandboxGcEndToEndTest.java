package io.borealis.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.borealis.testing.TestCluster;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dev agent deletes finished sandboxes over its disk budget, and never a running task's. */
class SandboxGcEndToEndTest {
  @TempDir
  Path dir;

  private static String job(String name, int instances, String cmdline, boolean service) {
    return """
        {"cluster": "devcluster", "role": "www-data", "environment": "prod", "name": "%s", "instances": %d, "service": %s,
         "task": {"processes": [{"name": "main", "cmdline": "%s"}],
                  "resources": {"cpu": 0.1, "ram": 16777216, "disk": 16777216}}}
        """.formatted(name, instances, service, cmdline);
  }

  @Test
  void finishedSandboxesGoWhileARunningTasksStays() throws Exception {
    // A budget of no bytes at all: every finished sandbox is over it, and goes at the next collection.
    try (TestCluster cluster = TestCluster.start(dir, options -> options.withAgentSettings(
        options.agentSettings().withSandboxGc(Duration.ofDays(7), 0, Duration.ofMillis(200))))) {
      assertThat(cluster.send("POST", "/api/v1/jobs", job("server", 1, "exec sleep 600", true)).statusCode()).isEqualTo(201);
      cluster.awaitJob("devcluster/www-data/prod/server",
          j -> j.getJsonArray("active_tasks").stream().anyMatch(t -> "RUNNING".equals(((JsonObject) t).getString("state"))));
      assertThat(cluster.send("POST", "/api/v1/jobs", job("batch", 2, "echo done", false)).statusCode()).isEqualTo(201);
      cluster.awaitJob("devcluster/www-data/prod/batch", j -> j.getJsonArray("completed_tasks").size() == 2);

      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (sandboxes(cluster).size() > 1 && System.nanoTime() < deadline) {
        LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
      }
      List<Path> left = sandboxes(cluster);
      assertThat(left).as("only the running task's sandbox is left").hasSize(1);
      assertThat(left.get(0).toString()).contains("server");
    }
  }

  /** Every executor run's sandbox under the agents' work directory. */
  private static List<Path> sandboxes(TestCluster cluster) throws Exception {
    try (Stream<Path> paths = Files.walk(cluster.workDir())) {
      return paths.filter(p -> p.getParent() != null && p.getParent().getFileName().toString().equals("runs")).toList();
    }
  }
}
