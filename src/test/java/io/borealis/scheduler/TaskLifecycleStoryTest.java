package io.borealis.scheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.borealis.config.JobJson;
import io.borealis.events.BusAddresses;
import io.borealis.events.ClusterEvent;
import io.borealis.events.MesosCommands;
import io.borealis.events.StateRequests;
import io.borealis.model.JobConfig;
import io.borealis.model.JobKey;
import io.borealis.model.ScheduledTask;
import io.borealis.model.TaskState;
import io.borealis.state.LifecycleSettings;
import io.borealis.storage.JournalLog;
import io.borealis.storage.Storage;
import io.borealis.testing.MutableClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Stories of the timed life cycle, told to the state verticle alone (on a real journal) with a
 * virtual clock: nothing sleeps, the clock jumps and a sweep is requested. Some stories restart the
 * verticle midway: every timer must then fire when it would have without the restart, because it
 * counts from stored timestamps.
 */
class TaskLifecycleStoryTest {
  private static final JobKey KEY = JobKey.parse("devcluster/www-data/prod/story");
  private static final String JOB = """
      {"cluster": "devcluster", "role": "www-data", "environment": "prod", "name": "story", "service": true,
       "task": {"processes": [{"name": "p", "cmdline": "sleep 600"}], "resources": {"cpu": 1, "ram": 1048576, "disk": 1048576}}}
      """;

  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T10:00:00Z"));
  private final List<MesosCommands.Command> mesos = new CopyOnWriteArrayList<>();
  private final List<ClusterEvent> events = new CopyOnWriteArrayList<>();
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private Vertx vertx;

  @TempDir
  Path dataDir;
  private Storage.Opened storage;
  private String deployment;

  @BeforeEach
  void deploy() throws Exception {
    vertx = Vertx.vertx();
    LocalCodec.register(vertx);
    vertx.eventBus().<MesosCommands.Command>consumer(BusAddresses.MESOS, m -> mesos.add(m.body()));
    vertx.eventBus().<ClusterEvent>consumer(BusAddresses.EVENTS, m -> events.add(m.body()));
    startStateVerticle();
    JobConfig config = JobJson.read(JOB).jobs().get(0);
    request(new StateRequests.CreateJob(config));
  }

  /** On a real journal, so a story can restart the scheduler in the middle. */
  private void startStateVerticle() throws Exception {
    storage = Storage.open(dataDir, JournalLog.DEFAULT_SNAPSHOT_THRESHOLD);
    deployment = await(vertx.deployVerticle(new StateVerticle(clock, "devcluster", LifecycleSettings.AURORA_DEFAULTS, Duration.ZERO,
        new SchedulerMetrics(registry), storage.log(), storage.state())));
  }

  private void restart() throws Exception {
    await(vertx.undeploy(deployment));
    storage.log().close();
    startStateVerticle();
  }

  @AfterEach
  void close() throws Exception {
    await(vertx.close());
    storage.log().close();
  }

