package io.borealis.e2e;

import static io.borealis.testing.Eventually.within;
import static org.assertj.core.api.Assertions.assertThat;

import io.borealis.devcluster.MasterSettings;
import io.borealis.testing.TestCluster;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 5's netsplit, through the whole scheduler and real executors on a two-agent dev cluster: the
 * agent running a service's tasks is partitioned from the master. Its tasks go PARTITIONED, then LOST
 * under Aurora's default partition policy (reschedule at once), and are replaced on the other agent
 * while the old processes, cut off, keep running. When the partition heals the agent re-registers with
 * them; reconciliation tells the scheduler, which kills the tasks it has given up. In the end each
 * instance has exactly one task, running, and the old processes are gone.
 */
@Timeout(300)
class PartitionEndToEndTest {
  private static final String KEY = "devcluster/www-data/prod/netsplit";
  private static final Set<String> ACTIVE = Set.of("PENDING", "THROTTLED", "ASSIGNED", "STARTING", "RUNNING", "KILLING",
      "RESTARTING", "DRAINING", "PREEMPTING", "PARTITIONED");

  @TempDir
  Path dir;
  private TestCluster cluster;
  private final HttpClient http = HttpClient.newHttpClient();

  @AfterEach
  void stop() throws Exception {
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void tasksOfAPartitionedAgentAreReplacedAndKilledWhenItComesBack() throws Exception {
    cluster = TestCluster.startTuned(dir, List.of(TestCluster.agent("agent-a", Map.of()), TestCluster.agent("agent-b", Map.of())),
        options -> options
            .withMaster(new MasterSettings(Duration.ofSeconds(2), Duration.ofSeconds(2), true))
            .withReconciliationInterval(Duration.ofSeconds(3)));
    String job = """
        {"cluster": "devcluster", "role": "www-data", "environment": "prod", "name": "netsplit", "instances": 2,
         "service": true, "partition_policy": {"reschedule": true, "delay_secs": 0},
         "task": {"processes": [{"name": "sleeper", "cmdline": "echo $$ > sleeper.pid; exec sleep 600"}],
                  "resources": {"cpu": 0.25, "ram": 33554432, "disk": 33554432}}}
        """;
    var created = cluster.cli("job", "create", KEY, Files.writeString(dir.resolve("netsplit.json"), job).toString(),
        "--wait-until", "RUNNING");
    assertThat(created.exitCode()).as(created.err()).isZero();

    JsonArray before = cluster.getJson("/api/v1/jobs/" + KEY).getJsonArray("active_tasks");
    String cutHost = before.getJsonObject(0).getString("host");
    String otherHost = cutHost.equals("agent-a") ? "agent-b" : "agent-a";
    Map<String, Long> cutOff = processIds(before.stream().map(t -> (JsonObject) t)
        .filter(t -> t.getString("host").equals(cutHost)).map(t -> t.getString("task_id")).toList());
    assertThat(cutOff).isNotEmpty().allSatisfy((task, pid) -> assertThat(isAlive(pid)).isTrue());

    cluster.faults().partitionAgent(cutHost).toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);

    // Given up and replaced on the other agent, while the cut-off processes still run.
    within(Duration.ofSeconds(90), "the cut-off tasks LOST and replaced on " + otherHost)
        .until(() -> cutOff.keySet().stream().allMatch(task -> stateOf(task).equals("LOST")) && onlyRunningOn(otherHost));
    for (String task : cutOff.keySet()) {
      assertThat(statesOf(task)).containsSubsequence("RUNNING", "PARTITIONED", "LOST");
    }
    assertThat(cutOff).as("a partition does not stop processes").allSatisfy((task, pid) -> assertThat(isAlive(pid)).isTrue());

    cluster.faults().healAgent(cutHost).toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);

    // Back, the agent reports the old tasks running; the scheduler kills them.
    within(Duration.ofSeconds(90), "the errant old processes killed after the partition healed")
        .until(() -> cutOff.values().stream().noneMatch(PartitionEndToEndTest::isAlive));
    within(Duration.ofSeconds(30), "the master no longer runs the old tasks")
        .until(() -> masterTaskIds().stream().noneMatch(cutOff::containsKey));
    assertThat(onlyRunningOn(otherHost)).as("exactly one task per instance, running on " + otherHost).isTrue();
    assertThat(cutOff.keySet()).allSatisfy(task -> assertThat(stateOf(task)).isEqualTo("LOST"));
  }

  /** Each instance has exactly one active task, RUNNING on {@code host}. */
  private boolean onlyRunningOn(String host) {
    try {
      JsonArray active = cluster.getJson("/api/v1/jobs/" + KEY).getJsonArray("active_tasks");
      Map<Integer, List<JsonObject>> byInstance = active.stream().map(t -> (JsonObject) t)
          .filter(t -> ACTIVE.contains(t.getString("state"))).collect(Collectors.groupingBy(t -> t.getInteger("instance")));
      return byInstance.keySet().equals(Set.of(0, 1)) && byInstance.values().stream().allMatch(tasks -> tasks.size() == 1
          && tasks.get(0).getString("state").equals("RUNNING") && tasks.get(0).getString("host").equals(host));
    } catch (IOException | InterruptedException e) {
      throw new AssertionError(e);
    }
  }

  private JsonObject task(String id) {
    try {
      return cluster.getJson("/api/v1/tasks/" + id);
    } catch (IOException | InterruptedException e) {
      throw new AssertionError(e);
    }
  }

  private String stateOf(String id) {
    return task(id).getString("state");
  }

  private List<String> statesOf(String id) {
    return task(id).getJsonArray("events").stream().map(e -> ((JsonObject) e).getString("state")).toList();
  }

  private Set<String> masterTaskIds() {
    try {
      String body = http.send(HttpRequest.newBuilder(URI.create(cluster.masterUrl() + "/master/tasks")).build(),
          HttpResponse.BodyHandlers.ofString()).body();
      return new JsonObject(body).getJsonArray("tasks").stream().map(t -> ((JsonObject) t).getString("id")).collect(Collectors.toSet());
    } catch (IOException | InterruptedException e) {
      throw new AssertionError(e);
    }
  }

  /** Each task's process id, read from the pid file its process wrote in its sandbox. */
  private Map<String, Long> processIds(List<String> taskIds) throws Exception {
    Map<String, Long> pids = new HashMap<>();
    for (String taskId : taskIds) {
      String pid = within(Duration.ofSeconds(10), "a pid file in the sandbox of " + taskId).until(() -> {
        try (Stream<Path> files = Files.walk(cluster.workDir())) {
          var pidFile = files.filter(p -> p.getFileName().toString().equals("sleeper.pid") && p.toString().contains(taskId)).findFirst();
          return pidFile.isPresent() ? Files.readString(pidFile.get()).strip() : "";
        }
      }, text -> !text.isEmpty());
      pids.put(taskId, Long.parseLong(pid));
    }
    return pids;
  }

  /** Alive and not a zombie waiting to be reaped. */
  private static boolean isAlive(long pid) {
    if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
      try {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        return !stat.substring(stat.lastIndexOf(')') + 2).startsWith("Z");
      } catch (IOException gone) {
        return false;
      }
    }
    return false;
  }
}
