package io.borealis.e2e;

import static io.borealis.testing.Eventually.within;
import static org.assertj.core.api.Assertions.assertThat;

import io.borealis.devcluster.AgentSpec;
import io.borealis.devcluster.DevCluster;
import io.borealis.devcluster.SimulatedAgents;
import io.borealis.testing.BorealisProcess;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
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
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scheduler, as its own process, is killed with SIGKILL at random moments while it creates
 * 100-instance jobs, kills instances and restarts them; the dev cluster (simulated agents) lives on.
 * After every restart: each change whose API call succeeded is there, each instance has exactly one
 * active task, what Mesos runs and what the store says agree after reconciliation, and every task
 * still belongs to the one framework the scheduler registered first.
 *
 * <p>{@code -Dborealis.crashes=N} runs more crashes; {@code -Dborealis.crash.seed=S} replays a run.
 */
class SchedulerCrashTest {
  private static final int CRASHES = Integer.getInteger("borealis.crashes", 20);
  private static final int INSTANCES = 100;
  private static final Set<String> ON_AGENT = Set.of("ASSIGNED", "STARTING", "RUNNING", "KILLING", "RESTARTING",
      "DRAINING", "PREEMPTING");
  private static final Set<String> TERMINAL = Set.of("FINISHED", "FAILED", "KILLED", "LOST");

  /** Kept when the test fails, so the scheduler's whole log can be read. */
  @TempDir(cleanup = CleanupMode.ON_SUCCESS)
  Path dir;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private Vertx vertx;
  private DevCluster cluster;
  private String frameworkId;
  /** Jobs whose create was acknowledged. */
  private final Set<String> created = new HashSet<>();
  /** Per job, instances whose kill was acknowledged (none may run again). */
  private final Map<String, Set<Integer>> killed = new HashMap<>();
  /** Updates whose start was acknowledged, as "job:id". */
  private final Set<String> updated = new HashSet<>();
  /** Per job, instances a kill was sent for, acknowledged or not (they may be gone). */
  private final Map<String, Set<Integer>> maybeKilled = new HashMap<>();

  @AfterEach
  void stopCluster() throws Exception {
    if (vertx != null) {
      vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }
  }

  @Test
  void everyAcknowledgedChangeSurvivesSigkillAtRandomMoments() throws Exception {
    long seed = Long.getLong("borealis.crash.seed", System.nanoTime());
    Random random = new Random(seed);
    vertx = Vertx.vertx();
    List<AgentSpec> agents = IntStream.range(0, 8)
        .mapToObj(i -> AgentSpec.parse("crash-agent-" + i, 0, "cpus:200;mem:409600;disk:409600;ports:[31000-32000]", Map.of()))
        .toList();
    cluster = DevCluster.startSimulated(vertx, "127.0.0.1", 0, agents, Duration.ofSeconds(1),
        SimulatedAgents.Behaviour.runForever(Duration.ofMillis(20)), Duration.ofSeconds(1))
        .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    Path data = dir.resolve("data");
    Path log = dir.resolve("scheduler.log");

    for (int crash = 0; crash < CRASHES; crash++) {
      String context = "crash " + crash + " of seed " + seed;
      BorealisProcess scheduler = BorealisProcess.startScheduler(cluster.masterUrl(), data, log);
      try {
        awaitConverged(scheduler, "after restart before " + context, false);
        Action action = nextAction(crash, random);
        CompletableFuture<Boolean> answered = CompletableFuture.supplyAsync(() -> action.call(scheduler.url()));
        Thread.sleep(random.nextInt(800));
        scheduler.killHard();
        boolean acknowledged = answered.handle((ok, error) -> error == null && ok).get(20, TimeUnit.SECONDS);
        if (acknowledged) {
          action.acknowledged().run();
        }
      } finally {
        scheduler.close();
      }
    }
    try (BorealisProcess scheduler = BorealisProcess.startScheduler(cluster.masterUrl(), data, log)) {
      awaitConverged(scheduler, "after the last of " + CRASHES + " crashes, seed " + seed, true);
      assertThat(created).as("the test created jobs at all").isNotEmpty();
      long resumed = java.nio.file.Files.readAllLines(log).stream().filter(line -> line.contains("Resuming update")).count();
      System.out.printf("%d SIGKILLs (seed %d): %d creates, %d kills and %d updates acknowledged; all present after restart,"
          + " every update rolled forward (%d resumed after a crash)%n", CRASHES, seed, created.size(),
          killed.values().stream().mapToInt(Set::size).sum() / 10, updated.size(), resumed);
    }
  }

