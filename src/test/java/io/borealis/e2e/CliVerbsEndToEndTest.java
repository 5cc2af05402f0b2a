package io.borealis.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.borealis.testing.TestCluster;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The newer verbs against a real scheduler with real executors: {@code job add}, {@code job diff},
 * {@code job open}, {@code sla}, {@code --json}, progress lines, and {@code .aurora} configs posted
 * to the API as text. One cluster for the class; each test uses its own job.
 */
class CliVerbsEndToEndTest {
  @TempDir
  static Path dir;

  private static TestCluster cluster;

  @BeforeAll
  static void start() throws Exception {
    cluster = TestCluster.start(dir);
  }

  @AfterAll
  static void stop() throws Exception {
    cluster.close();
  }

  private static Path sleeperFile(String name, int instances) throws IOException {
    String job = """
        {"cluster": "devcluster", "role": "www-data", "environment": "prod", "name": "%s",
         "instances": %d, "service": true,
         "task": {"processes": [{"name": "sleeper", "cmdline": "exec sleep 600"}],
                  "resources": {"cpu": 0.25, "ram": 16777216, "disk": 16777216}}}
        """.formatted(name, instances);
    return Files.writeString(dir.resolve(name + ".json"), job);
  }

  @Test
  void addDiffSlaAndJsonOnARunningJob() throws Exception {
    String key = "devcluster/www-data/prod/grower";
    Path file = sleeperFile("grower", 2);
    var created = cluster.cli("job", "create", key, file.toString(), "--wait-until", "RUNNING");
    assertThat(created.exitCode()).as(created.err()).isZero();
    assertThat(created.out()).contains("2/2 instances RUNNING", "All instances of " + key + " are RUNNING");

    var same = cluster.cli("job", "diff", key, file.toString());
    assertThat(same.exitCode()).as(same.err()).isZero();
    assertThat(same.out()).isEqualTo("No differences between " + key + " (running) and " + file + "\n");

    var added = cluster.cli("job", "add", key + "/0", "2");
    assertThat(added.exitCode()).as(added.err()).isZero();
    assertThat(added.out()).isEqualTo("Added instances 2-3 to " + key + " (copies of instance 0)\n");
    JsonObject job = cluster.awaitJob(key, j -> states(j).equals("RUNNING,RUNNING,RUNNING,RUNNING"));
    assertThat(states(job)).isEqualTo("RUNNING,RUNNING,RUNNING,RUNNING");
    assertThat(job.getInteger("instances")).isEqualTo(4);
    String copy = job.getJsonArray("active_tasks").stream().map(t -> (JsonObject) t).filter(t -> t.getInteger("instance") == 3)
        .findFirst().orElseThrow().getString("task_id");
    assertThat(cluster.getJson("/api/v1/tasks/" + copy).getJsonObject("config").getJsonObject("task").encode())
        .contains("exec sleep 600");

    var changed = cluster.cli("job", "diff", key, file.toString());
    assertThat(changed.exitCode()).isZero();
    assertThat(changed.out()).isEqualTo("--- " + key + " (running)\n+++ " + file + "\n- instances: 4\n+ instances: 2\n");

    var upCount = cluster.cli("sla", "get-task-up-count", "--durations", "0s,7d", key);
    assertThat(upCount.exitCode()).as(upCount.err()).isZero();
    assertThat(upCount.out()).isEqualTo("0 secs\t- 100.00 %\n7 days\t- 0.00 %\n");
    var uptime = cluster.cli("sla", "get-job-uptime", key);
    assertThat(uptime.out().lines()).hasSize(9).first().asString().matches("99\\.0 percentile\t- \\d+ seconds");

    JsonObject status = new JsonObject(cluster.cli("job", "status", "--json", key).out());
    assertThat(status.getJsonArray("active_tasks")).hasSize(4);
    JsonArray listed = new JsonObject(cluster.cli("job", "list", "--json", "devcluster/www-data/prod").out()).getJsonArray("jobs");
    assertThat(listed.stream().map(j -> ((JsonObject) j).getString("key"))).contains(key);

    var killed = cluster.cli("job", "killall", key);
    assertThat(killed.exitCode()).as(killed.err()).isZero();
    assertThat(killed.out()).contains("4/4 tasks killed", "Killed all instances of " + key);
  }

