package io.borealis.bench;

import io.borealis.app.LocalCluster;
import io.borealis.app.MonitoredVertx;
import io.borealis.devcluster.AgentSpec;
import io.borealis.devcluster.AgentVerticle;
import io.borealis.devcluster.SimulatedAgents;
import java.lang.management.ManagementFactory;
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
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Benchmark (a) of bench/README.md: one job of N instances on M simulated agents (8 cpus, 32 GiB
 * each), timed from the create request until the event stream has reported every instance RUNNING.
 * The scheduler, the dev-cluster master and the simulated agents share this JVM; they talk over real
 * HTTP (the v1 scheduler API and the JSON API) on loopback.
 *
 * <p>Usage: {@code ScaleBenchmark [agents] [instances] [results.json]}.
 */
public final class ScaleBenchmark {
  private ScaleBenchmark() {}

  /** When the first and the last of {@code expected} tasks entered one state. */
  private static final class PhaseClock {
    final CountDownLatch done;
    volatile long first;
    volatile long last;

    PhaseClock(int expected) {
      this.done = new CountDownLatch(expected);
    }

    void seen() {
      if (first == 0) {
        first = System.nanoTime();
      }
      done.countDown();
      if (done.getCount() == 0 && last == 0) {
        last = System.nanoTime();
      }
    }
  }

  /** One job created over the API, its tasks' states followed on the event stream. */
  private static final class Run {
    final Map<String, PhaseClock> phases = new java.util.LinkedHashMap<>();
    long begin;
    double createMs;

