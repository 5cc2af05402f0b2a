package io.borealis.devcluster;

import static io.borealis.testing.Eventually.within;
import static org.assertj.core.api.Assertions.assertThat;

import io.borealis.mesos.wire.FrameworkInfo;
import io.borealis.mesos.wire.MesosJson;
import io.borealis.mesos.wire.Offer;
import io.borealis.mesos.wire.SchedulerEvent;
import io.borealis.mesos.wire.SchedulerCall;
import io.borealis.mesos.wire.TaskId;
import io.borealis.mesos.wire.TaskStatus;
import io.borealis.mesos.wire.TaskStatus.State;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A framework that knows nothing of Borealis launches plain command tasks (a TaskInfo with
 * {@code command} and no executor, written by hand as with curl): the agent's built-in command
 * executor runs each as a process in its sandbox and reports STARTING, RUNNING, then FINISHED,
 * FAILED or KILLED.
 */
@Timeout(120)
class CommandTaskTest {
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
    framework.subscribe(new FrameworkInfo("nobody", "curl-framework", null, 60.0, false, null, null, null, null));
  }

  @AfterEach
  void stop() throws Exception {
    framework.close();
    dev.close();
  }

  private TaskStatus launch(String taskId, String command, State until) throws Exception {
    Offer offer = framework.nextOffer();
    assertThat(framework.launchCommandTasks(offer, Map.of(taskId, command))).isEqualTo(202);
    TaskId id = TaskId.of(taskId);
    assertThat(framework.awaitState(id, State.TASK_STARTING, Duration.ofSeconds(20)).source())
        .isEqualTo(TaskStatus.Source.SOURCE_EXECUTOR);
    framework.awaitState(id, State.TASK_RUNNING, Duration.ofSeconds(20));
    return until == State.TASK_RUNNING ? null : framework.awaitState(id, until, Duration.ofSeconds(30));
  }

  @Test
  void aCommandThatSucceedsFinishesAndLeavesItsOutputInTheSandbox() throws Exception {
    TaskStatus finished = launch("hello", "echo hello from $(id -un) in $MESOS_SANDBOX", State.TASK_FINISHED);
    assertThat(finished.executorId().value()).isEqualTo("hello");
    Path stdout;
    try (var files = Files.walk(dir)) {
      stdout = files.filter(p -> p.endsWith("stdout") && p.toString().contains("/executors/hello/")).findFirst().orElseThrow();
    }
    assertThat(Files.readString(stdout)).startsWith("hello from nobody in " + stdout.getParent());
  }

  @Test
  void everyEventTheMasterSendsIsACompleteMesosEvent() throws Exception {
    launch("complete", "true", State.TASK_FINISHED);
    assertThat(framework.seen).extracting(SchedulerEvent::type)
        .contains(SchedulerEvent.Type.SUBSCRIBED, SchedulerEvent.Type.OFFERS, SchedulerEvent.Type.UPDATE);
    for (SchedulerEvent event : framework.seen) {
      // As a protobuf client would read it: Mesos' proto2 messages have required fields.
      var message = org.apache.mesos.v1.scheduler.Protos.Event.newBuilder();
      com.google.protobuf.util.JsonFormat.parser().ignoringUnknownFields()
          .merge(new String(MesosJson.encode(event), java.nio.charset.StandardCharsets.UTF_8), message);
      assertThat(message.buildPartial().findInitializationErrors()).as(event.type() + " lacks required fields").isEmpty();
    }
  }

  @Test
  void aCommandThatExitsNonZeroFails() throws Exception {
    TaskStatus failed = launch("fails", "exit 3", State.TASK_FAILED);
    assertThat(failed.message()).isEqualTo("Command exited with status 3");
  }

  @Test
  void aKilledCommandIsKilledWithItsChildren() throws Exception {
    launch("sleeper", "sleep 601 & sleep 601", State.TASK_RUNNING);
    awaitSleepers(2);
    framework.call(SchedulerCall.kill(framework.id, TaskId.of("sleeper"), null));
    framework.awaitState(TaskId.of("sleeper"), State.TASK_KILLED, Duration.ofSeconds(20));
    awaitSleepers(0);
  }

  /** Waits (the shell forks after RUNNING is reported) until {@code count} processes run {@code sleep 601}. */
  private static void awaitSleepers(long count) {
    within(Duration.ofSeconds(10), count + " sleeper(s)")
        .untilAsserted(() -> assertThat(OneAgentDevCluster.sleepsOf("601")).as("processes running 'sleep 601'").isEqualTo(count));
  }
}
