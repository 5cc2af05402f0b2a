package io.borealis.api;

import io.borealis.events.ClusterEvent;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Predicate;

/**
 * {@code GET /api/v1/events}: cluster events as server-sent events, each with its id, event type and
 * JSON data. Keeps the latest events so a client that reconnects with {@code Last-Event-ID} misses
 * nothing (within the buffer). Lives on the API verticle's event loop.
 */
final class EventStreamHub {
  static final int REPLAY_BUFFER = 10_000;
  private static final long KEEPALIVE_MS = 15_000;

  private final Vertx vertx;
  private final Deque<ClusterEvent> recent = new ArrayDeque<>();
  private final Set<Subscriber> subscribers = new LinkedHashSet<>();

  private record Subscriber(HttpServerResponse response, Predicate<ClusterEvent> filter) {}

  EventStreamHub(Vertx vertx) {
    this.vertx = vertx;
  }

  void publish(ClusterEvent event) {
    recent.addLast(event);
    if (recent.size() > REPLAY_BUFFER) {
      recent.removeFirst();
    }
    for (Subscriber subscriber : subscribers) {
      if (subscriber.filter().test(event)) {
        write(subscriber.response(), event);
      }
    }
  }

  void subscribe(RoutingContext rc) {
    Predicate<ClusterEvent> filter = filter(rc);
    HttpServerResponse response = rc.response()
        .setChunked(true)
        .putHeader("Content-Type", "text/event-stream")
        .putHeader("Cache-Control", "no-cache")
        .putHeader("X-Accel-Buffering", "no");
    response.write("retry: 2000\n\n");
    long lastSeen = lastEventId(rc);
    if (lastSeen >= 0) {
      recent.stream().filter(e -> e.id() > lastSeen && filter.test(e)).forEach(e -> write(response, e));
    }
    Subscriber subscriber = new Subscriber(response, filter);
    subscribers.add(subscriber);
    long keepalive = vertx.setPeriodic(KEEPALIVE_MS, id -> response.write(": keepalive\n\n"));
    response.closeHandler(v -> {
      subscribers.remove(subscriber);
      vertx.cancelTimer(keepalive);
    });
  }

  private static void write(HttpServerResponse response, ClusterEvent event) {
    if (!response.closed() && !response.ended()) {
      response.write("id: " + event.id() + "\nevent: " + event.type() + "\ndata: " + ApiJson.event(event).encode() + "\n\n");
    }
  }

  private static long lastEventId(RoutingContext rc) {
    String header = rc.request().getHeader("Last-Event-ID");
    String value = header != null ? header : rc.request().getParam("last_event_id");
    try {
      return value == null ? -1 : Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static Predicate<ClusterEvent> filter(RoutingContext rc) {
    String role = rc.request().getParam("role");
    String env = rc.request().getParam("env");
    String job = rc.request().getParam("job");
    String type = rc.request().getParam("type");
    return event -> (role == null || event.job().role().equals(role))
        && (env == null || event.job().environment().equals(env))
        && (job == null || event.job().name().equals(job))
        && (type == null || event.type().equals(type));
  }
}
