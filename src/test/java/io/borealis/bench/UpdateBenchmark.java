package io.borealis.bench;

import io.borealis.app.LocalCluster;
import io.borealis.app.MonitoredVertx;
import io.borealis.devcluster.AgentSpec;
import io.borealis.devcluster.AgentVerticle;
import io.borealis.devcluster.SimulatedAgents;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Benchmark (e) of bench/README.md: a rolling update of one job on simulated agents, timed from the
 * start request until the update is ROLLED_FORWARD. The scheduler, dev-cluster master and simulated
 * agents share this JVM and talk over real HTTP on loopback; the store is a real journal.
 *
 * <p>Usage: {@code UpdateBenchmark [agents=100] [instances=1000] [batch=100] [results.json]}.
 */
public final class UpdateBenchmark {
  private UpdateBenchmark() {}

  public static void main(String[] args) throws Exception {
    int agents = args.length > 0 ? Integer.parseInt(args[0]) : 100;
    int instances = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
    int batch = args.length > 2 ? Integer.parseInt(args[2]) : 100;
    Path results = Path.of(args.length > 3 ? args[3] : "target/bench/update.json");

    List<AgentSpec> specs = new ArrayList<>(agents);
    for (int i = 0; i < agents; i++) {
      specs.add(AgentSpec.parse("sim-" + i, 0, "cpus:32;mem:131072;disk:262144;ports:[31000-31100]", Map.of()));
    }
    MonitoredVertx monitored = MonitoredVertx.create();
    var settings = new AgentVerticle.AgentSettings("127.0.0.1", Duration.ofSeconds(10), Duration.ofMinutes(1), Duration.ofSeconds(5));
    var options = new LocalCluster.Options("127.0.0.1", 0, 0, specs, Path.of("target/bench/sandboxes"), "devcluster",
        Duration.ofSeconds(15), settings, SimulatedAgents.Behaviour.runForever(Duration.ofMillis(10)),
        Path.of("target/bench/update-data-" + System.currentTimeMillis()));
    LocalCluster cluster = LocalCluster.start(monitored, options).toCompletionStage().toCompletableFuture().get(120, TimeUnit.SECONDS);
    HttpClient http = HttpClient.newHttpClient();
    String base = cluster.schedulerUrl();

    // A warm-up round on a smaller job (JIT, pools), then the measured update.
    double warmupMs = createAndUpdate(http, base, "warmup", instances / 5, batch);
    double updateMs = createAndUpdate(http, base, "web", instances, batch);

    System.out.printf("%n| benchmark | agents | instances | batch | watch | start -> ROLLED_FORWARD |%n|---|---|---|---|---|---|%n");
    System.out.printf("| (e) rolling update on simulated agents | %d | %d | %d | 0 s | %.0f ms |%n", agents, instances, batch, updateMs);
    System.out.printf("(warm-up: %d instances in %.0f ms)%n", instances / 5, warmupMs);
    Files.createDirectories(results.toAbsolutePath().getParent());
    Files.writeString(results, """
        {"benchmark": "rolling-update-simulated-agents", "agents": %d, "instances": %d, "batch": %d, "update_ms": %.1f}
        """.formatted(agents, instances, batch, updateMs));
    monitored.vertx().close().toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    System.exit(0);
  }

  private static String job(String name, int instances, int batch, String cmdline) {
    return """
        {"cluster": "devcluster", "role": "bench", "environment": "prod", "name": "%s", "instances": %d, "service": true,
         "task": {"processes": [{"name": "p", "cmdline": "%s"}], "resources": {"cpu": 0.25, "ram": 16777216, "disk": 16777216}},
         "update_config": {"batch_size": %d, "watch_secs": 0}}
        """.formatted(name, instances, cmdline, batch);
  }

  /** Creates the job, waits for every instance to run, then times an update of all of them to a new cmdline. */
  private static double createAndUpdate(HttpClient http, String base, String name, int instances, int batch) throws Exception {
    String key = "devcluster/bench/prod/" + name;
    post(http, base + "/api/v1/jobs", job(name, instances, batch, "sleep 3600"));
    awaitUntil(() -> running(http, base, key) == instances, Duration.ofMinutes(5), "all " + instances + " RUNNING");
    long begin = System.nanoTime();
    String id = new JsonObject(post(http, base + "/api/v1/updates", job(name, instances, batch, "sleep 3601"))).getString("update_id");
    awaitUntil(() -> {
      String status = get(http, base + "/api/v1/updates/" + id).getString("status");
      if (!status.startsWith("ROLLING")) {
        if (!status.equals("ROLLED_FORWARD")) {
          throw new IllegalStateException("update ended " + status);
        }
        return true;
      }
      return false;
    }, Duration.ofMinutes(5), "update " + id + " ROLLED_FORWARD");
    return (System.nanoTime() - begin) / 1e6;
  }

  private interface Check {
    boolean holds() throws Exception;
  }

  private static void awaitUntil(Check check, Duration timeout, String what) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!check.holds()) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("not within " + timeout + ": " + what);
      }
      Thread.sleep(20);
    }
  }

  /** From the job list's task counts: one small answer, where the job itself would list every task. */
  private static long running(HttpClient http, String base, String key) throws Exception {
    for (Object job : get(http, base + "/api/v1/jobs?role=bench&env=prod").getJsonArray("jobs")) {
      JsonObject summary = (JsonObject) job;
      if (summary.getString("key").equals(key)) {
        return summary.getJsonObject("task_counts").getInteger("RUNNING", 0);
      }
    }
    return 0;
  }

  private static String post(HttpClient http, String url, String body) throws Exception {
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() / 100 != 2) {
      throw new IllegalStateException("POST " + url + " answered " + response.statusCode() + ": " + response.body());
    }
    return response.body();
  }

  private static JsonObject get(HttpClient http, String url) throws Exception {
    return new JsonObject(http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString()).body());
  }
}
