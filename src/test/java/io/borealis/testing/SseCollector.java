package io.borealis.testing;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.core.parsetools.RecordParser;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** Reads {@code GET /api/v1/events} like a browser would and lets a test wait for events. */
public final class SseCollector implements AutoCloseable {
  /** One server-sent event: its id, its event name and its JSON data. */
  public record Event(long id, String type, JsonObject data) {}

  private final HttpClient client;
  private final List<Event> events = new ArrayList<>();
  private final List<Waiter> waiters = new ArrayList<>();
  private int comments;

  private record Waiter(Predicate<List<Event>> condition, CompletableFuture<List<Event>> done) {}

  private SseCollector(HttpClient client) {
    this.client = client;
  }

  /** Connects and returns once the stream is open, so no later event can be missed. */
  public static SseCollector connect(Vertx vertx, String url) throws Exception {
    return connect(vertx, url, Map.of());
  }

  /** As {@link #connect(Vertx, String)}, sending these request headers (e.g. {@code Last-Event-ID}). */
  public static SseCollector connect(Vertx vertx, String url, Map<String, String> headers) throws Exception {
    HttpClient client = vertx.createHttpClient();
    SseCollector collector = new SseCollector(client);
    RequestOptions options = new RequestOptions().setMethod(HttpMethod.GET).setAbsoluteURI(url);
    headers.forEach(options::putHeader);
    client.request(options)
        .compose(request -> request.send())
        .onSuccess(response -> {
          String[] current = new String[3];
          RecordParser lines = RecordParser.newDelimited("\n", response);
          lines.handler(line -> collector.onLine(line.toString(), current));
        })
        .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    return collector;
  }

  private void onLine(String line, String[] current) {
    if (line.startsWith(":")) {
      comment();
    } else if (line.isEmpty()) {
      if (current[2] != null) {
        add(new Event(current[0] == null ? -1 : Long.parseLong(current[0]), current[1], new JsonObject(current[2])));
      }
      current[0] = current[1] = current[2] = null;
    } else if (line.startsWith("id: ")) {
      current[0] = line.substring(4);
    } else if (line.startsWith("event: ")) {
      current[1] = line.substring(7);
    } else if (line.startsWith("data: ")) {
      current[2] = line.substring(6);
    }
  }

  private synchronized void comment() {
    comments++;
  }

  /** How many comment lines ({@code : heartbeat}) have arrived. */
  public synchronized int comments() {
    return comments;
  }

  private synchronized void add(Event event) {
    events.add(event);
    if (waiters.isEmpty()) {
      return;
    }
    List<Event> snapshot = List.copyOf(events);
    waiters.removeIf(w -> {
      if (w.condition().test(snapshot)) {
        w.done().complete(snapshot);
        return true;
      }
      return false;
    });
  }

  /** Waits until the events received so far satisfy {@code condition}; returns them. */
  public List<Event> await(Predicate<List<Event>> condition, Duration timeout, String what) throws Exception {
    CompletableFuture<List<Event>> done = new CompletableFuture<>();
    synchronized (this) {
      List<Event> snapshot = List.copyOf(events);
      if (condition.test(snapshot)) {
        return snapshot;
      }
      waiters.add(new Waiter(condition, done));
    }
    try {
      return done.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (java.util.concurrent.TimeoutException e) {
      throw new AssertionError("Timed out waiting for " + what + "; events so far: " + snapshot(), e);
    }
  }

  /** How many events have arrived, without copying them. */
  public synchronized int count() {
    return events.size();
  }

  public synchronized List<Event> snapshot() {
    return List.copyOf(events);
  }

  @Override
  public void close() {
    client.close();
  }
}
