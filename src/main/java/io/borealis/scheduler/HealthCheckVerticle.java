package io.borealis.scheduler;

import io.borealis.events.BusAddresses;
import io.borealis.events.ClusterEvent;
import io.borealis.events.StateRequests;
import io.borealis.health.HealthProbes;
import io.borealis.model.HealthCheckConfig;
import io.borealis.model.ScheduledTask;
import io.borealis.model.TaskState;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The scheduler's own health probes: every RUNNING task with a port named {@code health} gets an HTTP
 * GET of its health endpoint on its job's intervals, from the scheduler, without blocking. At most
 * {@link #MAX_IN_FLIGHT} probes run at once (the rest wait their turn), each with the job's timeout.
 * When a task's verdict changes ({@link HealthProbes}), the state owner is told; it publishes the
 * change, and the update verticle waits for healthy instances before counting them updated.
 */
public final class HealthCheckVerticle extends VerticleBase {
  static final int MAX_IN_FLIGHT = 64;

  private final Clock clock;
  private final Map<String, Probed> probed = new HashMap<>();
  private final Deque<String> waiting = new ArrayDeque<>();
  private HttpClient http;
  private int inFlight;

  /** A task being probed: where, how, and what its probes have found. */
  private static final class Probed {
    final ScheduledTask task;
    HealthProbes probes;
    long timer = -1;

    Probed(ScheduledTask task, HealthProbes probes) {
      this.task = task;
      this.probes = probes;
    }
  }

  public HealthCheckVerticle(Clock clock) {
    this.clock = clock;
  }

  @Override
  public Future<?> start() {
    http = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(false), new PoolOptions().setHttp1MaxSize(MAX_IN_FLIGHT));
    var events = vertx.eventBus().<ClusterEvent>consumer(BusAddresses.EVENTS, message -> onEvent(message.body()));
    return events.completion()
        .compose(v -> vertx.eventBus().<StateRequests.TaskList>request(BusAddresses.STATE,
            new StateRequests.QueryTasks(null, null, null, TaskState.RUNNING, null)))
        .onSuccess(reply -> reply.body().tasks().forEach(this::watch));
  }

  @Override
  public Future<?> stop() {
    return http.close();
  }

  private void onEvent(ClusterEvent event) {
    if (!(event instanceof ClusterEvent.TaskStateChanged change)) {
      return;
    }
    if (change.state() == TaskState.RUNNING) {
      vertx.eventBus().<ScheduledTask>request(BusAddresses.STATE, new StateRequests.GetTask(change.taskId()))
          .onSuccess(reply -> watch(reply.body()));
    } else {
      Probed gone = probed.remove(change.taskId());
      if (gone != null && gone.timer >= 0) {
        vertx.cancelTimer(gone.timer);
      }
    }
  }

  private void watch(ScheduledTask task) {
    Integer port = task.ports().get("health");
    HealthCheckConfig config = task.config().healthCheck();
    if (task.state() != TaskState.RUNNING || port == null || task.host() == null || config == null || config.http() == null
        || probed.containsKey(task.taskId())) {
      return;
    }
    Probed entry = new Probed(task, HealthProbes.start(config));
    probed.put(task.taskId(), entry);
    schedule(entry, entry.probes.firstProbeAt(task.since()));
  }

  private void schedule(Probed entry, Instant at) {
    long delay = Math.max(1, Duration.between(clock.instant(), at).toMillis());
    entry.timer = vertx.setTimer(delay, id -> {
      entry.timer = -1;
      waiting.add(entry.task.taskId());
      drain();
    });
  }

  /** Starts waiting probes while fewer than {@link #MAX_IN_FLIGHT} run. */
  private void drain() {
    while (inFlight < MAX_IN_FLIGHT && !waiting.isEmpty()) {
      Probed entry = probed.get(waiting.poll());
      if (entry != null) {
        inFlight++;
        probe(entry).onComplete(result -> {
          inFlight--;
          record(entry, result.succeeded() ? result.result() : describe(result.cause()));
          drain();
        });
      }
    }
  }

  /** One GET of the health endpoint: null when it answered as expected, else what was wrong. */
  private Future<String> probe(Probed entry) {
    HealthCheckConfig.HttpChecker checker = entry.task.config().healthCheck().http();
    RequestOptions request = new RequestOptions().setMethod(HttpMethod.GET).setHost(entry.task.host())
        .setPort(entry.task.ports().get("health")).setURI(checker.endpoint())
        .setIdleTimeout(entry.probes.timeout().toMillis()).setConnectTimeout(entry.probes.timeout().toMillis());
    return http.request(request)
        .compose(req -> req.send().compose(response -> response.body().map(body -> {
          int expectedCode = checker.expectedResponseCode() == 0 ? 200 : checker.expectedResponseCode();
          if (response.statusCode() != expectedCode) {
            return "health endpoint answered HTTP " + response.statusCode() + ", expected " + expectedCode;
          }
          String expected = checker.expectedResponse();
          String text = body.toString().trim();
          return expected == null || expected.isEmpty() || text.equalsIgnoreCase(expected) ? null
              : "health endpoint answered '" + abbreviate(text) + "', expected '" + expected + "'";
        })));
  }

  private void record(Probed entry, String problem) {
    if (!probed.containsKey(entry.task.taskId())) {
      return;
    }
    Boolean before = entry.probes.healthy();
    entry.probes = entry.probes.after(problem);
    Boolean after = entry.probes.healthy();
    if (after != null && !Objects.equals(before, after)) {
      String message = after ? "Scheduler health check passed" : "Scheduler health check failed: " + problem;
      vertx.eventBus().request(BusAddresses.STATE, new StateRequests.ObservedHealth(entry.task.taskId(), after, message));
    }
    schedule(entry, entry.probes.nextProbeAt(clock.instant()));
  }

  private static String describe(Throwable failure) {
    return "health endpoint unreachable: " + (failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage());
  }

  private static String abbreviate(String text) {
    return text.length() <= 40 ? text : text.substring(0, 40) + "...";
  }
}