  private record Action(java.util.function.Function<String, Boolean> call, Runnable acknowledged) {
    boolean call(String url) {
      return call.apply(url);
    }
  }

  /** Creates come first and most often; kills, restarts and rolling updates act on jobs known to exist. */
  private Action nextAction(int crash, Random random) {
    List<String> jobs = new ArrayList<>(created);
    jobs.sort(null);
    int kind = jobs.isEmpty() ? 0 : crash % 4;
    if (kind == 0) {
      String name = "crash" + crash;
      return new Action(url -> createJob(url, name), () -> created.add(name));
    }
    String job = jobs.get(random.nextInt(jobs.size()));
    int from = random.nextInt(INSTANCES - 10);
    String range = from + "-" + (from + 9);
    if (kind == 1) {
      IntStream.rangeClosed(from, from + 9).forEach(i -> maybeKilled.computeIfAbsent(job, k -> new HashSet<>()).add(i));
      return new Action(url -> send(url, "DELETE", "/api/v1/jobs/devcluster/www-data/prod/" + job + "?instances=" + range, null),
          () -> IntStream.rangeClosed(from, from + 9).forEach(i -> killed.computeIfAbsent(job, k -> new HashSet<>()).add(i)));
    }
    if (kind == 2) {
      return new Action(url -> send(url, "POST", "/api/v1/jobs/devcluster/www-data/prod/" + job + "/restart?instances=" + range, ""),
          () -> { });
    }
    // An update brings back every instance of the job, killed or not: those may run again.
    maybeKilled.computeIfAbsent(job, k -> new HashSet<>()).addAll(killed.getOrDefault(job, Set.of()));
    killed.remove(job);
    String config = jobJson(job, "sleep 3600 # version " + crash);
    return new Action(url -> send(url, "POST", "/api/v1/updates", config), () -> updated.add(job + ":" + crash));
  }

  private static String jobJson(String name, String cmdline) {
    return """
        {"cluster": "devcluster", "role": "www-data", "environment": "prod", "name": "%s", "instances": %d, "service": true,
         "task": {"processes": [{"name": "p", "cmdline": "%s"}], "resources": {"cpu": 0.1, "ram": 16777216, "disk": 16777216}},
         "update_config": {"batch_size": 20, "watch_secs": 0}}
        """.formatted(name, INSTANCES, cmdline);
  }

  private boolean createJob(String url, String name) {
    return send(url, "POST", "/api/v1/jobs", jobJson(name, "sleep 3600"));
  }

