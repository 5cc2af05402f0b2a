package io.borealis.e2e;

import static io.borealis.testing.Eventually.within;
import static org.assertj.core.api.Assertions.assertThat;

import io.borealis.testing.TestCluster;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A local cluster with an executor class-data archive, as {@code borealis local} runs: the archive is
 * made in the background after start, tasks launched meanwhile run without it, and executors launched
 * once it is there map it (seen in their {@code /proc/<pid>/maps}). A broken archive left from an
 * earlier run is never mapped.
 */
class ExecutorArchiveEndToEndTest {
  private static final Duration ARCHIVE_WAIT = Duration.ofSeconds(90);

  @TempDir
  Path dir;

  private TestCluster cluster;

  @AfterEach
  void stopCluster() throws Exception {
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void executorsLaunchedBeforeAndAfterTheArchiveIsMadeRunTheirTasksAndLaterOnesMapIt() throws Exception {
    Path cds = dir.resolve("cds");
    // Left by an earlier run: a truncated archive would crash any JVM that maps it.
    Files.createDirectories(cds);
    Files.write(cds.resolve("executor.jsa"), new byte[4096]);
    cluster = TestCluster.start(dir, options -> options.withExecutorArchive(cds));
    Path archive = cds.resolve("executor.jsa");

    // Launched at once, most likely before the warm-up is done; RUNNING at all means the broken archive
    // was not mapped.
    createSleeper("early");

    within(ARCHIVE_WAIT, "the archive made by the warm-up").until(() -> Files.exists(archive) && Files.size(archive) > 1_000_000);

    createSleeper("late");
    long late = executorOf("late");
    assertThat(Files.readString(Path.of("/proc/" + late + "/maps"))).contains(archive.toString());
  }

  private void createSleeper(String name) throws Exception {
    String job = """
        {"cluster": "devcluster", "role": "www-data", "environment": "prod", "name": "%s", "service": true,
         "task": {"processes": [{"name": "main", "cmdline": "exec sleep 600"}],
                  "resources": {"cpu": 0.1, "ram": 16777216, "disk": 16777216}}}
        """.formatted(name);
    var created = cluster.send("POST", "/api/v1/jobs", job);
    assertThat(created.statusCode()).as(created.body()).isBetween(200, 299);
    cluster.awaitJob("devcluster/www-data/prod/" + name, j -> {
      JsonArray tasks = j.getJsonArray("active_tasks");
      return tasks != null && tasks.size() == 1 && "RUNNING".equals(((JsonObject) tasks.getValue(0)).getString("state"));
    });
  }

  /** The pid of the executor JVM the agent started for the job's task (its environment names the executor). */
  private long executorOf(String name) throws Exception {
    String taskId = ((JsonObject) cluster.getJson("/api/v1/jobs/devcluster/www-data/prod/" + name).getJsonArray("active_tasks")
        .getValue(0)).getString("task_id");
    String executorId = "MESOS_EXECUTOR_ID=thermos-" + taskId + "\0";
    List<Long> executors = ProcessHandle.current().descendants().map(ProcessHandle::pid).filter(pid -> {
      try {
        // Its task's processes inherit that environment; the JVM is the one running the executor's main class.
        return Files.readString(Path.of("/proc/" + pid + "/environ"), java.nio.charset.StandardCharsets.ISO_8859_1)
            .contains(executorId)
            && Files.readString(Path.of("/proc/" + pid + "/cmdline"), java.nio.charset.StandardCharsets.ISO_8859_1)
            .contains("io.borealis.executor.ExecutorMain");
      } catch (Exception e) {
        return false;
      }
    }).toList();
    assertThat(executors).as("the executor of " + taskId).hasSize(1);
    return executors.get(0);
  }
}
