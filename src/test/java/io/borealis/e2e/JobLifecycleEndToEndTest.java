package io.borealis.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.borealis.testing.SseCollector;
import io.borealis.testing.TestCluster;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The walking skeleton through every real part: CLI → JSON API → state → placement → Mesos v1 API →
 * dev-cluster master → agent → executor process → bash, and back through status updates and SSE.
 */
class JobLifecycleEndToEndTest {
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final String KEY = "devcluster/www-data/prod/sleeper";

  @TempDir
  Path dir;

  private TestCluster cluster;

  @BeforeEach
  void startCluster() throws Exception {
    cluster = TestCluster.start(dir);
  }

  @AfterEach
  void stopCluster() throws Exception {
    cluster.close();
  }

  private Path jobFile() throws IOException {
    // Each process records its pid in its sandbox, then becomes a long-running sleep.
    String job = """
        {"cluster": "devcluster", "role": "www-data", "environment": "prod", "name": "sleeper",
         "instances": 3, "service": true,
         "task": {"processes": [{"name": "sleeper", "cmdline": "echo $$ > sleeper.pid; exec sleep 600"}],
                  "resources": {"cpu": 0.5, "ram": 33554432, "disk": 33554432}}}
        """;
    return Files.writeString(dir.resolve("sleeper.json"), job);
  }

  @Test
  void createsRunsAndKillsRealProcesses() throws Exception {
    try (SseCollector sse = SseCollector.connect(cluster.vertx(), cluster.url() + "/api/v1/events?job=sleeper")) {
      var created = cluster.cli("job", "create", KEY, jobFile().toString());
      assertThat(created.exitCode()).as(created.err()).isZero();
      assertThat(created.out()).contains("Job url: " + cluster.url() + "/scheduler/www-data/prod/sleeper")
          .contains("3 tasks pending");

      sse.await(events -> runningTasks(events).size() == 3, WAIT, "three tasks RUNNING on the event stream");
      JsonObject job = cluster.getJson("/api/v1/jobs/" + KEY);
      JsonArray active = job.getJsonArray("active_tasks");
      assertThat(active).hasSize(3);
      assertThat(active.stream().map(t -> ((JsonObject) t).getString("state"))).containsOnly("RUNNING");
      assertThat(active.stream().map(t -> ((JsonObject) t).getString("host"))).containsOnly("localhost");

      var status = cluster.cli("job", "status", KEY);
      assertThat(status.out()).contains("3 active").containsPattern("(?m)^1\\s+RUNNING\\s+localhost");

      Map<String, Long> pids = processIds(active);
      assertThat(pids).hasSize(3).allSatisfy((task, pid) -> assertThat(isAlive(pid)).isTrue());
      String victim = taskOfInstance(active, 1);

      var killed = cluster.cli("job", "kill", KEY + "/1");
      assertThat(killed.exitCode()).as(killed.err()).isZero();
      assertThat(killed.out()).contains("Killed instances 1 of " + KEY);

      List<SseCollector.Event> events = sse.await(evts -> statesOf(evts, victim).contains("KILLED"), WAIT, "instance 1 KILLED");
      assertThat(statesOf(events, victim)).containsSubsequence("PENDING", "ASSIGNED", "STARTING", "RUNNING", "KILLING", "KILLED");
      assertThat(isAlive(pids.get(victim))).as("the killed instance's process is gone").isFalse();
      pids.entrySet().stream().filter(e -> !e.getKey().equals(victim))
          .forEach(e -> assertThat(isAlive(e.getValue())).as("other instances keep running").isTrue());

      JsonObject after = cluster.getJson("/api/v1/jobs/" + KEY);
      assertThat(after.getJsonArray("active_tasks")).hasSize(2);
      assertThat(after.getJsonArray("completed_tasks")).singleElement()
          .satisfies(t -> assertThat(((JsonObject) t).getString("state")).isEqualTo("KILLED"));
      assertThat(sse.snapshot()).extracting(SseCollector.Event::id).isSorted().doesNotHaveDuplicates();
    }
  }

  @Test
  void killingTheJobKillsEveryInstanceAndLeavesItsHistory() throws Exception {
    assertThat(cluster.cli("job", "create", KEY, jobFile().toString(), "--wait-until", "RUNNING").exitCode()).isZero();
    Map<String, Long> pids = processIds(cluster.getJson("/api/v1/jobs/" + KEY).getJsonArray("active_tasks"));

    var killed = cluster.cli("job", "kill", KEY);
    assertThat(killed.exitCode()).as(killed.err()).isZero();

    JsonObject job = cluster.getJson("/api/v1/jobs/" + KEY);
    assertThat(job.getInteger("_status")).isEqualTo(200);
    assertThat(job.getJsonArray("active_tasks")).isEmpty();
    assertThat(job.getJsonArray("completed_tasks")).hasSize(3);
    assertThat(pids.values()).allSatisfy(pid -> assertThat(isAlive(pid)).isFalse());
    assertThat(cluster.cli("job", "list", "devcluster/www-data").out()).contains(KEY + " KILLED=3");
  }

