package io.borealis.e2e;

import static io.borealis.testing.Eventually.within;
import static org.assertj.core.api.Assertions.assertThat;

import io.borealis.app.LocalCluster;
import io.borealis.app.MonitoredVertx;
import io.borealis.devcluster.AgentSpec;
import io.borealis.devcluster.AgentVerticle;
import io.borealis.devcluster.MasterSettings;
import io.borealis.devcluster.SimulatedAgents;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scheduler's link to Mesos broken at random moments while jobs are created and killed: each
 * cycle starts an API change, then (a random moment later) cuts the event stream or restarts the
 * master (agents and tasks kept), on a dev cluster of simulated agents. At the end: every
 * acknowledged change is visible, each instance has exactly one active task (none for acknowledged
 * kills), Mesos runs at most one task per instance and nothing the scheduler does not place there,
 * no launch was refused as a duplicate, and the scheduler is subscribed.
 *
 * <p>{@code -Dborealis.faults=N} changes the number of faults (100 by default, about a minute); {@code -Dborealis.faults.seed=S}
 * replays a run.
 */
@Timeout(600)
class MesosFaultSoakTest {
  private static final int FAULTS = Integer.getInteger("borealis.faults", 100);
  private static final int INSTANCES = 5;
  private static final String JOBS = "/api/v1/jobs/devcluster/sim/prod/";

  @TempDir
  Path dir;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private LocalCluster cluster;
  private final Set<String> created = new HashSet<>();
  /** Per job, instances whose kill was acknowledged. */
  private final Map<String, Set<Integer>> killed = new HashMap<>();
  /** Per job, instances a kill was sent for, acknowledged or not. */
  private final Map<String, Set<Integer>> maybeKilled = new HashMap<>();

  @AfterEach
  void stop() throws Exception {
    if (cluster != null) {
      cluster.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }
  }

  @Test
  void everyAcknowledgedChangeHoldsAfterStreamCutsAndMasterRestartsAtRandomMoments() throws Exception {
    long seed = Long.getLong("borealis.faults.seed", System.nanoTime());
    Random random = new Random(seed);
    List<AgentSpec> agents = IntStream.range(0, 4)
        .mapToObj(i -> AgentSpec.parse("soak-" + i, 0, "cpus:100;mem:409600;disk:409600;ports:[31000-32000]", Map.of())).toList();
    var settings = new AgentVerticle.AgentSettings("127.0.0.1", Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofSeconds(1));
    var options = new LocalCluster.Options("127.0.0.1", 0, 0, agents, dir, "devcluster", Duration.ofSeconds(1), settings,
        SimulatedAgents.Behaviour.runForever(Duration.ofMillis(20)), null)
        .withMaster(new MasterSettings(Duration.ofSeconds(1), MasterSettings.DEFAULT_AGENT_PING_TIMEOUT, true));
    cluster = LocalCluster.start(MonitoredVertx.create(), options).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);

