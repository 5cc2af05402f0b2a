package io.borealis.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import io.borealis.config.JobJson;
import io.borealis.events.BusAddresses;
import io.borealis.events.MesosCommands;
import io.borealis.events.StateRequests;
import io.borealis.mesos.wire.AgentId;
import io.borealis.mesos.wire.SchedulerCall;
import io.borealis.mesos.wire.SchedulerEvent;
import io.borealis.mesos.wire.TaskId;
import io.borealis.mesos.wire.TaskStatus;
import io.borealis.mesos.wire.Uuids;
import io.borealis.model.JobKey;
import io.borealis.model.ScheduledTask;
import io.borealis.model.TaskState;
import io.borealis.testing.RecordingMaster;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The scheduler's Mesos verticle against a recording fake master: what it sends, and when. */
class MesosVerticleTest {
  private static final JobKey KEY = JobKey.parse("devcluster/www-data/prod/app");
  private SchedulerOnRecordingMaster scheduler;
  private RecordingMaster master;

  @BeforeEach
  void start() throws Exception {
    scheduler = SchedulerOnRecordingMaster.start(false);
    master = scheduler.master;
  }

  @AfterEach
  void stop() throws Exception {
    scheduler.close();
  }

  private Object state(StateRequests.Request request) throws Exception {
    return scheduler.state(request);
  }

  /** Polls the Mesos client's own account of its subscription until {@code condition} holds. */
  private MesosCommands.Connection awaitConnection(Predicate<MesosCommands.Connection> condition, String what) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (true) {
      MesosCommands.Connection connection = scheduler.vertx.eventBus()
          .<MesosCommands.Connection>request(BusAddresses.MESOS_STATUS, new MesosCommands.GetConnection())
          .toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS).body();
      if (condition.test(connection)) {
        return connection;
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("the Mesos client never reported " + what + "; last: " + connection);
      }
      LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
    }
  }

  @Test
  void saysWhetherItHoldsTheSubscriptionAndWhyNot() throws Exception {
    MesosCommands.Connection leading = awaitConnection(MesosCommands.Connection::subscribed, "the subscription");
    assertThat(leading.frameworkId()).isEqualTo(RecordingMaster.FRAMEWORK.value());
    assertThat(leading.problem()).isNull();

    master.close();
    MesosCommands.Connection lost = awaitConnection(c -> !c.subscribed(), "losing the subscription");
    assertThat(lost.problem()).isNotBlank();
    assertThat(lost.master()).isEqualTo(master.url());
  }

  /** A job whose one task the scheduler believes ASSIGNED to agent S1. */
  private ScheduledTask assignedTask() throws Exception {
    String job = """
        {"cluster": "devcluster", "role": "www-data", "environment": "prod", "name": "app",
         "task": {"processes": [{"name": "p", "cmdline": "sleep 1"}], "resources": {"cpu": 1, "ram": 1048576, "disk": 1048576}}}
        """;
    state(new StateRequests.CreateJob(JobJson.read(job).jobs().get(0)));
    ScheduledTask pending = ((StateRequests.JobView) state(new StateRequests.GetJob(KEY))).tasks().get(0);
    state(new StateRequests.PlaceTasks(List.of(new StateRequests.Placement(pending.taskId(), "S1", "host-1", Map.of())), Map.of()));
    return ((StateRequests.JobView) state(new StateRequests.GetJob(KEY))).tasks().get(0);
  }

  @Test
  void reSubscribesWithItsFrameworkIdAndReconcilesEveryTaskOnAnAgent() throws Exception {
    ScheduledTask task = assignedTask();
    master.cutStream();

    SchedulerCall resubscribe = master.awaitCall(c -> c.type() == SchedulerCall.Type.SUBSCRIBE, "a second SUBSCRIBE");
    assertThat(resubscribe.frameworkId()).isEqualTo(RecordingMaster.FRAMEWORK);
    assertThat(resubscribe.subscribe().frameworkInfo().id()).isEqualTo(RecordingMaster.FRAMEWORK);
    assertThat(resubscribe.subscribe().frameworkInfo().checkpoint())
        .as("checkpointing, as Aurora registers, so executors outlive an agent restart").isTrue();

    SchedulerCall explicit = master.awaitCall(c -> c.type() == SchedulerCall.Type.RECONCILE && !c.reconcile().tasks().isEmpty(),
        "an explicit RECONCILE");
    assertThat(explicit.reconcile().tasks())
        .containsExactly(new SchedulerCall.ReconcileTask(TaskId.of(task.taskId()), AgentId.of("S1")));
    master.awaitCall(c -> c.type() == SchedulerCall.Type.RECONCILE && c.reconcile().tasks().isEmpty(), "an implicit RECONCILE");
  }

  @Test
  void reconnectsWhenTheMasterFallsSilentForFiveHeartbeatIntervals() throws Exception {
    // The next subscription is told to expect a heartbeat every 0.1 s, and none ever comes.
    master.announceHeartbeatInterval(0.1);
    master.cutStream();
    master.awaitCall(c -> c.type() == SchedulerCall.Type.SUBSCRIBE, "the re-subscription after the cut");

    long silentSince = System.nanoTime();
    SchedulerCall again = master.awaitCall(c -> c.type() == SchedulerCall.Type.SUBSCRIBE, "a re-subscription after the silence");
    assertThat(again.frameworkId()).isEqualTo(RecordingMaster.FRAMEWORK);
    assertThat(java.time.Duration.ofNanos(System.nanoTime() - silentSince)).isGreaterThanOrEqualTo(java.time.Duration.ofMillis(400));
  }

  @Test
  void acknowledgesAnUpdateOnlyAfterApplyingIt() throws Exception {
    ScheduledTask task = assignedTask();
    byte[] uuid = Uuids.random();
    TaskStatus running = TaskStatus.of(TaskId.of(task.taskId()), TaskStatus.State.TASK_RUNNING, TaskStatus.Source.SOURCE_EXECUTOR,
        "up").withUuid(uuid).withOrigin(AgentId.of("S1"), null, 1.0);
    master.send(SchedulerEvent.update(running));

    SchedulerCall ack = master.awaitCall(c -> c.type() == SchedulerCall.Type.ACKNOWLEDGE, "ACKNOWLEDGE");
    assertThat(ack.acknowledge().uuid()).isEqualTo(uuid);
    assertThat(ack.acknowledge().taskId().value()).isEqualTo(task.taskId());
    ScheduledTask now = ((StateRequests.JobView) state(new StateRequests.GetJob(KEY))).tasks().get(0);
    assertThat(now.state()).isEqualTo(TaskState.RUNNING);
  }

  @Test
  void killsATaskMesosRunsThatTheSchedulerDoesNotKnow() throws Exception {
    TaskStatus stranger = TaskStatus.of(TaskId.of("who-is-this"), TaskStatus.State.TASK_RUNNING, TaskStatus.Source.SOURCE_MASTER,
        "Reconciliation: Latest task state").withOrigin(AgentId.of("S9"), null, 1.0);
    master.send(SchedulerEvent.update(stranger));

    SchedulerCall kill = master.awaitCall(c -> c.type() == SchedulerCall.Type.KILL, "KILL");
    assertThat(kill.kill().taskId().value()).isEqualTo("who-is-this");
    assertThat(kill.kill().agentId().value()).isEqualTo("S9");
  }
}
