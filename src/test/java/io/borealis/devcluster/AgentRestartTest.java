package io.borealis.devcluster;

import static io.borealis.testing.Eventually.within;
import static org.assertj.core.api.Assertions.assertThat;

import io.borealis.mesos.wire.FrameworkInfo;
import io.borealis.mesos.wire.Offer;
import io.borealis.mesos.wire.SchedulerEvent;
import io.borealis.mesos.wire.TaskId;
import io.borealis.mesos.wire.TaskStatus;
import io.borealis.mesos.wire.TaskStatus.State;
import io.vertx.core.Future;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A dev agent restart as Mesos defines it for frameworks that do or do not checkpoint: a
 * checkpointing framework's task carries on and its update waits for the agent to come back; a
 * non-checkpointing framework's task dies with the agent and the master reports it lost.
 */
@Timeout(120)
class AgentRestartTest {
  @TempDir
  Path dir;
  private OneAgentDevCluster dev;
  private DevCluster cluster;
  private TestFramework framework;

  @BeforeEach
  void start() throws Exception {
    dev = OneAgentDevCluster.start(dir);
    cluster = dev.cluster;
    framework = new TestFramework(cluster.masterUrl());
  }

  @AfterEach
  void stop() throws Exception {
    framework.close();
    dev.close();
  }

  @Test
  void aCheckpointingFrameworksTaskOutlivesTheRestartAndItsUpdateWaitsForTheAgent() throws Exception {
    framework.subscribe(new FrameworkInfo("nobody", "checkpointing", null, 60.0, true, null, null, null, null));
    Path go = dir.resolve("go");
    launch("waiter", "while [ ! -e " + go + " ]; do sleep 0.1; done");

    await(cluster.stopAgentKeepingExecutors(0));
    Files.createFile(go);
    Thread.sleep(1500);
    assertThat(framework.seen.stream().filter(e -> e.type() == SchedulerEvent.Type.UPDATE)
        .map(e -> e.update().status().state()).toList()).as("nothing new while the agent is down")
        .doesNotContain(State.TASK_FINISHED, State.TASK_LOST);

    await(cluster.recoverAgent(0));
    framework.awaitState(TaskId.of("waiter"), State.TASK_FINISHED, Duration.ofSeconds(20));
  }

  @Test
  void aNonCheckpointingFrameworksTaskDiesWithTheAgentAndIsReportedLost() throws Exception {
    framework.subscribe(new FrameworkInfo("nobody", "forgetful", null, 60.0, false, null, null, null, null));
    launch("sleeper", "exec sleep 602");
    // RUNNING is reported as the shell starts; it becomes sleep a moment later.
    within(Duration.ofSeconds(10), "the task's process").untilAsserted(() -> assertThat(OneAgentDevCluster.sleepsOf("602")).isEqualTo(1));

    await(cluster.stopAgentKeepingExecutors(0));

    TaskStatus lost = framework.awaitState(TaskId.of("sleeper"), State.TASK_LOST, Duration.ofSeconds(20));
    assertThat(lost.reason()).isEqualTo(TaskStatus.Reason.REASON_AGENT_DISCONNECTED);
    assertThat(lost.source()).isEqualTo(TaskStatus.Source.SOURCE_MASTER);
    within(Duration.ofSeconds(10), "the task's process gone")
        .untilAsserted(() -> assertThat(OneAgentDevCluster.sleepsOf("602")).as("the task's process died with the agent").isZero());
    await(cluster.recoverAgent(0));
  }

  private void launch(String taskId, String command) throws Exception {
    Offer offer = framework.nextOffer();
    assertThat(framework.launchCommandTasks(offer, Map.of(taskId, command))).isEqualTo(202);
    framework.awaitState(TaskId.of(taskId), State.TASK_RUNNING, Duration.ofSeconds(20));
  }

  private static void await(Future<Void> future) throws Exception {
    future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }
}