    int cuts = 0;
    int restarts = 0;
    for (int cycle = 0; cycle < FAULTS; cycle++) {
      Action action = nextAction(cycle, random);
      CompletableFuture<Boolean> answered = CompletableFuture.supplyAsync(action.call);
      Thread.sleep(random.nextInt(300));
      if (random.nextBoolean()) {
        cuts++;
        cluster.faults().cutStreams().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
      } else {
        restarts++;
        cluster.faults().restartMaster(Duration.ofMillis(50 + random.nextInt(250)))
            .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
      }
      if (answered.get(20, TimeUnit.SECONDS)) {
        action.acknowledged.run();
      }
      Thread.sleep(random.nextInt(400));
    }
    awaitConverged("after " + FAULTS + " faults (" + cuts + " stream cuts, " + restarts + " master restarts), seed " + seed);
    assertThat(created).as("the test created jobs at all").isNotEmpty();
    System.out.printf("%d faults (%d stream cuts, %d master restarts; seed %d): %d creates and %d instance kills acknowledged,"
        + " all visible%n", FAULTS, cuts, restarts, seed, created.size(), killed.values().stream().mapToInt(Set::size).sum());
  }

  private record Action(java.util.function.Supplier<Boolean> call, Runnable acknowledged) {}

  /** Creates two cycles in three; otherwise kills one instance of a job known to exist. */
  private Action nextAction(int cycle, Random random) {
    List<String> jobs = new ArrayList<>(created);
    jobs.sort(null);
    if (jobs.isEmpty() || cycle % 3 != 2) {
      String name = "soak" + cycle;
      return new Action(() -> send("POST", "/api/v1/jobs", jobJson(name)), () -> created.add(name));
    }
    String job = jobs.get(random.nextInt(jobs.size()));
    int instance = random.nextInt(INSTANCES);
    maybeKilled.computeIfAbsent(job, k -> new HashSet<>()).add(instance);
    return new Action(() -> send("DELETE", JOBS + job + "?instances=" + instance, null),
        () -> killed.computeIfAbsent(job, k -> new HashSet<>()).add(instance));
  }

  private static String jobJson(String name) {
    return """
        {"cluster": "devcluster", "role": "sim", "environment": "prod", "name": "%s", "instances": %d, "service": true,
         "task": {"processes": [{"name": "p", "cmdline": "sleep 600"}], "resources": {"cpu": 0.1, "ram": 16777216, "disk": 16777216}}}
        """.formatted(name, INSTANCES);
  }

  private boolean send(String method, String path, String body) {
    try {
      var request = HttpRequest.newBuilder(URI.create(cluster.schedulerUrl() + path)).timeout(Duration.ofSeconds(10))
          .header("Content-Type", "application/json")
          .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body)).build();
      return http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode() / 100 == 2;
    } catch (Exception e) {
      return false;
    }
  }

  private HttpResponse<String> get(String url) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
  }

  /** Every invariant holds, after a while: reconciliation and re-subscription take a moment. */
  private void awaitConverged(String context) {
    within(Duration.ofSeconds(90), "convergence " + context).pollInterval(Duration.ofMillis(500))
        .untilAsserted(() -> assertThat(problems()).as(context).isEmpty());
  }

  private List<String> problems() throws Exception {
    List<String> problems = new ArrayList<>();
    HttpResponse<String> leader = get(cluster.schedulerUrl() + "/leaderhealth");
    if (leader.statusCode() != 200) {
      problems.add("the scheduler is not subscribed: " + leader.body());
    }
    Set<String> onAgents = new HashSet<>();
    Set<String> present = new HashSet<>();
    for (Object item : new JsonObject(get(cluster.schedulerUrl() + "/api/v1/jobs?role=sim").body()).getJsonArray("jobs")) {
      String name = ((JsonObject) item).getString("name");
      present.add(name);
      JsonObject job = new JsonObject(get(cluster.schedulerUrl() + JOBS + name).body());
      Map<Integer, List<String>> active = new HashMap<>();
      for (Object t : job.getJsonArray("active_tasks")) {
        JsonObject task = (JsonObject) t;
        active.computeIfAbsent(task.getInteger("instance"), k -> new ArrayList<>()).add(task.getString("state"));
        onAgents.add(task.getString("task_id"));
        for (Object e : new JsonObject(get(cluster.schedulerUrl() + "/api/v1/tasks/" + task.getString("task_id")).body())
            .getJsonArray("events")) {
          String message = String.valueOf(((JsonObject) e).getString("message"));
          if (message.contains("duplicate ID")) {
            problems.add("task " + task.getString("task_id") + " was launched twice: " + message);
          }
        }
      }
      for (int instance = 0; instance < INSTANCES; instance++) {
        List<String> states = active.getOrDefault(instance, List.of());
        boolean wasKilled = killed.getOrDefault(name, Set.of()).contains(instance);
        boolean mayBeKilled = maybeKilled.getOrDefault(name, Set.of()).contains(instance);
        if (wasKilled && !states.isEmpty()) {
          problems.add(name + "/" + instance + " was killed (acknowledged) but has " + states);
        } else if (!mayBeKilled && !states.equals(List.of("RUNNING"))) {
          problems.add(name + "/" + instance + " should have one RUNNING task, has " + states);
        } else if (states.size() > 1) {
          problems.add(name + "/" + instance + " has " + states.size() + " active tasks " + states);
        }
      }
    }
    for (String job : created) {
      if (!present.contains(job)) {
        problems.add("acknowledged job " + job + " is missing");
      }
    }
    Map<String, Integer> perInstance = new HashMap<>();
    for (Object item : new JsonObject(get(cluster.masterUrl() + "/master/tasks").body()).getJsonArray("tasks")) {
      JsonObject task = (JsonObject) item;
      perInstance.merge(task.getString("name"), 1, Integer::sum);
      if (!onAgents.contains(task.getString("id"))) {
        problems.add("Mesos runs " + task.getString("id") + ", which the scheduler does not place there");
      }
    }
    perInstance.forEach((instance, count) -> {
      if (count > 1) {
        problems.add("Mesos runs " + count + " tasks of " + instance);
      }
    });
    return problems;
  }
}
