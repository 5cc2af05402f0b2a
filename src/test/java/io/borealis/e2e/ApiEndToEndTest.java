package io.borealis.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.borealis.config.JobJson;
import io.borealis.testing.SseCollector;
import io.borealis.testing.TestCluster;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JSON API over real HTTP. The job asks for more cpus than the cluster has, so its tasks stay
 * PENDING with a reason, and no executor needs to start.
 */
class ApiEndToEndTest {
  private static final String KEY = "devcluster/batch/devel/huge";
  private static final String HUGE = """
      {"cluster": "devcluster", "role": "batch", "environment": "devel", "name": "huge", "instances": 2,
       "task": {"processes": [{"name": "p", "cmdline": "echo {{thermos.ports[http]}}"}],
                "resources": {"cpu": 100, "ram": 1048576, "disk": 1048576}}}
      """;

  @TempDir
  static Path dir;

  private static TestCluster cluster;

  @BeforeAll
  static void startAndCreate() throws Exception {
    cluster = TestCluster.start(dir);
    assertThat(cluster.send("POST", "/api/v1/jobs", HUGE).statusCode()).isEqualTo(201);
  }

  @AfterAll
  static void stop() throws Exception {
    cluster.close();
  }

  @Test
  void pendingTasksCarryTheReasonTheyCannotBePlaced() throws Exception {
    // Until the agent's first offer arrives the reason is "No offers available"; then the veto's.
    JsonObject job = awaitJob(j -> j.getJsonArray("active_tasks").stream()
        .allMatch(t -> "Insufficient: cpus".equals(((JsonObject) t).getString("pending_reason"))));
    assertThat(job.getJsonArray("active_tasks")).hasSize(2).allSatisfy(t -> {
      assertThat(((JsonObject) t).getString("state")).isEqualTo("PENDING");
      assertThat(((JsonObject) t).getString("pending_reason")).isEqualTo("Insufficient: cpus");
    });
    assertThat(cluster.cli("job", "status", KEY).out()).contains("PENDING").contains("Insufficient: cpus");
  }

  @Test
  void queriesTasksPageByPageAndOneTaskWithItsConfigAndEvents() throws Exception {
    JsonObject page = cluster.getJson("/api/v1/tasks?role=batch&state=PENDING&limit=1");
    assertThat(page.getInteger("total")).isEqualTo(2);
    assertThat(page.getJsonArray("tasks")).hasSize(1);
    JsonObject second = cluster.getJson("/api/v1/tasks?role=batch&state=PENDING&limit=1&offset=1");
    assertThat(second.getJsonArray("tasks").getJsonObject(0).getInteger("instance")).isEqualTo(1);

    String id = page.getJsonArray("tasks").getJsonObject(0).getString("task_id");
    assertThat(id).startsWith("batch-devel-huge-0-");
    JsonObject task = cluster.getJson("/api/v1/tasks/" + id);
    assertThat(task.getJsonObject("config").getJsonObject("task").getJsonObject("resources").getDouble("cpu")).isEqualTo(100.0);
    assertThat(task.getJsonArray("events").getJsonObject(0).getString("state")).isEqualTo("PENDING");

    assertThat(cluster.getJson("/api/v1/tasks/nope").getJsonObject("error").getString("code")).isEqualTo("not_found");
    assertThat(cluster.getJson("/api/v1/tasks?state=SLEEPING").getInteger("_status")).isEqualTo(400);
  }

  @Test
  void refusesDuplicatesWrongClustersAndBadInstances() throws Exception {
    var duplicate = cluster.send("POST", "/api/v1/jobs", HUGE);
    assertThat(duplicate.statusCode()).isEqualTo(409);
    assertThat(new JsonObject(duplicate.body()).getJsonObject("error").getString("message")).contains("already exists");

    var elsewhere = cluster.send("POST", "/api/v1/jobs", HUGE.replace("\"devcluster\"", "\"prod-east\""));
    assertThat(elsewhere.statusCode()).isEqualTo(400);
    assertThat(elsewhere.body()).contains("serves cluster 'devcluster'");

    var badRange = cluster.send("DELETE", "/api/v1/jobs/" + KEY + "?instances=3-1", null);
    assertThat(badRange.statusCode()).isEqualTo(400);
    assertThat(cluster.getJson("/api/v1/nothing-here").getJsonObject("error").getString("code")).isEqualTo("not_found");
    assertThat(cluster.getJson("/api/v1/cluster").getString("name")).isEqualTo("devcluster");
  }

  @Test
  void eventStreamResumesAfterTheLastEventSeen() throws Exception {
    List<SseCollector.Event> all;
    try (SseCollector first = SseCollector.connect(cluster.vertx(), cluster.url() + "/api/v1/events?role=batch&last_event_id=0")) {
      all = first.await(events -> events.size() >= 3, Duration.ofSeconds(30), "the job's first events");
    }
    long resumeAfter = all.get(0).id();
    try (SseCollector resumed = SseCollector.connect(cluster.vertx(),
        cluster.url() + "/api/v1/events?role=batch&last_event_id=" + resumeAfter)) {
      List<SseCollector.Event> replay = resumed.await(events -> events.size() >= all.size() - 1, Duration.ofSeconds(30), "the replay");
      assertThat(replay.get(0).id()).isEqualTo(all.get(1).id());
      assertThat(replay).extracting(SseCollector.Event::id).containsExactlyElementsOf(
          all.subList(1, all.size()).stream().map(SseCollector.Event::id).toList());
    }
  }

  @Test
  void metricsAreServedInPrometheusTextFormat() throws Exception {
    var response = cluster.send("GET", "/metrics", null);
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/plain"));
    assertThat(response.body())
        .contains("borealis_task_transitions_total{state=\"PENDING\"} 2.0")
        .contains("borealis_task_illegal_transitions_total")
        .contains("vertx_http_server_requests_total")
        .contains("jvm_memory_used_bytes");
  }

  @Test
  void openApiDocumentDescribesExactlyTheJobFieldsTheServerReads() throws Exception {
    JsonObject document = cluster.getJson("/api/v1/openapi.json");
    assertThat(document.getString("openapi")).isEqualTo("3.1.0");
    JsonObject job = document.getJsonObject("components").getJsonObject("schemas").getJsonObject("Job");
    assertThat(job.getJsonObject("properties").fieldNames()).containsExactlyInAnyOrderElementsOf(JobJson.JOB_FIELDS);
    assertThat(job.getJsonObject("properties").getJsonObject("instances").getInteger("maximum"))
        .as("requests are validated against the document: it must allow what the server allows")
        .isEqualTo(io.borealis.model.JobConfig.MAX_INSTANCES);
    assertThat(document.getJsonObject("paths").fieldNames()).contains("/api/v1/jobs", "/api/v1/jobs/{cluster}/{role}/{env}/{name}",
        "/api/v1/tasks", "/api/v1/tasks/{id}", "/api/v1/events");
  }

  private static JsonObject awaitJob(java.util.function.Predicate<JsonObject> condition) throws Exception {
    return cluster.awaitJob(KEY, condition);
  }

}
