package io.borealis.testing;

import io.borealis.access.AccessSettings;
import io.borealis.api.ApiVerticle;
import io.borealis.api.EventStreamSettings;
import io.borealis.app.MonitoredVertx;
import io.borealis.events.BusAddresses;
import io.borealis.events.ClusterEvent;
import io.borealis.events.StateRequests;
import io.borealis.model.JobKey;
import io.borealis.model.TaskState;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * The API verticle alone on a random port, fed cluster events straight onto the event bus as the state
 * owner publishes them, with a stand-in state owner that answers only "what is the latest event id?".
 * Lighter than a whole scheduler for tests and benchmarks of {@code GET /api/v1/events}.
 */
public final class EventStreamHarness implements AutoCloseable {
  public static final JobKey WEB = new JobKey("devcluster", "www-data", "prod", "web");

  private final MonitoredVertx monitored;
  private final ApiVerticle api;
  private MessageConsumer<StateRequests.Request> stateOwner;

  private EventStreamHarness(MonitoredVertx monitored, ApiVerticle api) {
    this.monitored = monitored;
    this.api = api;
  }

  public static EventStreamHarness start(EventStreamSettings settings) throws Exception {
    MonitoredVertx monitored = MonitoredVertx.create();
    ApiVerticle api = new ApiVerticle("127.0.0.1", 0, "devcluster", monitored.registry(), AccessSettings.OPEN, settings);
    monitored.vertx().deployVerticle(api).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    return new EventStreamHarness(monitored, api);
  }

  /** Answers {@link StateRequests.GetLastEventId} with {@code latest} from now on (as after a restart). */
  public void stateOwnerAt(long latest) throws Exception {
    if (stateOwner != null) {
      stateOwner.unregister().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
    stateOwner = vertx().eventBus().consumer(BusAddresses.STATE, message -> {
      if (message.body() instanceof StateRequests.GetLastEventId) {
        message.reply(latest);
      } else {
        message.fail(503, "not in this harness");
      }
    });
    stateOwner.completion().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  public void publish(ClusterEvent event) {
    vertx().eventBus().publish(BusAddresses.EVENTS, event);
  }

  /** A task event of job {@link #WEB} with this id, its message padded to make the event about {@code size} bytes. */
  public static ClusterEvent taskEvent(long id, JobKey job, int size) {
    String message = "placed" + (size > 300 ? " " + "x".repeat(size - 300) : "");
    return new ClusterEvent.TaskStateChanged(id, Instant.now(), job, job.role() + "-" + job.environment() + "-"
        + job.name() + "-0-" + id, 0, TaskState.PENDING, TaskState.ASSIGNED, "host-1", message);
  }

  public String eventsUrl(String query) {
    return "http://127.0.0.1:" + api.port() + "/api/v1/events" + (query.isEmpty() ? "" : "?" + query);
  }

  public int port() {
    return api.port();
  }

  public Vertx vertx() {
    return monitored.vertx();
  }

  public double counter(String name) {
    Counter counter = monitored.registry().find(name).counter();
    return counter == null ? 0 : counter.count();
  }

  public double gauge(String name) {
    Gauge gauge = monitored.registry().find(name).gauge();
    return gauge == null ? Double.NaN : gauge.value();
  }

  /** The Prometheus text {@code /metrics} serves. */
  public String scrape() {
    return monitored.registry().scrape();
  }

  @Override
  public void close() throws Exception {
    monitored.vertx().close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }
}
