package io.borealis.e2e;

import static io.borealis.testing.Eventually.within;
import static org.assertj.core.api.Assertions.assertThat;

import io.borealis.testing.BorealisProcess;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 of the whole {@code borealis local} process (scheduler, master and agent in one JVM) while
 * real executors run real processes. The orphaned executors must stop their tasks by themselves, and
 * the restarted cluster, recovering from its data directory, must converge to exactly one running
 * process per instance, never old beside new.
 */
class LocalCrashTest {
  private static final String KEY = "devcluster/www-data/prod/survivor";
  private static final int INSTANCES = 3;
  private static final Duration CONVERGENCE = Duration.ofMinutes(1);

  @TempDir
  Path dir;

  private final HttpClient http = HttpClient.newHttpClient();
  private BorealisProcess local;

  @AfterEach
  void stop() throws Exception {
    if (local != null) {
      local.close();
    }
    // Whatever the outcome, leave no sleeper behind.
    pidsOfSleepers().forEach(pid -> ProcessHandle.of(pid)
        .filter(process -> process.info().command().map(command -> command.endsWith("sleep")).orElse(false))
        .ifPresent(ProcessHandle::destroyForcibly));
  }

  @Test
  void afterKill9OfEverythingExactlyOneProcessPerInstanceRuns() throws Exception {
    Path work = dir.resolve("agents");
    Path data = dir.resolve("data");
    Path log = dir.resolve("local.log");
    local = BorealisProcess.startLocal(work, data, log);
    await(() -> local.logTail().contains("Access:     open: anyone who can reach it may create, kill and update jobs"),
        "the banner says that a local cluster is open to everyone");
    String job = """
        {"cluster": "devcluster", "role": "www-data", "environment": "prod", "name": "survivor", "instances": %d, "service": true,
         "task": {"processes": [{"name": "sleeper", "cmdline": "echo $$ > sleeper.pid; exec sleep 600"}],
                  "resources": {"cpu": 0.1, "ram": 16777216, "disk": 16777216}}}
        """.formatted(INSTANCES);
    assertThat(send("POST", "/api/v1/jobs", job).statusCode()).isEqualTo(201);
    await(() -> runningTaskIds().size() == INSTANCES && alive(pidsOfSleepers()).size() == INSTANCES,
        "three instances RUNNING, each with its process");
    Set<String> firstTasks = runningTaskIds();
    Set<Long> firstPids = alive(pidsOfSleepers());

    local.killHard();
    long killed = System.nanoTime();
    await(() -> alive(firstPids).isEmpty(), "the orphaned executors stop their tasks once their agent is gone");
    long orphansGone = System.nanoTime();

    local = BorealisProcess.startLocal(work, data, log);
    long serving = System.nanoTime();
    await(() -> runningTaskIds().size() == INSTANCES && alive(pidsOfSleepers()).size() == INSTANCES,
        "three instances RUNNING again, each with exactly one process");
    System.out.printf("kill -9 of borealis local: orphaned tasks gone after %d ms; restarted and serving after %d ms;"
        + " converged %d ms after that%n", (orphansGone - killed) / 1_000_000, (serving - orphansGone) / 1_000_000,
        (System.nanoTime() - serving) / 1_000_000);
    Set<String> secondTasks = runningTaskIds();
    assertThat(secondTasks).as("replacements, not the dead tasks reported as running").doesNotContainAnyElementsOf(firstTasks);
    JsonObject after = getJson("/api/v1/jobs/" + KEY);
    assertThat(after.getJsonArray("active_tasks")).hasSize(INSTANCES);
    assertThat(after.getJsonArray("active_tasks").stream().map(t -> ((JsonObject) t).getInteger("instance")))
        .containsExactlyInAnyOrder(0, 1, 2);
    assertThat(after.getJsonArray("completed_tasks").stream().map(t -> ((JsonObject) t).getString("task_id")))
        .as("the tasks that died with the cluster are history").containsAll(firstTasks);
  }

  private Set<String> runningTaskIds() {
    try {
      JsonObject job = getJson("/api/v1/jobs/" + KEY);
      JsonArray active = job.getJsonArray("active_tasks", new JsonArray());
      return active.stream().map(t -> (JsonObject) t).filter(t -> "RUNNING".equals(t.getString("state")))
          .map(t -> t.getString("task_id")).collect(Collectors.toSet());
    } catch (IOException notServing) {
      return Set.of();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Set.of();
    }
  }

  /** Every pid a sleeper wrote in any sandbox, alive or not. */
  private Set<Long> pidsOfSleepers() {
    Path work = dir.resolve("agents");
    if (!Files.isDirectory(work)) {
      return Set.of();
    }
    try (Stream<Path> files = Files.walk(work)) {
      List<Path> pidFiles = files.filter(p -> p.getFileName().toString().equals("sleeper.pid")).toList();
      return pidFiles.stream().map(LocalCrashTest::readPid).filter(pid -> pid > 0).collect(Collectors.toSet());
    } catch (IOException | java.io.UncheckedIOException racingWithCleanup) {
      return Set.of();
    }
  }

  private static long readPid(Path file) {
    try {
      String text = Files.readString(file).trim();
      return text.isEmpty() ? -1 : Long.parseLong(text);
    } catch (IOException | NumberFormatException e) {
      return -1;
    }
  }

  /** The pids that still run (zombies count as gone: they run nothing). */
  private static Set<Long> alive(Set<Long> pids) {
    return pids.stream().filter(LocalCrashTest::isRunning).collect(Collectors.toSet());
  }

  private static boolean isRunning(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
      return !stat.substring(stat.lastIndexOf(')') + 2).startsWith("Z");
    } catch (IOException gone) {
      return false;
    }
  }

  /** Waits for {@code condition}; when time is up the failure shows the local cluster's log. */
  private void await(Supplier<Boolean> condition, String what) {
    within(CONVERGENCE, what)
        .untilAsserted(() -> assertThat(condition.get()).as(() -> "Not within " + CONVERGENCE + ": " + what + "\nlocal log:\n" + local.logTail())
            .isTrue());
  }


  private JsonObject getJson(String path) throws IOException, InterruptedException {
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(local.url() + path))
        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
    return new JsonObject(response.body());
  }

  private HttpResponse<String> send(String method, String path, String body) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(URI.create(local.url() + path)).header("Content-Type", "application/json")
        .method(method, HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }
}
