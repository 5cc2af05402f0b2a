package io.borealis.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import io.borealis.config.JobJson;
import io.borealis.events.BusAddresses;
import io.borealis.events.StateRequests;
import io.borealis.model.JobKey;
import io.borealis.model.ScheduledTask;
import io.borealis.model.TaskState;
import io.borealis.state.LifecycleSettings;
import io.borealis.storage.JournalLog;
import io.borealis.storage.Storage;
import io.borealis.testing.MutableClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The state verticle on a real journal, restarted in the middle of a timed story: every timer must
 * fire when it would have without the restart, because it counts from stored timestamps.
 */
class RestartStoryTest {
  private static final JobKey KEY = JobKey.parse("devcluster/www-data/prod/story");
  private static final String JOB = """
      {"cluster": "devcluster", "role": "www-data", "environment": "prod", "name": "story", "service": true,
       "task": {"processes": [{"name": "p", "cmdline": "sleep 600"}], "resources": {"cpu": 1, "ram": 1048576, "disk": 1048576}}}
      """;

  @TempDir
  Path dir;

  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-29T10:00:00Z"));
  private Vertx vertx;
  private Storage.Opened storage;
  private String deployment;

  @BeforeEach
  void start() throws Exception {
    vertx = Vertx.vertx();
    LocalCodec.register(vertx);
    startScheduler();
    request(new StateRequests.CreateJob(JobJson.read(JOB).jobs().get(0)));
  }

  @AfterEach
  void stop() throws Exception {
    stopScheduler();
    await(vertx.close());
  }

  private void startScheduler() throws Exception {
    storage = Storage.open(dir, JournalLog.DEFAULT_SNAPSHOT_THRESHOLD);
    deployment = await(vertx.deployVerticle(new StateVerticle(clock, "devcluster", LifecycleSettings.AURORA_DEFAULTS,
        Duration.ZERO, new SchedulerMetrics(new SimpleMeterRegistry()), storage.log(), storage.state())));
  }

  private void stopScheduler() throws Exception {
    await(vertx.undeploy(deployment));
    storage.log().close();
  }

  private void restart() throws Exception {
    stopScheduler();
    startScheduler();
  }

  private static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  private Object request(StateRequests.Request request) throws Exception {
    return await(vertx.eventBus().request(BusAddresses.STATE, request)).body();
  }

  private void after(Duration elapsed) throws Exception {
    clock.advance(elapsed);
    request(new StateRequests.Sweep());
  }

  private ScheduledTask only(TaskState state) throws Exception {
    List<ScheduledTask> tasks = ((StateRequests.JobView) request(new StateRequests.GetJob(KEY))).tasks();
    List<ScheduledTask> inState = tasks.stream().filter(t -> t.state() == state).toList();
    assertThat(inState).as("tasks in " + state + " among " + tasks).hasSize(1);
    return inState.get(0);
  }

  private ScheduledTask place() throws Exception {
    ScheduledTask pending = only(TaskState.PENDING);
    request(new StateRequests.PlaceTasks(List.of(new StateRequests.Placement(pending.taskId(), "agent-1", "host-1", Map.of())), Map.of()));
    return only(TaskState.ASSIGNED);
  }

  private void report(ScheduledTask task, TaskState state) throws Exception {
    request(new StateRequests.StatusUpdate(task.taskId(), task.agentId(), state, "executor says " + state, clock.instant(), null));
  }

  @Test
  void aTransientTimeoutCountsFromTheStoredTimestampNotFromTheRestart() throws Exception {
    ScheduledTask assigned = place();
    after(Duration.ofMinutes(4));
    restart();
    after(Duration.ofSeconds(59));
    assertThat(only(TaskState.ASSIGNED).taskId()).isEqualTo(assigned.taskId());

    after(Duration.ofSeconds(1));
    assertThat(only(TaskState.LOST).taskId()).as("5 minutes after it was assigned, restart or not").isEqualTo(assigned.taskId());
    assertThat(only(TaskState.PENDING).ancestorId()).isEqualTo(assigned.taskId());
  }

  @Test
  void aThrottleEndsWhenItWouldHaveWithoutTheRestart() throws Exception {
    ScheduledTask first = place();
    report(first, TaskState.RUNNING);
    after(Duration.ofSeconds(10));
    report(first, TaskState.FAILED);
    assertThat(only(TaskState.THROTTLED).lastMessage()).contains("throttled for 30 s");

    after(Duration.ofSeconds(20));
    restart();
    after(Duration.ofSeconds(9));
    only(TaskState.THROTTLED);
    after(Duration.ofSeconds(1));
    only(TaskState.PENDING);
  }
}
