package io.borealis.bench;

import io.borealis.config.JobJson;
import io.borealis.model.JobConfig;
import io.borealis.model.ScheduledTask;
import io.borealis.model.TaskState;
import io.borealis.storage.JournalLog;
import io.borealis.storage.Mutation;
import io.borealis.storage.StateLog;
import io.borealis.storage.Storage;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Benchmark (c) of bench/README.md: the durable store.
 *
 * <ol>
 *   <li>Durable task transitions per second: one producer (as the state verticle is one event loop)
 *       appends one transition per batch (the task's new state plus the event id, as a status update
 *       commits), up to {@link #IN_FLIGHT} batches awaiting their sync, as concurrent requests do.
 *   <li>Storage per task: the snapshot of N running tasks, and journal bytes per transition.
 *   <li>Restart to serving: a {@code borealis scheduler} process started on that directory (snapshot
 *       plus a journal tail), timed until {@code /health} answers and a job's tasks can be read.
 * </ol>
 *
 * <p>Usage: {@code StorageBenchmark [tasks=100000] [transitions=200000] [work-dir] [results.json]}.
 */
public final class StorageBenchmark {
  private static final int IN_FLIGHT = 10_000;
  private static final int INSTANCES_PER_JOB = 1_000;
  private static final Instant T0 = Instant.parse("2026-11-29T10:00:00Z");

  private StorageBenchmark() {}

  public static void main(String[] args) throws Exception {
    int tasks = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    int transitions = args.length > 1 ? Integer.parseInt(args[1]) : 200_000;
    Path work = Files.createDirectories(Path.of(args.length > 2 ? args[2] : "target/bench/storage"));
    Path results = Path.of(args.length > 3 ? args[3] : "target/bench/storage.json");
    deleteRecursively(work);
    Map<String, Object> figures = new LinkedHashMap<>();

    transitionsPerSecond(work.resolve("transitions"), transitions / 4, figures, "warmup_");
    transitionsPerSecond(work.resolve("transitions"), transitions, figures, "");
    Path store = work.resolve("store");
    populate(store, tasks, figures);
    restartToServing(store, tasks, figures);

    StringBuilder json = new StringBuilder("{");
    figures.forEach((name, value) -> json.append(json.length() > 1 ? ", " : "").append('"').append(name).append("\": ").append(value));
    Files.createDirectories(results.toAbsolutePath().getParent());
    Files.writeString(results, json.append("}\n").toString());
    System.out.println(json);
  }

  private static JobConfig job(int n) {
    return JobJson.read("""
        {"cluster": "devcluster", "role": "bench", "environment": "prod", "name": "job%d", "instances": %d, "service": true,
         "constraints": {"host": "limit:1"},
         "task": {"processes": [{"name": "web", "cmdline": "python3 -m http.server {{thermos.ports[http]}}"},
                                {"name": "tail", "cmdline": "tail -F log", "daemon": true}],
                  "resources": {"cpu": 0.5, "ram": 134217728, "disk": 268435456}},
         "health_check_config": {"initial_interval_secs": 5}}
        """.formatted(n, INSTANCES_PER_JOB)).jobs().get(0);
  }

  /** A task as the scheduler stores it once RUNNING: placement, ports and four events. */
  private static ScheduledTask runningTask(JobConfig job, int instance) {
    String id = ScheduledTask.newTaskId(job.key(), instance, String.format("%08x-bench", instance));
    return new ScheduledTask(id, job, instance, TaskState.INIT, null, null, Map.of(), 0, null, List.of())
        .withState(TaskState.PENDING, T0, "Task created")
        .withPlacement("agent-" + instance % 1000, "host-" + instance % 1000, Map.of("http", 31000 + instance % 100))
        .withState(TaskState.ASSIGNED, T0.plusMillis(40), "Assigned to host-" + instance % 1000)
        .withState(TaskState.STARTING, T0.plusMillis(90), "Initializing sandbox.")
        .withState(TaskState.RUNNING, T0.plusSeconds(2), null);
  }

  private static void transitionsPerSecond(Path dir, int transitions, Map<String, Object> figures, String prefix) throws Exception {
    deleteRecursively(dir);
    Storage.Opened opened = Storage.open(dir, JournalLog.DEFAULT_SNAPSHOT_THRESHOLD);
    JournalLog log = (JournalLog) opened.log();
    JobConfig config = job(0);
    log.append(List.of(new Mutation.SaveJob(config))).toCompletableFuture().get();
    ScheduledTask[] tasks = new ScheduledTask[INSTANCES_PER_JOB];
    for (int i = 0; i < tasks.length; i++) {
      tasks[i] = runningTask(config, i);
    }
    // Build the transitions first, so the clock measures storage, not the model.
    List<List<Mutation>> batches = new ArrayList<>(transitions);
    for (int n = 0; n < transitions; n++) {
      int instance = n % tasks.length;
      ScheduledTask next = tasks[instance].withState(n % 2 == 0 ? TaskState.KILLING : TaskState.RUNNING,
          T0.plusMillis(n), n % 2 == 0 ? "Killed by bench" : null);
      batches.add(List.of(new Mutation.SaveTask(next), new Mutation.SaveEventId(n + 1)));
    }
    long syncsBefore = log.syncs();
    Semaphore window = new Semaphore(IN_FLIGHT);
    CompletableFuture<?> last = null;
    long started = System.nanoTime();
    for (List<Mutation> batch : batches) {
      window.acquire();
      last = log.append(batch).whenComplete((ok, error) -> window.release()).toCompletableFuture();
    }
    last.get(5, TimeUnit.MINUTES);
    long elapsed = System.nanoTime() - started;
    long syncs = log.syncs() - syncsBefore;
    log.close();
    long journalBytes = sizeOf(dir, "journal-");
    figures.put(prefix + "transitions", transitions);
    figures.put(prefix + "transitions_per_s", Math.round(transitions / (elapsed / 1e9)));
    figures.put(prefix + "syncs", syncs);
    figures.put(prefix + "syncs_per_s", Math.round(syncs / (elapsed / 1e9)));
    figures.put(prefix + "journal_bytes_per_transition", journalBytes / transitions);
  }

  /** {@code tasks} RUNNING tasks in jobs of 1,000, snapshotted, then a journal tail of one transition in ten. */
  private static void populate(Path dir, int tasks, Map<String, Object> figures) throws Exception {
    Storage.Opened opened = Storage.open(dir, JournalLog.DEFAULT_SNAPSHOT_THRESHOLD);
    StateLog log = opened.log();
    List<Mutation> state = new ArrayList<>();
    state.add(new Mutation.SaveFrameworkId("bench-framework"));
    List<ScheduledTask> all = new ArrayList<>(tasks);
    for (int j = 0; j * INSTANCES_PER_JOB < tasks; j++) {
      JobConfig config = job(j);
      state.add(new Mutation.SaveJob(config));
      for (int i = 0; i < INSTANCES_PER_JOB && j * INSTANCES_PER_JOB + i < tasks; i++) {
        ScheduledTask task = runningTask(config, i);
        all.add(task);
        state.add(new Mutation.SaveTask(task));
      }
    }
    state.add(new Mutation.SaveEventId(tasks));
    log.append(state).toCompletableFuture().get();
    log.snapshot(state);
    log.close();
    figures.put("snapshot_tasks", tasks);
    figures.put("snapshot_bytes_per_task", sizeOf(dir, "snapshot-") / tasks);

    opened = Storage.open(dir, JournalLog.DEFAULT_SNAPSHOT_THRESHOLD);
    log = opened.log();
    CompletableFuture<?> last = null;
    for (int n = 0; n < tasks / 10; n++) {
      ScheduledTask task = all.get(n * 10 % all.size());
      last = log.append(List.of(new Mutation.SaveTask(task.withState(TaskState.KILLING, T0.plusSeconds(60), "Killed by bench")),
          new Mutation.SaveEventId(tasks + n + 1))).toCompletableFuture();
    }
    last.get(5, TimeUnit.MINUTES);
    log.close();
    figures.put("journal_tail_records", tasks / 10);
    figures.put("store_bytes", sizeOf(dir, ""));
  }

  /** A scheduler process on the populated directory, with no Mesos master to talk to: serving is the API answering. */
  private static void restartToServing(Path dir, int tasks, Map<String, Object> figures) throws Exception {
    int port = freePort();
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Path log = dir.resolveSibling("scheduler.log");
    List<String> command = List.of(java, "-Xmx2g", "-cp", System.getProperty("java.class.path"), "io.borealis.app.BorealisMain",
        "scheduler", "--master", "http://127.0.0.1:" + freePort(), "--cluster", "devcluster", "--host", "127.0.0.1",
        "--http-port", Integer.toString(port), "--data-dir", dir.toString());
    HttpClient http = HttpClient.newHttpClient();
    long started = System.nanoTime();
    Process scheduler = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    try {
      long healthy = awaitStatus(http, URI.create("http://127.0.0.1:" + port + "/health"), scheduler, log) - started;
      long lastJob = tasks / INSTANCES_PER_JOB - 1;
      awaitStatus(http, URI.create("http://127.0.0.1:" + port + "/api/v1/jobs/devcluster/bench/prod/job" + Math.max(0, lastJob)),
          scheduler, log);
      long serving = System.nanoTime() - started;
      figures.put("restart_tasks", tasks);
      figures.put("restart_to_health_ms", healthy / 1_000_000);
      figures.put("restart_to_serving_ms", serving / 1_000_000);
      Files.readAllLines(log).stream().filter(line -> line.contains("recovered")).findFirst()
          .ifPresent(line -> System.out.println(line));
    } finally {
      scheduler.destroy();
      scheduler.waitFor(30, TimeUnit.SECONDS);
    }
  }

  private static long awaitStatus(HttpClient http, URI uri, Process scheduler, Path log) throws Exception {
    long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
    while (System.nanoTime() < deadline) {
      if (!scheduler.isAlive()) {
        throw new IllegalStateException("scheduler exited:\n" + Files.readString(log));
      }
      try {
        if (http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return System.nanoTime();
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(10);
    }
    throw new IllegalStateException(uri + " did not answer 200 in time:\n" + Files.readString(log));
  }

  private static long sizeOf(Path dir, String prefix) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> f.getFileName().toString().startsWith(prefix)).mapToLong(f -> f.toFile().length()).sum();
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static void deleteRecursively(Path dir) throws IOException {
    if (Files.exists(dir)) {
      try (Stream<Path> files = Files.walk(dir)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
      }
    }
  }
}
