package io.borealis.devcluster;

import static io.borealis.testing.Eventually.within;
import static org.assertj.core.api.Assertions.assertThat;

import io.borealis.mesos.wire.FrameworkInfo;
import io.borealis.mesos.wire.Offer;
import io.borealis.mesos.wire.TaskId;
import io.borealis.mesos.wire.TaskStatus.State;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A plain command task's sandbox (run by the agent's built-in command executor) is garbage-collected
 * like an executor's once the task has ended, and a running command task's sandbox is never touched.
 */
@Timeout(120)
class CommandSandboxGcTest {
  @TempDir
  Path dir;
  private OneAgentDevCluster dev;
  private DevCluster cluster;
  private TestFramework framework;

  @BeforeEach
  void start() throws Exception {
    // A disk budget of no bytes: every finished sandbox is over it and goes at the next collection.
    dev = OneAgentDevCluster.start(dir, OneAgentDevCluster.MASTER,
        OneAgentDevCluster.AGENT.withSandboxGc(Duration.ofDays(7), 0, Duration.ofMillis(200)));
    cluster = dev.cluster;
    framework = new TestFramework(cluster.masterUrl());
    framework.subscribe(new FrameworkInfo("nobody", "curl-framework", null, 60.0, false, null, null, null, null));
  }

  @AfterEach
  void stop() throws Exception {
    framework.close();
    dev.close();
  }

  @Test
  void aFinishedCommandTasksSandboxIsCollectedAndARunningOnesIsKept() throws Exception {
    Offer offer = framework.nextOffer();
    assertThat(framework.launchCommandTasks(offer, Map.of("sleeper", "exec sleep 600", "done", "echo done"))).isEqualTo(202);
    framework.awaitState(TaskId.of("sleeper"), State.TASK_RUNNING, Duration.ofSeconds(20));
    framework.awaitState(TaskId.of("done"), State.TASK_FINISHED, Duration.ofSeconds(20));

    within(Duration.ofSeconds(30), "the finished task's sandbox collected")
        .untilAsserted(() -> assertThat(sandboxes()).as("only the running command task's sandbox is left").hasSize(1));
    List<Path> left = sandboxes();
    assertThat(left.get(0).toString()).contains("/executors/sleeper/");
    assertThat(left.get(0).resolve("stdout")).exists();
  }

  /** Every executor run's sandbox under the agent's work directory (a command task's included). */
  private List<Path> sandboxes() throws Exception {
    try (Stream<Path> paths = Files.walk(dir)) {
      return paths.filter(p -> p.getParent() != null && p.getParent().getFileName().toString().equals("runs")).toList();
    }
  }
}