    static Run of(HttpClient http, LocalCluster cluster, String name, int instances) throws Exception {
      Run run = new Run();
      for (String state : List.of("PENDING", "ASSIGNED", "STARTING", "RUNNING", "KILLED")) {
        run.phases.put(state, new PhaseClock(instances));
      }
      CountDownLatch connected = new CountDownLatch(1);
      run.follow(http, cluster.schedulerUrl() + "/api/v1/events?type=task&job=" + name, null, connected);
      connected.await(30, TimeUnit.SECONDS);
      String job = """
          {"cluster": "devcluster", "role": "bench", "environment": "prod", "name": "%s", "instances": %d, "service": true,
           "task": {"processes": [{"name": "p", "cmdline": "sleep 3600"}],
                    "resources": {"cpu": 0.5, "ram": 134217728, "disk": 134217728}}}
          """.formatted(name, instances);
      run.begin = System.nanoTime();
      HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(cluster.schedulerUrl() + "/api/v1/jobs"))
          .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(job)).build(),
          HttpResponse.BodyHandlers.ofString());
      run.createMs = (System.nanoTime() - run.begin) / 1e6;
      if (created.statusCode() != 201) {
        throw new IllegalStateException("create failed: " + created.body());
      }
      return run;
    }

    /**
     * Counts task events as they arrive. A benchmark this size can outrun the reader sharing the JVM's
     * two cores, and the scheduler then cuts the stream (a {@code reset} with reason slow consumer);
     * like any client, the reader resumes after the last task event it saw, so nothing is counted twice
     * or missed.
     */
    void follow(HttpClient http, String url, String lastEventId, CountDownLatch connected) {
      HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
      if (lastEventId != null) {
        request.header("Last-Event-ID", lastEventId);
      }
      String[] lastTaskEvent = {lastEventId};
      http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofLines()).thenAccept(response -> {
        connected.countDown();
        String[] id = {null};
        response.body().forEach(line -> {
          if (line.startsWith("id: ")) {
            id[0] = line.substring(4);
          } else if (line.startsWith("data: ")) {
            if (line.contains("\"type\":\"reset\"") && !line.contains("slow")) {
              throw new IllegalStateException("the event stream could not resume: " + line);
            }
            int at = line.indexOf("\"state\":\"");
            PhaseClock phase = at < 0 ? null : phases.get(line.substring(at + 9, line.indexOf('"', at + 9)));
            if (phase != null) {
              lastTaskEvent[0] = id[0];
              phase.seen();
            }
          }
        });
        follow(http, url, lastTaskEvent[0], new CountDownLatch(1));
      });
    }

    boolean awaitAll(String state) throws InterruptedException {
      return phases.get(state).done.await(Long.getLong("bench.timeoutSeconds", 600), TimeUnit.SECONDS);
    }
  }

  /** CPU ticks (10 ms) used so far by this JVM's threads, by thread name with digits removed (Linux only). */
  private static Map<String, Long> threadCpuTicks() throws java.io.IOException {
    Map<String, Long> ticks = new java.util.TreeMap<>();
    try (var tasks = Files.list(Path.of("/proc/self/task"))) {
      for (Path task : tasks.toList()) {
        String stat;
        try {
          stat = Files.readString(task.resolve("stat"));
        } catch (java.io.IOException gone) {
          continue;
        }
        String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')')).replaceAll("[0-9]+", "N");
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        ticks.merge(name, Long.parseLong(fields[11]) + Long.parseLong(fields[12]), Long::sum);
      }
    }
    return ticks;
  }

  /** Runs one job to all RUNNING and kills it; returns how long it took to run. */
  private static double warmUp(HttpClient http, LocalCluster cluster, String name, int instances) throws Exception {
    Run warmup = Run.of(http, cluster, name, instances);
    warmup.awaitAll("RUNNING");
    double ms = (System.nanoTime() - warmup.begin) / 1e6;
    http.send(HttpRequest.newBuilder(URI.create(cluster.schedulerUrl() + "/api/v1/jobs/devcluster/bench/prod/" + name))
        .DELETE().build(), HttpResponse.BodyHandlers.ofString());
    warmup.awaitAll("KILLED");
    // The measured job starts on an idle cluster: wait until the master has forgotten every killed task, then
    // as long again for the scheduler's last acknowledgements to land (each executor exits, and frees its
    // resources, once its final update is acknowledged); nothing shows when that is done.
    HttpRequest tasks = HttpRequest.newBuilder(URI.create(cluster.masterUrl() + "/master/tasks")).build();
    long killed = System.nanoTime();
    while (!http.send(tasks, HttpResponse.BodyHandlers.ofString()).body().contains("\"tasks\":[]")) {
      Thread.sleep(50);
    }
    Thread.sleep(Math.max(2000, (System.nanoTime() - killed) / 1_000_000));
    return ms;
  }

  public static void main(String[] args) throws Exception {
    int agents = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
    int instances = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
    Path results = Path.of(args.length > 2 ? args[2] : "target/bench/scale.json");

    List<AgentSpec> specs = new ArrayList<>(agents);
    for (int i = 0; i < agents; i++) {
      specs.add(AgentSpec.parse("sim-" + i, 0, "cpus:8;mem:32768;disk:65536;ports:[31000-31100]", Map.of("rack", "r" + (i % 20))));
    }
    MonitoredVertx monitored = MonitoredVertx.create();
    var settings = new AgentVerticle.AgentSettings("127.0.0.1", Duration.ofSeconds(10), Duration.ofMinutes(1), Duration.ofSeconds(5));
    var options = new LocalCluster.Options("127.0.0.1", 0, 0, specs, Path.of("target/bench/sandboxes"), "devcluster",
        Duration.ofSeconds(15), settings, SimulatedAgents.Behaviour.runForever(Duration.ofMillis(10)),
        Path.of("target/bench/data-" + System.currentTimeMillis()));
    long startupBegin = System.nanoTime();
    LocalCluster cluster = LocalCluster.start(monitored, options).toCompletionStage().toCompletableFuture().get(120, TimeUnit.SECONDS);
    double startupMs = (System.nanoTime() - startupBegin) / 1e6;

    HttpClient http = HttpClient.newHttpClient();
    // Warm up (JIT, pools) with rounds of the same load, each cleared away before the next: the figures are
    // for a scheduler that has been running. The first round's time is reported too, as the cold figure.
    int warmups = Integer.getInteger("bench.warmups", 3);
    double coldMs = warmups > 0 ? warmUp(http, cluster, "warmup0", instances) : Double.NaN;
    for (int round = 1; round < warmups; round++) {
      warmUp(http, cluster, "warmup" + round, instances);
    }
    System.out.printf("cold: the first job after start-up reached all RUNNING after %.0f ms%n", coldMs);

    // Nor does it pay for the warm-ups' garbage: a full collection of it fell inside one measured run.
    System.gc();
    Map<String, Long> cpuBefore = threadCpuTicks();
    Run run = Run.of(http, cluster, "scale", instances);
    long begin = run.begin;
    double createMs = run.createMs;
    if (Boolean.getBoolean("bench.progress")) {
      // Where the time goes: how many tasks have reached each state, every 250 ms.
      Thread progress = new Thread(() -> {
        try {
          while (run.phases.get("RUNNING").done.getCount() > 0) {
            StringBuilder line = new StringBuilder(String.format("%6.0f ms", (System.nanoTime() - begin) / 1e6));
            run.phases.forEach((state, phase) -> line.append(String.format("  %s %5d", state, instances - phase.done.getCount())));
            System.out.println(line);
            Thread.sleep(250);
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      });
      progress.setDaemon(true);
      progress.start();
    }
    boolean done = run.awaitAll("RUNNING");
    double runningMs = (System.nanoTime() - begin) / 1e6;
    if (Boolean.getBoolean("bench.progress")) {
      Map<String, Long> cpuAfter = threadCpuTicks();
      System.out.println("CPU time per thread group during the run (ms):");
      cpuAfter.entrySet().stream().map(e -> Map.entry(e.getKey(), (e.getValue() - cpuBefore.getOrDefault(e.getKey(), 0L)) * 10))
          .filter(e -> e.getValue() > 0).sorted(Map.Entry.<String, Long>comparingByValue().reversed())
          .forEach(e -> System.out.printf("  %6d %s%n", e.getValue(), e.getKey()));
    }
    Map<String, PhaseClock> phases = run.phases;
    CountDownLatch allRunning = run.phases.get("RUNNING").done;
    System.gc();
    long heapMb = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1024 * 1024);

    System.out.printf("%n| benchmark | agents | instances | create answered | all RUNNING | tasks/s | heap after GC |%n");
    System.out.printf("|---|---|---|---|---|---|---|%n");
    System.out.printf("| (a) one job on simulated agents | %d | %d | %.0f ms | %s | %.0f | %d MB |%n", agents, instances, createMs,
        done ? String.format("%.0f ms", runningMs) : "not within 10 min (" + (instances - allRunning.getCount()) + " running)",
        (instances - allRunning.getCount()) / (runningMs / 1000), heapMb);
    System.out.printf("(cluster start-up with %d agents: %.0f ms)%n", agents, startupMs);
    phases.entrySet().stream().filter(e -> !e.getKey().equals("KILLED")).forEach(e -> System.out.printf("  all %-8s after %6.0f ms (first after %.0f ms)%n", e.getKey(),
        (e.getValue().last - begin) / 1e6, (e.getValue().first - begin) / 1e6));
    Files.createDirectories(results.toAbsolutePath().getParent());
    Files.writeString(results, """
        {"benchmark": "one-job-simulated-agents", "agents": %d, "instances": %d, "create_ms": %.1f, "all_running_ms": %s,
         "running": %d, "heap_mb_after_gc": %d, "startup_ms": %.1f}
        """.formatted(agents, instances, createMs, done ? String.format("%.1f", runningMs) : "null",
        instances - allRunning.getCount(), heapMb, startupMs));
    monitored.vertx().close().toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    System.exit(done ? 0 : 1);
  }
}
