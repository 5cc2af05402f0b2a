package io.borealis.bench;

import io.borealis.api.EventStreamSettings;
import io.borealis.testing.EventStreamHarness;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Benchmark (f) of bench/README.md: {@code GET /api/v1/events} fanned out to many subscribers.
 *
 * <p>The API verticle runs alone (as {@link EventStreamHarness} deploys it, /metrics included) and a
 * publisher on its own event loop puts synthetic task events on the event bus at a steady rate,
 * exactly where the state owner publishes them; no scheduler runs. The subscribers are TCP connections
 * speaking HTTP/1.1 by hand from a Vert.x of their own in this JVM (two event loops). Each subscriber reads
 * only the {@code id:} lines (parsing a million JSON objects a second would measure the client): the
 * publisher notes each event's send time by id, and a subscriber's latency for an event is from that
 * send time until the chunk holding its id reached the client's handler. A subscriber loses an event
 * when an id is skipped or repeated; the server's slow-consumer cuts are counted too.
 *
 * <p>First ten seconds at the lowest rate to warm up; then for each rate: a third of the measuring
 * time to settle at it, the measurement, and a wait for every subscriber to reach the last event.
 *
 * <p>Usage: {@code SseBenchmark [subscribers=1000] [rates=250,500,750,1000,1500] [seconds=10] [coalesce-ms=25]
 * [results.json]}.
 */
public final class SseBenchmark {
  /** Latency buckets of 100 µs up to 20 s; later is counted in the last bucket. */
  private static final int BUCKETS = 200_000;
  private static final long BUCKET_NANOS = 100_000;
  private static final int MAX_EVENTS = 4_000_000;

  private SseBenchmark() {}

  /** Send time (System.nanoTime) of each event id, written by the publisher, read by the subscribers. */
  private static final AtomicLongArray SENT_AT = new AtomicLongArray(MAX_EVENTS);
  /** One latency histogram per client event loop, so recording needs no lock; merged after each step. */
  private static final List<long[]> HISTOGRAMS = new ArrayList<>();
  private static final ThreadLocal<long[]> HISTOGRAM = ThreadLocal.withInitial(() -> {
    long[] histogram = new long[BUCKETS];
    synchronized (HISTOGRAMS) {
      HISTOGRAMS.add(histogram);
    }
    return histogram;
  });
  private static volatile boolean measuring;

