package io.borealis.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.borealis.testing.SseCollector;
import io.borealis.testing.TestCluster;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Constraints on a dev cluster of two agents on different racks, through the whole scheduler. */
class PlacementEndToEndTest {
  private static final Duration WAIT = Duration.ofSeconds(60);

  @TempDir
  Path dir;

  private static String job(String name, int instances, String constraints) {
    return """
        {"cluster": "devcluster", "role": "www-data", "environment": "prod", "name": "%s", "instances": %d,
         "constraints": %s,
         "task": {"processes": [{"name": "p", "cmdline": "exec sleep 600"}],
                  "resources": {"cpu": 0.5, "ram": 33554432, "disk": 33554432}}}
        """.formatted(name, instances, constraints);
  }

  @Test
  void constraintsDecideWhereTasksRunAndWhyOthersWait() throws Exception {
    List<io.borealis.devcluster.AgentSpec> agents = List.of(
        TestCluster.agent("alpha", Map.of("rack", "a")), TestCluster.agent("beta", Map.of("rack", "b")));
    try (TestCluster cluster = TestCluster.start(dir, agents);
         SseCollector sse = SseCollector.connect(cluster.vertx(), cluster.url() + "/api/v1/events?role=www-data")) {
      assertThat(cluster.send("POST", "/api/v1/jobs", job("spread", 3, "{\"host\": \"limit:1\"}")).statusCode()).isEqualTo(201);
      assertThat(cluster.send("POST", "/api/v1/jobs", job("rack-b", 1, "{\"rack\": \"b\"}")).statusCode()).isEqualTo(201);
      assertThat(cluster.send("POST", "/api/v1/jobs", job("nowhere", 1, "{\"rack\": \"z\"}")).statusCode()).isEqualTo(201);

      sse.await(events -> events.stream().filter(e -> "RUNNING".equals(e.data().getString("state"))).count() == 3, WAIT,
          "two spread instances and the rack-b task RUNNING");

      JsonObject spread = cluster.awaitJob("devcluster/www-data/prod/spread", job -> tasks(job).anyMatch(t -> t.getString("pending_reason") != null));
      assertThat(tasks(spread).filter(t -> t.getString("state").equals("RUNNING")).map(t -> t.getString("host")))
          .containsExactlyInAnyOrder("alpha", "beta");
      assertThat(tasks(spread).filter(t -> t.getString("state").equals("PENDING")).map(t -> t.getString("pending_reason")))
          .containsExactly("Limit not satisfied: host");

      JsonObject rackB = cluster.getJson("/api/v1/jobs/devcluster/www-data/prod/rack-b");
      assertThat(tasks(rackB).map(t -> t.getString("host"))).containsExactly("beta");

      JsonObject nowhere = cluster.awaitJob("devcluster/www-data/prod/nowhere", job -> tasks(job).allMatch(t -> t.getString("pending_reason") != null));
      assertThat(tasks(nowhere).map(t -> t.getString("pending_reason"))).containsExactly("Constraint not satisfied: rack");
    }
  }

  private static Stream<JsonObject> tasks(JsonObject job) {
    return job.getJsonArray("active_tasks").stream().map(t -> (JsonObject) t);
  }

}