  private boolean send(String url, String method, String path, String body) {
    try {
      var request = HttpRequest.newBuilder(URI.create(url + path)).timeout(Duration.ofSeconds(10))
          .header("Content-Type", "application/json")
          .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body)).build();
      int status = http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
      return status / 100 == 2;
    } catch (Exception e) {
      return false;
    }
  }

  private JsonObject get(String url) throws Exception {
    var response = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as("GET " + url + ": " + response.body()).isEqualTo(200);
    return new JsonObject(response.body());
  }

  /**
   * Polls until every invariant holds (reconciliation takes a moment), then checks them once more with
   * messages. With {@code updatesFinished}, every update must also have ended, rolled forward: those a
   * crash interrupted resumed.
   */
  private void awaitConverged(BorealisProcess scheduler, String context, boolean updatesFinished) {
    within(Duration.ofSeconds(60), "convergence " + context).pollInterval(Duration.ofMillis(250))
        .untilAsserted(() -> assertThat(problems(scheduler.url(), updatesFinished))
            .as(() -> context + "\nScheduler log (whole in " + dir.resolve("scheduler.log") + "):\n" + scheduler.logTail())
            .isEmpty());
  }

  private List<String> problems(String url, boolean updatesFinished) throws Exception {
    List<String> problems = new ArrayList<>();
    Set<String> storedUpdates = new HashSet<>();
    for (Object item : get(url + "/api/v1/updates?role=www-data").getJsonArray("updates")) {
      JsonObject update = (JsonObject) item;
      String status = update.getString("status");
      storedUpdates.add(update.getString("update_id"));
      if (!status.startsWith("ROLL") || status.equals("ROLLED_BACK")) {
        problems.add("update " + update.getString("update_id") + " of " + update.getString("name") + " is " + status + ": "
            + get(url + "/api/v1/updates/" + update.getString("update_id")).getJsonArray("status_events"));
      } else if (updatesFinished && !status.equals("ROLLED_FORWARD")) {
        problems.add("update " + update.getString("update_id") + " of " + update.getString("name") + " is still " + status);
      }
    }
    long acknowledgedUpdates = updated.size();
    if (storedUpdates.size() < acknowledgedUpdates) {
      problems.add(acknowledgedUpdates + " updates were acknowledged but only " + storedUpdates.size() + " are stored");
    }
    Set<String> onAgent = new HashSet<>();
    Set<String> running = new HashSet<>();
    JsonArray jobs = get(url + "/api/v1/jobs").getJsonArray("jobs");
    Set<String> present = new HashSet<>();
    for (int j = 0; j < jobs.size(); j++) {
      String name = jobs.getJsonObject(j).getString("name");
      present.add(name);
      JsonObject job = get(url + "/api/v1/jobs/devcluster/www-data/prod/" + name);
      if (job.getInteger("instances") != INSTANCES) {
        problems.add(name + " has " + job.getInteger("instances") + " instances");
      }
      Map<Integer, List<String>> activeByInstance = new HashMap<>();
      for (Object item : job.getJsonArray("active_tasks")) {
        JsonObject task = (JsonObject) item;
        String state = task.getString("state");
        if (TERMINAL.contains(state)) {
          continue;
        }
        activeByInstance.computeIfAbsent(task.getInteger("instance"), k -> new ArrayList<>()).add(state);
        if (ON_AGENT.contains(state)) {
          onAgent.add(task.getString("task_id"));
        }
        if (state.equals("RUNNING")) {
          running.add(task.getString("task_id"));
        }
      }
      for (int instance = 0; instance < INSTANCES; instance++) {
        List<String> states = activeByInstance.getOrDefault(instance, List.of());
        List<String> live = states.stream().filter(s -> !s.equals("KILLING")).toList();
        boolean wasKilled = killed.getOrDefault(name, Set.of()).contains(instance);
        boolean mayBeKilled = maybeKilled.getOrDefault(name, Set.of()).contains(instance);
        if (wasKilled && !live.isEmpty()) {
          problems.add(name + "/" + instance + " was killed (acknowledged) but has " + states);
        } else if (!mayBeKilled && states.size() != 1) {
          problems.add(name + "/" + instance + " has " + states.size() + " active tasks " + states);
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
    Set<String> mesosRuns = new HashSet<>();
    for (Object item : get(cluster.masterUrl() + "/master/tasks").getJsonArray("tasks")) {
      JsonObject task = (JsonObject) item;
      mesosRuns.add(task.getString("id"));
      if (frameworkId == null) {
        frameworkId = task.getString("framework_id");
      } else if (!frameworkId.equals(task.getString("framework_id"))) {
        problems.add("task " + task.getString("id") + " belongs to framework " + task.getString("framework_id")
            + ", not " + frameworkId + ": the scheduler registered anew");
      }
    }
    Set<String> unknownToStore = new HashSet<>(mesosRuns);
    unknownToStore.removeAll(onAgent);
    if (!unknownToStore.isEmpty()) {
      problems.add(unknownToStore.size() + " tasks run on agents that the store does not place there, e.g. "
          + unknownToStore.iterator().next());
    }
    Set<String> runningUnknownToMesos = new HashSet<>(running);
    runningUnknownToMesos.removeAll(mesosRuns);
    if (!runningUnknownToMesos.isEmpty()) {
      problems.add(runningUnknownToMesos.size() + " tasks RUNNING in the store are unknown to Mesos, e.g. "
          + runningUnknownToMesos.iterator().next());
    }
    return problems;
  }
}