  public static void main(String[] args) throws Exception {
    int subscribers = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
    List<Integer> rates = new ArrayList<>();
    for (String rate : (args.length > 1 ? args[1] : "250,500,750,1000,1500").split(",")) {
      rates.add(Integer.parseInt(rate));
    }
    int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 10;
    int coalesceMs = args.length > 3 ? Integer.parseInt(args[3]) : (int) EventStreamSettings.DEFAULT_COALESCE.toMillis();
    Path results = Path.of(args.length > 4 ? args[4] : "target/bench/sse.json");

    EventStreamHarness server = EventStreamHarness.start(EventStreamSettings.DEFAULTS.withCoalesce(Duration.ofMillis(coalesceMs)));
    Vertx clientVertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2));
    NetClient client = clientVertx.createNetClient();
    // A connection lives on the event loop of the context that opened it: open them from one
    // verticle instance per client event loop, so the subscribers' reading is spread over both.
    List<Subscriber> all = Collections.synchronizedList(new ArrayList<>());
    int loops = 2;
    clientVertx.deployVerticle(() -> new VerticleBase() {
      @Override
      public Future<?> start() {
        List<Future<Void>> opened = new ArrayList<>();
        for (int i = 0; i < subscribers / loops; i++) {
          Subscriber subscriber = Subscriber.connect(client, server.port());
          all.add(subscriber);
          opened.add(Future.fromCompletionStage(subscriber.open));
        }
        return Future.all(opened);
      }
    }, new DeploymentOptions().setInstances(loops)).toCompletionStage().toCompletableFuture().get(120, TimeUnit.SECONDS);
    System.out.printf("%d subscribers connected%n", subscribers);

    Publisher publisher = new Publisher(server);
    // JIT warm-up for both sides (the first steps of earlier runs showed seconds-long tails without it).
    publisher.run(rates.get(0), 10_000);
    awaitCaughtUp(all, publisher.next - 1, 30_000);
    List<String> rows = new ArrayList<>();
    StringBuilder json = new StringBuilder("{\"benchmark\": \"sse-fan-out\", \"subscribers\": " + subscribers
        + ", \"coalesce_ms\": " + coalesceMs + ", \"steps\": [");
    for (int rate : rates) {
      publisher.run(rate, Math.max(2, seconds / 3) * 1000L); // warm-up at this rate
      long firstMeasured = publisher.next;
      startMeasuring();
      publisher.run(rate, seconds * 1000L);
      long lastMeasured = publisher.next - 1;
      boolean caughtUp = awaitCaughtUp(all, lastMeasured, 30_000);
      measuring = false;
      long[] merged = merged();
      long deliveries = 0;
      for (long count : merged) {
        deliveries += count;
      }
      long expected = (lastMeasured - firstMeasured + 1) * subscribers;
      long lost = all.stream().mapToLong(s -> s.lost).sum();
      double cuts = server.counter("borealis.sse.slow.consumer.cuts");
      String row = String.format(Locale.ROOT, "| %d | %d | %,d | %.1f | %.1f | %.1f | %.1f | %d | %.0f | %s |", rate, subscribers,
          deliveries, percentile(merged, 0.50), percentile(merged, 0.99), percentile(merged, 0.999), max(merged), lost, cuts,
          caughtUp ? "yes" : "NO");
      rows.add(row);
      System.out.println("| events/s | subscribers | deliveries | p50 ms | p99 ms | p99.9 ms | max ms | lost | cuts | caught up |");
      System.out.println(row + "  (expected " + expected + " deliveries)");
      json.append(json.charAt(json.length() - 1) == '[' ? "" : ", ").append(String.format(Locale.ROOT,
          "{\"rate\": %d, \"deliveries\": %d, \"expected\": %d, \"p50_ms\": %.2f, \"p99_ms\": %.2f, \"p999_ms\": %.2f,"
              + " \"max_ms\": %.2f, \"lost\": %d, \"cuts\": %.0f, \"caught_up\": %b}",
          rate, deliveries, expected, percentile(merged, 0.50), percentile(merged, 0.99), percentile(merged, 0.999),
          max(merged), lost, cuts, caughtUp));
    }
    System.out.printf("%n| events/s | subscribers | deliveries | p50 ms | p99 ms | p99.9 ms | max ms | lost | cuts | caught up |%n"
        + "|---|---|---|---|---|---|---|---|---|---|%n");
    rows.forEach(System.out::println);
    Files.createDirectories(results.toAbsolutePath().getParent());
    Files.writeString(results, json.append("]}\n").toString());
    client.close();
    clientVertx.close();
    server.close();
  }

  /** Publishes synthetic task events from one event loop at {@code rate} per second for {@code millis}. */
  private static final class Publisher {
    private final EventStreamHarness server;
    long next = 1;

    Publisher(EventStreamHarness server) {
      this.server = server;
    }

    void run(int rate, long millis) throws Exception {
      CompletableFuture<Void> done = new CompletableFuture<>();
      long start = System.nanoTime();
      long firstId = next;
      // Every millisecond, as many events as the rate says should have gone by now (catches up after a late tick).
      server.vertx().setPeriodic(1, timer -> {
        long elapsed = System.nanoTime() - start;
        long due = firstId + Math.min(elapsed, millis * 1_000_000L) * rate / 1_000_000_000L;
        while (next < due && next < MAX_EVENTS) {
          SENT_AT.set((int) next, System.nanoTime());
          server.publish(EventStreamHarness.taskEvent(next, EventStreamHarness.WEB, 300));
          next++;
        }
        if (elapsed >= millis * 1_000_000L) {
          server.vertx().cancelTimer(timer);
          done.complete(null);
        }
      });
      done.get(millis + 60_000, TimeUnit.MILLISECONDS);
    }
  }

  /** One SSE connection that reads only id lines, checks their order and records latencies. */
  private static final class Subscriber {
    final CompletableFuture<Void> open = new CompletableFuture<>();
    volatile long lastId;
    long lost;

    /**
     * A raw TCP connection sending the request by hand: the HTTP client's per-chunk work would cost
     * this JVM more than the server's. The body is chunked, but every chunk is a whole number of
     * frames (one server write), so scanning for lines that start with "id: " is enough.
     */
    static Subscriber connect(NetClient client, int port) {
      Subscriber subscriber = new Subscriber();
      client.connect(port, "127.0.0.1")
          .onSuccess(socket -> {
            socket.handler(subscriber::onChunk);
            socket.write("GET /api/v1/events HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n")
                .onComplete(written -> subscriber.open.complete(null));
          })
          .onFailure(subscriber.open::completeExceptionally);
      return subscriber;
    }

    /** The end of the previous chunk, when it stopped inside an id line or just before one. */
    private String carry = "";

    /**
     * Finds every "\nid: N\n" (each frame starts a line, after a frame or a chunk-size line, and JSON
     * data never holds a raw line break) with String.indexOf, which the JVM runs as vector
     * instructions: a byte-by-byte parser made this client cost twice the server it measures.
     */
    void onChunk(Buffer chunk) {
      long now = System.nanoTime();
      String text = carry + new String(chunk.getBytes(), StandardCharsets.ISO_8859_1);
      int at = text.indexOf("\nid: ");
      int resumeFrom = Math.max(0, text.length() - 5);
      while (at >= 0) {
        int end = text.indexOf('\n', at + 5);
        if (end < 0) {
          resumeFrom = at;
          break;
        }
        onId(Long.parseLong(text, at + 5, end, 10), now);
        resumeFrom = Math.max(end, text.length() - 5);
        at = text.indexOf("\nid: ", end);
      }
      carry = text.substring(resumeFrom);
    }

    private void onId(long id, long now) {
      if (lastId != 0 && id != lastId + 1) {
        lost += Math.abs(id - lastId - 1) + (id <= lastId ? 1 : 0);
      }
      lastId = id;
      if (measuring && id < MAX_EVENTS) {
        long latency = now - SENT_AT.get((int) id);
        HISTOGRAM.get()[(int) Math.min(BUCKETS - 1, Math.max(0, latency / BUCKET_NANOS))]++;
      }
    }
  }

  private static void startMeasuring() {
    synchronized (HISTOGRAMS) {
      // Histograms of client threads are zeroed between steps (readers are idle when this runs).
      HISTOGRAMS.forEach(h -> java.util.Arrays.fill(h, 0));
    }
    measuring = true;
  }

  private static long[] merged() {
    long[] merged = new long[BUCKETS];
    for (long[] histogram : histograms()) {
      for (int i = 0; i < BUCKETS; i++) {
        merged[i] += histogram[i];
      }
    }
    return merged;
  }

  private static List<long[]> histograms() {
    synchronized (HISTOGRAMS) {
      return List.copyOf(HISTOGRAMS);
    }
  }

  private static boolean awaitCaughtUp(List<Subscriber> all, long lastId, long timeoutMs) throws InterruptedException {
    long deadline = System.currentTimeMillis() + timeoutMs;
    while (System.currentTimeMillis() < deadline) {
      if (all.stream().allMatch(s -> s.lastId >= lastId)) {
        return true;
      }
      Thread.sleep(10);
    }
    return false;
  }

  private static double percentile(long[] histogram, double q) {
    long total = 0;
    for (long count : histogram) {
      total += count;
    }
    long rank = (long) Math.ceil(q * total);
    long seen = 0;
    for (int i = 0; i < histogram.length; i++) {
      seen += histogram[i];
      if (seen >= rank && total > 0) {
        return (i + 1) * BUCKET_NANOS / 1e6;
      }
    }
    return 0;
  }

  private static double max(long[] histogram) {
    for (int i = histogram.length - 1; i >= 0; i--) {
      if (histogram[i] > 0) {
        return (i + 1) * BUCKET_NANOS / 1e6;
      }
    }
    return 0;
  }
}
