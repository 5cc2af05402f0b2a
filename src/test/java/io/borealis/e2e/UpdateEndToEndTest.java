package io.borealis.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.borealis.testing.TestCluster;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rolling updates on the dev cluster with real executors and processes, through the JSON API: the
 * 9-instance update whose last instance fails and is rolled back in reverse batches, a canary, and
 * the refusals (a second update of the same job, an unchanged config).
 */
class UpdateEndToEndTest {
  private static final String KEY = "devcluster/www-data/prod/web";

  @TempDir
  java.nio.file.Path dir;

  private TestCluster cluster;

  @BeforeEach
  void start() throws Exception {
    cluster = TestCluster.start(dir);
  }

  @AfterEach
  void stop() throws Exception {
    cluster.close();
  }

  private static String job(int instances, String cmdline, String updateConfig) {
    return """
        {"cluster": "devcluster", "role": "www-data", "environment": "prod", "name": "web", "instances": %d, "service": true,
         "task": {"processes": [{"name": "web", "cmdline": "%s"}], "resources": {"cpu": 0.1, "ram": 16777216, "disk": 16777216}},
         "update_config": %s}
        """.formatted(instances, cmdline, updateConfig);
  }

  private JsonObject createRunning(int instances, String cmdline) throws Exception {
    assertThat(cluster.send("POST", "/api/v1/jobs", job(instances, cmdline, "{}")).statusCode()).isEqualTo(201);
    return cluster.awaitJob(KEY, j -> running(j) == instances);
  }

  private static long running(JsonObject job) {
    return job.getJsonArray("active_tasks").stream().filter(t -> "RUNNING".equals(((JsonObject) t).getString("state"))).count();
  }

  private JsonObject startUpdate(String body, String instances) throws Exception {
    HttpResponse<String> started = cluster.send("POST", "/api/v1/updates" + (instances == null ? "" : "?instances=" + instances), body);
    assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
    return new JsonObject(started.body());
  }

  private JsonObject awaitUpdate(String id, Predicate<JsonObject> condition) throws Exception {
    long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
    JsonObject update = cluster.getJson("/api/v1/updates/" + id);
    while (!condition.test(update) && System.nanoTime() < deadline) {
      LockSupport.parkNanos(Duration.ofMillis(200).toNanos());
      update = cluster.getJson("/api/v1/updates/" + id);
    }
    return update;
  }

  private static List<Integer> instancesWith(JsonObject update, String action) {
    return update.getJsonArray("instance_events").stream().map(e -> (JsonObject) e)
        .filter(e -> action.equals(e.getString("action"))).map(e -> e.getInteger("instance")).toList();
  }

  @Test
  void aFailingLastBatchRollsBackInReverseBatches() throws Exception {
    createRunning(9, "exec sleep 600");
    String failsOnEight = "if [ {{mesos.instance}} = 8 ]; then exit 1; fi; exec sleep 601";
    JsonObject started = startUpdate(job(9, failsOnEight,
        "{\"batch_size\": 3, \"watch_secs\": 1, \"wait_for_batch_completion\": true}"), null);
    String id = started.getString("update_id");

    JsonObject done = awaitUpdate(id, u -> List.of("ROLLED_BACK", "FAILED", "ROLLED_FORWARD", "ABORTED", "ERROR")
        .contains(u.getString("status")));
    assertThat(done.getString("status")).as(done.encodePrettily()).isEqualTo("ROLLED_BACK");
    assertThat(instancesWith(done, "INSTANCE_UPDATING")).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8);
    assertThat(instancesWith(done, "INSTANCE_UPDATE_FAILED")).containsExactly(8);
    assertThat(instancesWith(done, "INSTANCE_ROLLING_BACK")).containsExactly(8, 7, 6, 5, 4, 3, 2, 1, 0);
    assertThat(instancesWith(done, "INSTANCE_ROLLED_BACK")).containsExactlyInAnyOrder(0, 1, 2, 3, 4, 5, 6, 7, 8);
    assertThat(done.getJsonArray("status_events").stream().map(e -> ((JsonObject) e).getString("status")))
        .containsExactly("ROLLING_FORWARD", "ROLLING_BACK", "ROLLED_BACK");

