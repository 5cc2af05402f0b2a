package io.borealis.scheduler;

import static io.borealis.testing.Eventually.within;
import static org.assertj.core.api.Assertions.assertThat;

import io.borealis.config.JobJson;
import io.borealis.events.BusAddresses;
import io.borealis.events.ClusterEvent;
import io.borealis.events.StateRequests;
import io.borealis.model.JobConfig;
import io.borealis.model.ScheduledTask;
import io.borealis.model.TaskState;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The health-check verticle against a real HTTP health endpoint: it probes a RUNNING task's
 * {@code health} port once the initial interval has passed, and tells the state owner (played here
 * by a consumer on its address) each time its verdict changes.
 */
class HealthCheckVerticleTest {
  private Vertx vertx;
  private HttpServer endpoint;
  private final AtomicReference<String> answer = new AtomicReference<>("ok");
  private final List<StateRequests.ObservedHealth> verdicts = new CopyOnWriteArrayList<>();
  private ScheduledTask task;
  private volatile ScheduledTask otherTask;

  @BeforeEach
  void start() throws Exception {
    vertx = Vertx.vertx();
    LocalCodec.register(vertx);
    endpoint = vertx.createHttpServer().requestHandler(request -> {
      if (request.path().equals("/health")) {
        request.response().end(answer.get());
      } else {
        request.response().setStatusCode(404).end();
      }
    }).listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    task = new ScheduledTask("web-0", config(0.05), 0, TaskState.INIT, null, null, Map.of(), 0, null, List.of())
        .withState(TaskState.PENDING, Instant.now(), null)
        .withPlacement("agent-1", "127.0.0.1", Map.of("health", endpoint.actualPort()))
        .withState(TaskState.RUNNING, Instant.now(), null);
    vertx.eventBus().<StateRequests.Request>consumer(BusAddresses.STATE, message -> {
      StateRequests.Request request = message.body();
      if (request instanceof StateRequests.QueryTasks) {
        message.reply(new StateRequests.TaskList(List.of()));
      } else if (request instanceof StateRequests.GetTask get) {
        message.reply(get.taskId().equals(task.taskId()) ? task : otherTask);
      } else if (request instanceof StateRequests.ObservedHealth observed) {
        verdicts.add(observed);
        message.reply(null);
      }
    });
    vertx.deployVerticle(new HealthCheckVerticle(Clock.systemUTC())).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  /** A job probed every 0.05 s, the first time {@code initialInterval} seconds after RUNNING. */
  private static JobConfig config(double initialInterval) {
    return JobJson.read("""
        {"cluster": "devcluster", "role": "www-data", "environment": "prod", "name": "web", "service": true,
         "task": {"processes": [{"name": "web", "cmdline": "serve {{thermos.ports[health]}}"}],
                  "resources": {"cpu": 0.1, "ram": 1048576, "disk": 1048576}},
         "health_check_config": {"initial_interval_secs": %s, "interval_secs": 0.05, "timeout_secs": 0.5}}
        """.formatted(initialInterval)).jobs().get(0);
  }

  @AfterEach
  void stop() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  private void awaitVerdicts(int count) {
    within(Duration.ofSeconds(10), count + " health verdict(s)").untilAsserted(() -> assertThat(verdicts).hasSizeGreaterThanOrEqualTo(count));
  }

  @Test
  void aRunningTaskIsProbedAndEachChangeOfVerdictReported() throws Exception {
    vertx.eventBus().publish(BusAddresses.EVENTS, new ClusterEvent.TaskStateChanged(1, Instant.now(), task.jobKey(), task.taskId(), 0,
        TaskState.STARTING, TaskState.RUNNING, "127.0.0.1", null));
    awaitVerdicts(1);
    assertThat(verdicts.get(0).healthy()).isTrue();

    answer.set("not today");
    awaitVerdicts(2);
    assertThat(verdicts.get(1).healthy()).isFalse();
    assertThat(verdicts.get(1).message()).contains("answered 'not today', expected 'ok'");

    vertx.eventBus().publish(BusAddresses.EVENTS, new ClusterEvent.TaskStateChanged(2, Instant.now(), task.jobKey(), task.taskId(), 0,
        TaskState.RUNNING, TaskState.KILLED, "127.0.0.1", null));
    answer.set("ok");
    // Another task, RUNNING only now and first probed 0.3 s later, reaching its verdict proves that
    // several 0.05 s probe rounds of the killed task would have passed.
    otherTask = new ScheduledTask("web-1", config(0.3), 1, TaskState.INIT, null, null, Map.of(), 0, null, List.of())
        .withState(TaskState.PENDING, Instant.now(), null)
        .withPlacement("agent-1", "127.0.0.1", Map.of("health", endpoint.actualPort()))
        .withState(TaskState.RUNNING, Instant.now(), null);
    vertx.eventBus().publish(BusAddresses.EVENTS, new ClusterEvent.TaskStateChanged(3, Instant.now(), otherTask.jobKey(),
        otherTask.taskId(), 1, TaskState.STARTING, TaskState.RUNNING, "127.0.0.1", null));
    awaitVerdicts(3);
    assertThat(verdicts).extracting(StateRequests.ObservedHealth::taskId)
        .as("a task that stopped running is no longer probed (it would be healthy again)").containsExactly("web-0", "web-0", "web-1");
  }
}