  @Test
  void rollingRestartReplacesEachChosenInstanceWithAFreshProcess() throws Exception {
    assertThat(cluster.cli("job", "create", KEY, jobFile().toString(), "--wait-until", "RUNNING").exitCode()).isZero();
    JsonArray before = cluster.getJson("/api/v1/jobs/" + KEY).getJsonArray("active_tasks");
    Map<String, Long> oldPids = processIds(before);

    try (SseCollector sse = SseCollector.connect(cluster.vertx(), cluster.url() + "/api/v1/events?job=sleeper")) {
      var restarted = cluster.cli("job", "restart", KEY + "/0-1", "--batch-size", "1", "--watch-secs", "0");
      assertThat(restarted.exitCode()).as(restarted.err()).isZero();
      assertThat(restarted.out()).contains("Restarting instances 0 of", "Restarting instances 1 of", "Restarted instances 0-1 of");

      JsonArray after = cluster.getJson("/api/v1/jobs/" + KEY).getJsonArray("active_tasks");
      assertThat(after).hasSize(3);
      for (int instance : new int[] {0, 1}) {
        String old = taskOfInstance(before, instance);
        String fresh = taskOfInstance(after, instance);
        assertThat(fresh).isNotEqualTo(old);
        assertThat(statesOf(sse.snapshot(), old)).containsSubsequence("RESTARTING", "KILLED");
        assertThat(isAlive(oldPids.get(old))).isFalse();
        JsonObject replacement = cluster.getJson("/api/v1/tasks/" + fresh);
        assertThat(replacement.getString("ancestor_id")).isEqualTo(old);
        assertThat(replacement.getString("state")).isEqualTo("RUNNING");
      }
      assertThat(taskOfInstance(after, 2)).isEqualTo(taskOfInstance(before, 2));
      assertThat(isAlive(oldPids.get(taskOfInstance(before, 2)))).isTrue();
    }
  }

  @Test
  void rejectsABadJobWithEveryProblemAndItsPath() throws Exception {
    var response = cluster.send("POST", "/api/v1/jobs",
        "{\"cluster\": \"devcluster\", \"role\": \"www-data\", \"environment\": \"prod\", \"name\": \"bad\", \"instances\": 0,"
            + " \"task\": {\"processes\": [], \"resources\": {\"cpu\": 1, \"ram\": 1, \"disk\": 1048576}}}");
    assertThat(response.statusCode()).isEqualTo(400);
    JsonObject error = new JsonObject(response.body()).getJsonObject("error");
    assertThat(error.getJsonArray("details").stream().map(d -> ((JsonObject) d).getString("path")))
        .contains("$.instances", "$.task.processes", "$.task.resources.ram");
    assertThat(response.body()).doesNotContain("Exception").doesNotContain("\tat ");

    var cli = cluster.cli("job", "status", "devcluster/www-data/prod/missing");
    assertThat(cli.exitCode()).isEqualTo(1);
    assertThat(cli.err()).contains("no job devcluster/www-data/prod/missing");
  }

  private static Set<String> runningTasks(List<SseCollector.Event> events) {
    return events.stream().filter(e -> "RUNNING".equals(e.data().getString("state")))
        .map(e -> e.data().getString("task_id")).collect(Collectors.toSet());
  }

  private static List<String> statesOf(List<SseCollector.Event> events, String taskId) {
    return events.stream().filter(e -> taskId.equals(e.data().getString("task_id"))).map(e -> e.data().getString("state")).toList();
  }

  private static String taskOfInstance(JsonArray tasks, int instance) {
    return tasks.stream().map(t -> (JsonObject) t).filter(t -> t.getInteger("instance") == instance)
        .map(t -> t.getString("task_id")).findFirst().orElseThrow();
  }

  /** Each task's process id, read from the pid file its process wrote in its sandbox. */
  private Map<String, Long> processIds(JsonArray tasks) throws IOException {
    Map<String, Long> pids = new HashMap<>();
    for (Object item : tasks) {
      String taskId = ((JsonObject) item).getString("task_id");
      try (Stream<Path> files = Files.walk(cluster.workDir())) {
        Path pidFile = files.filter(p -> p.getFileName().toString().equals("sleeper.pid") && p.toString().contains(taskId))
            .findFirst().orElseThrow(() -> new AssertionError("no pid file in the sandbox of " + taskId));
        pids.put(taskId, Long.parseLong(Files.readString(pidFile).trim()));
      }
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