    JsonObject job = cluster.awaitJob(KEY, j -> running(j) == 9);
    assertThat(running(job)).isEqualTo(9);
    for (Object task : job.getJsonArray("active_tasks")) {
      JsonObject detail = cluster.getJson("/api/v1/tasks/" + ((JsonObject) task).getString("task_id"));
      assertThat(detail.getJsonObject("config").getJsonObject("task").getJsonArray("processes").getJsonObject(0).getString("cmdline"))
          .as("every instance back on the first config").isEqualTo("exec sleep 600");
    }
  }

  @Test
  void aCanaryChangesOnlyItsInstancesAndASecondUpdateIsRefused() throws Exception {
    createRunning(3, "exec sleep 600");
    JsonObject started = startUpdate(job(3, "exec sleep 602", "{\"watch_secs\": 1, \"batch_size\": 2}"), "0-1");

    HttpResponse<String> second = cluster.send("POST", "/api/v1/updates", job(3, "exec sleep 603", "{}"));
    assertThat(second.statusCode()).isEqualTo(409);
    assertThat(second.body()).contains(started.getString("update_id"));

    JsonObject done = awaitUpdate(started.getString("update_id"), u -> !u.getString("status").startsWith("ROLLING"));
    assertThat(done.getString("status")).as(done.encodePrettily()).isEqualTo("ROLLED_FORWARD");
    assertThat(instancesWith(done, "INSTANCE_UPDATED")).as("two in flight at once: either may finish first")
        .containsExactlyInAnyOrder(0, 1);

    JsonObject job = cluster.awaitJob(KEY, j -> running(j) == 3);
    for (Object task : job.getJsonArray("active_tasks")) {
      JsonObject t = (JsonObject) task;
      JsonObject detail = cluster.getJson("/api/v1/tasks/" + t.getString("task_id"));
      String cmdline = detail.getJsonObject("config").getJsonObject("task").getJsonArray("processes").getJsonObject(0)
          .getString("cmdline");
      assertThat(cmdline).as("instance " + t.getInteger("instance")).isEqualTo(t.getInteger("instance") < 2 ? "exec sleep 602"
          : "exec sleep 600");
    }

    JsonArray groups = cluster.getJson("/api/v1/jobs/" + KEY).getJsonArray("config_groups");
    assertThat(groups.stream().map(g -> ((JsonObject) g).getString("instances"))).containsExactly("0-1", "2");
    assertThat(cluster.cli("job", "status", KEY).out()).contains("Config groups (2):")
        .containsPattern("instances 0-1 .*exec sleep 602").containsPattern("instances 2 .*exec sleep 600");

    // A restart of an instance the canary did not touch brings back its own, old config.
    assertThat(cluster.send("POST", "/api/v1/jobs/" + KEY + "/restart?instances=2", "").statusCode()).isEqualTo(200);
    JsonObject restarted = cluster.awaitJob(KEY, j -> running(j) == 3 && j.getJsonArray("completed_tasks").size() >= 3);
    JsonObject instanceTwo = restarted.getJsonArray("active_tasks").stream().map(t -> (JsonObject) t)
        .filter(t -> t.getInteger("instance") == 2).findFirst().orElseThrow();
    assertThat(cluster.getJson("/api/v1/tasks/" + instanceTwo.getString("task_id")).getJsonObject("config").getJsonObject("task")
        .getJsonArray("processes").getJsonObject(0).getString("cmdline")).isEqualTo("exec sleep 600");

    HttpResponse<String> unchanged = cluster.send("POST", "/api/v1/updates?instances=0-1", job(3, "exec sleep 602", "{}"));
    assertThat(unchanged.statusCode()).isEqualTo(400);
    assertThat(unchanged.body()).contains("unchanged");
  }

  @Test
  void theCliStartsAnUpdateThatPausesAfterEachBatchAndWaitsForItsEnd() throws Exception {
    createRunning(2, "exec sleep 600");
    String autopause = "{\"watch_secs\": 1, \"update_strategy\": {\"batch\": {\"batch_size\": 1, \"autopause_after_batch\": true}}}";
    java.nio.file.Path file = java.nio.file.Files.writeString(dir.resolve("web.json"), job(2, "exec sleep 604", autopause));

    var started = cluster.cli("update", "start", KEY, file.toString());
    assertThat(started.exitCode()).as(started.err()).isZero();
    assertThat(started.out()).contains("started for " + KEY + ": 2 instance(s) to change");
    String id = started.out().split(" ")[1];

    assertThat(awaitUpdate(id, u -> "ROLL_FORWARD_PAUSED".equals(u.getString("status"))).getString("status"))
        .as("paused after the first batch").isEqualTo("ROLL_FORWARD_PAUSED");
    var resumed = cluster.cli("update", "resume", KEY);
    assertThat(resumed.exitCode()).as(resumed.err()).isZero();
    assertThat(resumed.out()).contains("is now ROLLING_FORWARD");

    var waited = cluster.cli("update", "wait", KEY, id);
    assertThat(waited.exitCode()).as(waited.out() + waited.err()).isZero();
    assertThat(waited.out()).endsWith("ROLLED_FORWARD\n");

    var info = cluster.cli("update", "info", KEY);
    assertThat(info.out()).contains("Update " + id + " of " + KEY + ": ROLLED_FORWARD")
        .containsSubsequence("ROLLING_FORWARD", "ROLL_FORWARD_PAUSED", "ROLLING_FORWARD", "ROLLED_FORWARD")
        .containsSubsequence("instance 0  INSTANCE_UPDATING", "instance 0  INSTANCE_UPDATED", "instance 1  INSTANCE_UPDATING",
            "instance 1  INSTANCE_UPDATED");
    assertThat(cluster.cli("update", "list", "devcluster/www-data").out()).contains(id + "  ROLLED_FORWARD");

    var noUpdate = cluster.cli("update", "pause", KEY);
    assertThat(noUpdate.exitCode()).isEqualTo(1);
    assertThat(noUpdate.err()).contains("job " + KEY + " has no active update");
  }

  @Test
  void killingInstancesOfAJobBeingUpdatedIsRefusedAndKillingTheJobAbortsTheUpdate() throws Exception {
    createRunning(2, "exec sleep 600");
    JsonObject started = startUpdate(job(2, "exec sleep 605", "{\"watch_secs\": 600}"), null);
    String id = started.getString("update_id");

    HttpResponse<String> partial = cluster.send("DELETE", "/api/v1/jobs/" + KEY + "?instances=1", null);
    assertThat(partial.statusCode()).isEqualTo(409);
    assertThat(partial.body()).contains("active update " + id);

    assertThat(cluster.send("DELETE", "/api/v1/jobs/" + KEY, null).statusCode()).isEqualTo(200);
    JsonObject update = cluster.getJson("/api/v1/updates/" + id);
    assertThat(update.getString("status")).isEqualTo("ABORTED");
    assertThat(cluster.awaitJob(KEY, j -> j.getJsonArray("active_tasks").isEmpty()).getJsonArray("active_tasks")).isEmpty();
  }
}
