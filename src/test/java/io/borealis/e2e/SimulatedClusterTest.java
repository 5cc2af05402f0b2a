package io.borealis.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.borealis.app.LocalCluster;
import io.borealis.app.MonitoredVertx;
import io.borealis.devcluster.AgentSpec;
import io.borealis.devcluster.AgentVerticle;
import io.borealis.devcluster.SimulatedAgents;
import io.borealis.testing.SseCollector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scheduler on simulated agents (what the benchmarks use): a cluster filled exactly to capacity,
 * emptied, and filled again, which only works if every resource of the killed tasks and their
 * executors comes back and the scheduler can use resources a host offers in several pieces.
 */
class SimulatedClusterTest {
  private static final Duration WAIT = Duration.ofSeconds(60);

  @TempDir
  Path dir;

  private static String job(String name) {
    // 0.5 cpu + 0.25 executor overhead: exactly two per 1.5-cpu agent, eight on four agents.
    return """
        {"cluster": "devcluster", "role": "sim", "environment": "prod", "name": "%s", "instances": 8, "service": true,
         "task": {"processes": [{"name": "p", "cmdline": "sleep 600"}], "resources": {"cpu": 0.5, "ram": 67108864, "disk": 67108864}}}
        """.formatted(name);
  }

  @Test
  void fillsTheClusterEmptiesItAndFillsItAgain() throws Exception {
    List<AgentSpec> agents = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      agents.add(AgentSpec.parse("sim-" + i, 0, "cpus:1.5;mem:4096;disk:4096;ports:[31000-31010]", Map.of()));
    }
    MonitoredVertx monitored = MonitoredVertx.create();
    var settings = new AgentVerticle.AgentSettings("127.0.0.1", Duration.ofSeconds(2), Duration.ofSeconds(30), Duration.ofSeconds(1));
    var options = new LocalCluster.Options("127.0.0.1", 0, 0, agents, dir, "devcluster", Duration.ofSeconds(2), settings,
        SimulatedAgents.Behaviour.runForever(Duration.ofMillis(20)), null);
    LocalCluster cluster = LocalCluster.start(monitored, options).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    HttpClient http = HttpClient.newHttpClient();
    try (SseCollector sse = SseCollector.connect(monitored.vertx(), cluster.schedulerUrl() + "/api/v1/events?role=sim")) {
      post(http, cluster, job("first"));
      sse.await(events -> count(events, "first", "RUNNING") == 8, WAIT, "8 tasks of the first job RUNNING");

      http.send(HttpRequest.newBuilder(URI.create(cluster.schedulerUrl() + "/api/v1/jobs/devcluster/sim/prod/first")).DELETE().build(),
          HttpResponse.BodyHandlers.ofString());
      sse.await(events -> count(events, "first", "KILLED") == 8, WAIT, "8 tasks of the first job KILLED");

      post(http, cluster, job("second"));
      sse.await(events -> count(events, "second", "RUNNING") == 8, WAIT, "8 tasks of the second job RUNNING on the freed resources");
    } finally {
      cluster.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }
  }

  private static void post(HttpClient http, LocalCluster cluster, String job) throws Exception {
    HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(cluster.schedulerUrl() + "/api/v1/jobs"))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(job)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
  }

  private static long count(List<SseCollector.Event> events, String job, String state) {
    return events.stream().filter(e -> job.equals(e.data().getString("name")) && state.equals(e.data().getString("state"))).count();
  }
}
