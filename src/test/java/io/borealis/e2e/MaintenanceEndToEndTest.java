package io.borealis.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.borealis.testing.TestCluster;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Draining a host through the CLI on a two-agent dev cluster: its tasks move, it takes none, and comes back. */
class MaintenanceEndToEndTest {
  @TempDir
  Path dir;

  private static String job(String name, int instances, double cpu) {
    return """
        {"cluster": "devcluster", "role": "www-data", "environment": "prod", "name": "%s", "instances": %d, "service": true,
         "task": {"processes": [{"name": "p", "cmdline": "exec sleep 600"}],
                  "resources": {"cpu": %s, "ram": 33554432, "disk": 33554432}}}
        """.formatted(name, instances, cpu);
  }

  @Test
  void aDrainedHostsTasksMoveAwayAndItTakesNoneUntilActivated() throws Exception {
    List<io.borealis.devcluster.AgentSpec> agents = List.of(TestCluster.agent("alpha", Map.of()), TestCluster.agent("beta", Map.of()));
    try (TestCluster cluster = TestCluster.start(dir, agents)) {
      assertThat(cluster.send("POST", "/api/v1/jobs", job("web", 2, 0.5)).statusCode()).isEqualTo(201);
      JsonObject running = cluster.awaitJob("devcluster/www-data/prod/web", j -> tasks(j, "RUNNING").count() == 2);
      String drained = tasks(running, "RUNNING").findFirst().orElseThrow().getString("host");
      String other = drained.equals("alpha") ? "beta" : "alpha";

      TestCluster.CliResult drain = cluster.cli("admin", "host", "drain", "devcluster", drained);
      assertThat(drain.exitCode()).as(drain.err()).isZero();
      assertThat(drain.out()).contains(drained).containsAnyOf("DRAINING", "DRAINED");

      JsonObject moved = cluster.awaitJob("devcluster/www-data/prod/web",
          j -> tasks(j, "RUNNING").count() == 2 && tasks(j, "RUNNING").allMatch(t -> t.getString("host").equals(other)));
      assertThat(tasks(moved, "RUNNING").map(t -> t.getString("host"))).containsOnly(other);
      assertThat(moved.getJsonArray("completed_tasks").stream().map(t -> (JsonObject) t))
          .anySatisfy(t -> assertThat(t.getJsonArray("events").encode()).contains("DRAINING").contains("Draining host " + drained));
      assertThat(cluster.cli("admin", "host", "status", "devcluster").out()).contains(drained).contains("DRAINED")
          .contains("0 active task(s)");

      // Too big for the host left: it waits, and says the drained host is why it cannot go there.
      assertThat(cluster.send("POST", "/api/v1/jobs", job("big", 1, 7.5)).statusCode()).isEqualTo(201);
      JsonObject waiting = cluster.awaitJob("devcluster/www-data/prod/big", j -> tasks(j, "PENDING")
          .anyMatch(t -> String.valueOf(t.getString("pending_reason")).contains("Host drained for maintenance")));
      assertThat(tasks(waiting, "PENDING").findFirst().orElseThrow().getString("pending_reason")).contains("Insufficient: cpus");

      TestCluster.CliResult activate = cluster.cli("admin", "host", "activate", "devcluster", drained);
      assertThat(activate.exitCode()).as(activate.err()).isZero();
      assertThat(activate.out()).contains("NONE");
      JsonObject placed = cluster.awaitJob("devcluster/www-data/prod/big", j -> tasks(j, "RUNNING").count() == 1);
      assertThat(tasks(placed, "RUNNING").findFirst().orElseThrow().getString("host")).isEqualTo(drained);
      assertThat(cluster.cli("admin", "host", "status", "devcluster").out()).contains("No host is in maintenance");
    }
  }

  private static Stream<JsonObject> tasks(JsonObject job, String state) {
    return job.getJsonArray("active_tasks").stream().map(t -> (JsonObject) t).filter(t -> t.getString("state").equals(state));
  }
}
