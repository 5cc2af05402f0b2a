package io.borealis.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.borealis.testing.TestCluster;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * On a full one-agent dev cluster, a production task that waited past the preemption delay stops the
 * largest non-production task it needs, says so in the victim's history, and runs; the victim's
 * replacement waits and preempts nothing.
 */
class PreemptionEndToEndTest {
  @TempDir
  Path dir;

  private static String job(String name, int instances, double cpu, boolean production) {
    return """
        {"cluster": "devcluster", "role": "www-data", "environment": "prod", "name": "%s", "instances": %d, "service": true,
         "production": %s,
         "task": {"processes": [{"name": "p", "cmdline": "exec sleep 600"}],
                  "resources": {"cpu": %s, "ram": 33554432, "disk": 33554432}}}
        """.formatted(name, instances, production, cpu);
  }

  @Test
  void aWaitingProductionTaskPreemptsTheLargestNonProductionTask() throws Exception {
    try (TestCluster cluster = TestCluster.start(dir, options -> options.withPreemptionDelay(Duration.ofSeconds(1)))) {
      // 8 cpus: fillers take 2.25 + 0.25 of executor each, 7.5 in all.
      assertThat(cluster.send("POST", "/api/v1/jobs", job("filler", 3, 2.25, false)).statusCode()).isEqualTo(201);
      cluster.awaitJob("devcluster/www-data/prod/filler", j -> tasks(j, "RUNNING").count() == 3);
      assertThat(cluster.send("PUT", "/api/v1/quotas/www-data", "{\"cpu\": 10, \"ram\": 1073741824, \"disk\": 1073741824}")
          .statusCode()).isEqualTo(200);

      assertThat(cluster.send("POST", "/api/v1/jobs", job("urgent", 1, 2, true)).statusCode()).isEqualTo(201);
      JsonObject urgent = cluster.awaitJob("devcluster/www-data/prod/urgent", j -> tasks(j, "RUNNING").count() == 1);
      assertThat(tasks(urgent, "RUNNING")).hasSize(1);
      String preemptor = tasks(urgent, "RUNNING").findFirst().orElseThrow().getString("task_id");

      JsonObject filler = cluster.awaitJob("devcluster/www-data/prod/filler",
          j -> j.getJsonArray("completed_tasks").size() == 1 && tasks(j, "PENDING").count() == 1);
      JsonObject victim = filler.getJsonArray("completed_tasks").getJsonObject(0);
      assertThat(victim.getString("state")).isEqualTo("KILLED");
      assertThat(victim.getJsonArray("events").encode()).contains("PREEMPTING").contains("Preempted by " + preemptor);
      assertThat(tasks(filler, "RUNNING")).as("only as many victims as needed").hasSize(2);

      // The victim's replacement is not production: it waits, and stops nothing.
      JsonObject later = cluster.awaitJob("devcluster/www-data/prod/filler",
          j -> tasks(j, "PENDING").anyMatch(t -> t.getString("pending_reason") != null));
      assertThat(tasks(later, "PENDING").findFirst().orElseThrow().getString("pending_reason")).contains("Insufficient: cpus");
      assertThat(tasks(cluster.getJson("/api/v1/jobs/devcluster/www-data/prod/urgent"), "RUNNING")).hasSize(1);
      assertThat(later.getJsonArray("completed_tasks")).hasSize(1);
    }
  }

  private static Stream<JsonObject> tasks(JsonObject job, String state) {
    return job.getJsonArray("active_tasks").stream().map(t -> (JsonObject) t).filter(t -> t.getString("state").equals(state));
  }
}