  @Test
  void openPrintsTheJobsPageOnThisScheduler() {
    var open = cluster.cli("job", "open", "devcluster/www-data/prod/anything");
    assertThat(open.exitCode()).isZero();
    assertThat(open.out()).isEqualTo(cluster.url() + "/scheduler/www-data/prod/anything\n");
  }

  @Test
  void addingFromAnInstanceWithoutAnActiveTaskFails() throws Exception {
    var missing = cluster.cli("job", "add", "devcluster/www-data/prod/nothing/0", "1");
    assertThat(missing.exitCode()).isEqualTo(1);
    assertThat(missing.err()).contains("no active job devcluster/www-data/prod/nothing");

    var bad = cluster.send("POST", "/api/v1/jobs/devcluster/www-data/prod/nothing/instances", "{\"count\": 0}");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(new JsonObject(bad.body()).getJsonObject("error").getJsonArray("details").encode())
        .contains("$.from_instance", "is required", "$.count", "must be at least 1, not 0");
  }

  private static final String AURORA = """
      import getpass
      hello = Process(name = 'hello', cmdline = 'echo {{greeting}}')
      task = Task(processes = [hello], resources = Resources(cpu = 100, ram = 16*MB, disk = 16*MB))
      base = Service(cluster = 'devcluster', role = getpass.getuser(), environment = 'prod', task = task)
      jobs = [base(name = 'posted'), base(name = 'other')]
      """;

  @Test
  void createsAJobFromAuroraTextPostedToTheApi() throws Exception {
    // cpu 100 does not fit the agent, so the job stays PENDING and no executor starts
    String query = "?key=" + encode("devcluster/alice/prod/posted") + "&bind=" + encode("greeting=hi there") + "&user=alice";
    var created = cluster.send("POST", "/api/v1/jobs" + query, AURORA, "text/x-aurora");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    assertThat(new JsonObject(created.body()).getString("key")).isEqualTo("devcluster/alice/prod/posted");

    JsonObject job = cluster.getJson("/api/v1/jobs/devcluster/alice/prod/posted");
    assertThat(job.getJsonObject("config").encode()).contains("echo hi there");
    assertThat(job.getJsonArray("active_tasks")).hasSize(1);
  }

  @Test
  void auroraTextThatDoesNotLoadAnswers400WithLineAndColumn() throws Exception {
    var broken = cluster.send("POST", "/api/v1/jobs?format=aurora", "x = 1\ny = undefined_name + 1\n", "text/plain");
    assertThat(broken.statusCode()).isEqualTo(400);
    JsonObject error = new JsonObject(broken.body()).getJsonObject("error");
    assertThat(error.getString("message")).contains("does not load");
    assertThat(error.getJsonArray("details").getJsonObject(0).getString("path")).startsWith("job.aurora:2:");
    assertThat(broken.body()).doesNotContain("Exception");

    var ambiguous = cluster.send("POST", "/api/v1/jobs?user=alice", AURORA, "text/x-aurora");
    assertThat(ambiguous.statusCode()).isEqualTo(400);
    assertThat(ambiguous.body()).contains("choose one with ?key=", "devcluster/alice/prod/other");

    var include = cluster.send("POST", "/api/v1/jobs", "include('other.aurora')\n", "text/x-aurora");
    assertThat(include.statusCode()).isEqualTo(400);
    assertThat(include.body()).contains("include() is not available");
  }

  private static String states(JsonObject job) {
    return job.getJsonArray("active_tasks").stream().map(t -> ((JsonObject) t).getString("state")).sorted()
        .collect(Collectors.joining(","));
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