  private static <T> T await(io.vertx.core.Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  private Object request(StateRequests.Request request) throws Exception {
    return await(vertx.eventBus().request(BusAddresses.STATE, request)).body();
  }

  private void after(Duration elapsed) throws Exception {
    clock.advance(elapsed);
    request(new StateRequests.Sweep());
  }

  private List<ScheduledTask> tasks() throws Exception {
    return ((StateRequests.JobView) request(new StateRequests.GetJob(KEY))).tasks();
  }

  private ScheduledTask only(TaskState state) throws Exception {
    List<ScheduledTask> inState = tasks().stream().filter(t -> t.state() == state).toList();
    assertThat(inState).as("tasks in " + state).hasSize(1);
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

  private void reportHealth(ScheduledTask task, boolean healthy) throws Exception {
    request(new StateRequests.StatusUpdate(task.taskId(), task.agentId(), TaskState.RUNNING, healthy ? "Task is healthy" : "Task is unhealthy",
        clock.instant(), healthy));
  }

  private long killsSentFor(String taskId) {
    return mesos.stream().filter(c -> c instanceof MesosCommands.Kill kill && kill.taskId().equals(taskId)).count();
  }

  @Test
  void aKilledJobsHistoryIsPrunedAfterTwoDaysAndTheJobWithIt() throws Exception {
    ScheduledTask task = place();
    report(task, TaskState.RUNNING);
    request(new StateRequests.KillTasks(KEY, null, "done with it"));
    report(task, TaskState.KILLED);
    after(Duration.ofDays(1));
    assertThat(tasks()).singleElement().satisfies(t -> assertThat(t.state()).isEqualTo(TaskState.KILLED));

    after(Duration.ofDays(1).plusMinutes(2));
    assertThatThrownBy(this::tasks).hasMessageContaining("no job " + KEY);
    var jobs = (List<?>) request(new StateRequests.ListJobs(null, null));
    assertThat(jobs).isEmpty();
  }

  @Test
  void aTaskStuckInAssignedIsLostAfterFiveMinutesAndReplaced() throws Exception {
    ScheduledTask assigned = place();
    after(Duration.ofMinutes(4).plusSeconds(59));
    assertThat(only(TaskState.ASSIGNED).taskId()).isEqualTo(assigned.taskId());

    after(Duration.ofSeconds(1));
    ScheduledTask lost = tasks().stream().filter(t -> t.taskId().equals(assigned.taskId())).findFirst().orElseThrow();
    assertThat(lost.state()).isEqualTo(TaskState.LOST);
    assertThat(lost.lastMessage()).contains("timed out");
    assertThat(killsSentFor(assigned.taskId())).as("it may still start on its agent: killed to be sure").isEqualTo(1);
    ScheduledTask replacement = only(TaskState.PENDING);
    assertThat(replacement.ancestorId()).isEqualTo(assigned.taskId());
    assertThat(replacement.instance()).isEqualTo(assigned.instance());
  }

  @Test
  void aKillIsResentWithBackoffAndGivenUpAsLostAtTheTimeout() throws Exception {
    ScheduledTask task = place();
    report(task, TaskState.RUNNING);
    after(Duration.ofMinutes(10));
    request(new StateRequests.KillTasks(KEY, null, "test kill"));
    assertThat(killsSentFor(task.taskId())).isEqualTo(1);

    after(Duration.ofSeconds(14));
    assertThat(killsSentFor(task.taskId())).isEqualTo(1);
    after(Duration.ofSeconds(1));
    assertThat(killsSentFor(task.taskId())).isEqualTo(2);
    after(Duration.ofSeconds(30));
    assertThat(killsSentFor(task.taskId())).isEqualTo(3);
    after(Duration.ofSeconds(30));
    assertThat(killsSentFor(task.taskId())).as("next retry only at 105 s").isEqualTo(3);

    after(Duration.ofMinutes(5));
    assertThat(tasks()).singleElement().satisfies(t -> assertThat(t.state()).isEqualTo(TaskState.LOST));
  }

  @Test
  void aFlappingServiceIsThrottledLongerEachTime() throws Exception {
    ScheduledTask first = place();
    report(first, TaskState.RUNNING);
    after(Duration.ofSeconds(10));
    report(first, TaskState.FAILED);

    ScheduledTask throttled = only(TaskState.THROTTLED);
    assertThat(throttled.lastMessage()).contains("throttled for 30 s");
    after(Duration.ofSeconds(29));
    only(TaskState.THROTTLED);
    after(Duration.ofSeconds(1));
    ScheduledTask second = place();
    assertThat(second.taskId()).isEqualTo(throttled.taskId());

    report(second, TaskState.RUNNING);
    after(Duration.ofSeconds(10));
    report(second, TaskState.FAILED);
    assertThat(only(TaskState.THROTTLED).lastMessage()).contains("throttled for 60 s");
    after(Duration.ofSeconds(59));
    only(TaskState.THROTTLED);
    after(Duration.ofSeconds(1));
    only(TaskState.PENDING);
  }

  @Test
  void healthReportsAreKeptForTheRunningTaskAndPublishedWhenTheyChange() throws Exception {
    ScheduledTask task = place();
    report(task, TaskState.RUNNING);
    reportHealth(task, true);
    reportHealth(task, true);
    reportHealth(task, false);
    assertThat(events).filteredOn(e -> e instanceof ClusterEvent.TaskHealthChanged)
        .extracting(e -> ((ClusterEvent.TaskHealthChanged) e).healthy()).containsExactly(true, false);
    StateRequests.JobView view = (StateRequests.JobView) request(new StateRequests.GetJob(KEY));
    assertThat(view.health()).containsEntry(task.taskId(), false);

    report(task, TaskState.KILLED);
    view = (StateRequests.JobView) request(new StateRequests.GetJob(KEY));
    assertThat(view.health()).as("health is only for running tasks").isEmpty();
  }

  @Test
  void anIllegalTransitionIsCountedAndChangesNothing() throws Exception {
    ScheduledTask pending = only(TaskState.PENDING);
    report(pending, TaskState.FINISHED);
    assertThat(only(TaskState.PENDING).taskId()).isEqualTo(pending.taskId());
    assertThat(registry.get("borealis.task.illegal.transitions").counter().count()).isEqualTo(1.0);
    assertThat(registry.get("borealis.task.transitions").tag("state", "PENDING").counter().count()).isEqualTo(1.0);
  }

  /** The story job's one task RUNNING, under a job whose partition policy is {@code policy} (JSON; null: none). */
  private ScheduledTask runningWithPartitionPolicy(String policy) throws Exception {
    if (policy != null) {
      String job = JOB.replace("\"service\": true,", "\"service\": true, \"partition_policy\": " + policy + ",");
      request(new StateRequests.KillTasks(KEY, null, "replaced by a job with a partition policy"));
      request(new StateRequests.CreateJob(JobJson.read(job).jobs().get(0)));
    }
    ScheduledTask task = place();
    report(task, TaskState.RUNNING);
    return task;
  }

  /** The run that replaces {@code task}: PENDING, or THROTTLED when the task ran too briefly. */
  private ScheduledTask replacementOf(ScheduledTask task) throws Exception {
    return tasks().stream().filter(t -> task.taskId().equals(t.ancestorId())).findFirst()
        .orElseThrow(() -> new AssertionError("no replacement of " + task.taskId()));
  }

  private ScheduledTask state(ScheduledTask task) throws Exception {
    return tasks().stream().filter(t -> t.taskId().equals(task.taskId())).findFirst().orElseThrow();
  }

  @Test
  void anUnreachableTaskIsReplacedAtOnceByDefault() throws Exception {
    ScheduledTask task = runningWithPartitionPolicy(null);
    report(task, TaskState.PARTITIONED);
    assertThat(state(task).state()).isEqualTo(TaskState.LOST);
    assertThat(state(task).lastMessage()).contains("partition policy");
    assertThat(replacementOf(task).state()).isIn(TaskState.PENDING, TaskState.THROTTLED);
    assertThat(killsSentFor(task.taskId())).as("if it comes back it must not run twice").isEqualTo(1);
  }

  /**
   * A task being restarted or drained that Mesos then calls unreachable is given up as LOST once, so
   * its instance gets exactly one replacement (there were two, both RUNNING, when the partition came
   * on top of a restart); a task being killed gets none.
   */
  @ParameterizedTest
  @CsvSource({"RESTARTING, 1", "DRAINING, 1", "KILLING, 0"})
  void anUnreachableTaskThatWasBeingStoppedIsReplacedAtMostOnce(TaskState stopping, int replacements) throws Exception {
    ScheduledTask task = runningWithPartitionPolicy(null);
    switch (stopping) {
      case RESTARTING -> request(new StateRequests.RestartTasks(KEY, null));
      case DRAINING -> request(new StateRequests.DrainHosts(List.of(task.host())));
      default -> request(new StateRequests.KillTasks(KEY, null, "killed by the story"));
    }
    assertThat(state(task).state()).isEqualTo(stopping);

    report(task, TaskState.PARTITIONED);
    assertThat(state(task).state()).isEqualTo(TaskState.LOST);
    assertThat(tasks()).filteredOn(t -> task.taskId().equals(t.ancestorId())).hasSize(replacements);
    assertThat(tasks()).filteredOn(t -> !t.state().isTerminal()).hasSize(replacements);
  }

  @Test
  void anUnreachableTaskWaitsOutThePartitionDelayEvenAcrossARestart() throws Exception {
    ScheduledTask task = runningWithPartitionPolicy("{\"reschedule\": true, \"delay_secs\": 60}");
    report(task, TaskState.PARTITIONED);
    after(Duration.ofSeconds(59));
    assertThat(state(task).state()).isEqualTo(TaskState.PARTITIONED);
    restart();
    after(Duration.ofSeconds(1));
    assertThat(state(task).state()).isEqualTo(TaskState.LOST);
    assertThat(replacementOf(task).instance()).isEqualTo(task.instance());
  }

  @Test
  void withoutReschedulingAnUnreachableTaskWaitsForMesosAndMayComeBack() throws Exception {
    ScheduledTask task = runningWithPartitionPolicy("{\"reschedule\": false}");
    report(task, TaskState.PARTITIONED);
    after(Duration.ofHours(1));
    assertThat(state(task).state()).isEqualTo(TaskState.PARTITIONED);
    assertThat(tasks()).filteredOn(t -> task.taskId().equals(t.ancestorId())).isEmpty();
    report(task, TaskState.RUNNING);
    assertThat(state(task).state()).isEqualTo(TaskState.RUNNING);
  }

  @Test
  void aServiceThatRanLongEnoughComesBackAtOnce() throws Exception {
    ScheduledTask task = place();
    report(task, TaskState.RUNNING);
    after(Duration.ofMinutes(6));
    report(task, TaskState.FINISHED);
    assertThat(only(TaskState.PENDING).ancestorId()).isEqualTo(task.taskId());
    assertThat(events).filteredOn(e -> e instanceof ClusterEvent.TaskStateChanged change && change.state() == TaskState.THROTTLED).isEmpty();
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
