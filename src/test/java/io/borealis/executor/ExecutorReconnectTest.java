package io.borealis.executor;

import static io.borealis.testing.Eventually.within;
import static org.assertj.core.api.Assertions.assertThat;

import io.borealis.mesos.wire.AgentId;
import io.borealis.mesos.wire.ExecutorCall;
import io.borealis.mesos.wire.TaskId;
import io.borealis.mesos.wire.TaskInfo;
import io.borealis.mesos.wire.TaskStatus;
import io.borealis.mesos.wire.TaskStatus.State;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real executor process whose framework checkpoints ({@code MESOS_CHECKPOINT=1}) outlives a lost
 * agent connection: it subscribes again with what the agent has not acknowledged, and if the agent
 * never comes back it kills its processes once the recovery timeout has passed, then exits.
 */
class ExecutorReconnectTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final TaskId TASK = TaskId.of("www-data-prod-hello-0-5e1a");
  /** The task writes the pid of the process it runs, then runs it until killed. */
  private static final String PAYLOAD = "{\"role\":\"www-data\",\"instance\":0,\"task\":{\"name\":\"t\",\"processes\":"
      + "[{\"name\":\"sleeper\",\"cmdline\":\"sleep 300 & echo $! > sleep.pid.tmp && mv sleep.pid.tmp sleep.pid; wait\"}]}}";

  @TempDir Path sandbox;
  private Vertx vertx;
  private FakeExecutorAgent agent;
  private Process executor;

  @BeforeEach
  void startVertx() {
    vertx = Vertx.vertx();
  }

  @AfterEach
  void cleanUp() throws Exception {
    ExecutorHarness.stop(executor, agent, sandbox);
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @Test
  void afterALostConnectionItSubscribesAgainListingEveryUnacknowledgedUpdateAndTask() throws Exception {
    start(false, "15mins");
    TaskStatus starting = nextUpdate();
    TaskStatus running = nextUpdate();
    assertThat(running.state()).isEqualTo(State.TASK_RUNNING);
    ExecutorCall first = agent.subscribes.poll(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    assertThat(first.subscribe().unacknowledgedUpdates()).isNullOrEmpty();

    agent.dropStream().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);

    ExecutorCall again = agent.subscribes.poll(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    assertThat(again).as("a new SUBSCRIBE within " + TIMEOUT).isNotNull();
    assertThat(again.subscribe().unacknowledgedUpdates()).extracting(update -> update.status().uuidBase64())
        .containsExactly(starting.uuidBase64(), running.uuidBase64());
    assertThat(again.subscribe().unacknowledgedTasks()).extracting(TaskInfo::taskId).containsExactly(TASK);
    assertThat(executor.isAlive()).as("the executor kept running").isTrue();
    assertThat(running(sleepProcess())).as("the task's process kept running").isTrue();
  }

  @Test
  void anAgentThatNeverComesBackGetsTheProcessesKilledAfterTheRecoveryTimeout() throws Exception {
    start(true, "3secs");
    assertThat(nextUpdate().state()).isEqualTo(State.TASK_STARTING);
    assertThat(nextUpdate().state()).isEqualTo(State.TASK_RUNNING);
    ProcessHandle sleep = sleepProcess();

    long lost = System.nanoTime();
    agent.close();

    Process exited = executor.onExit().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    assertThat(Duration.ofNanos(System.nanoTime() - lost)).as("waited for the agent for the recovery timeout")
        .isGreaterThanOrEqualTo(Duration.ofSeconds(3));
    assertThat(exited.exitValue()).isEqualTo(1);
    assertThat(running(sleep)).as("no orphan left running").isFalse();
    assertThat(Files.readString(sandbox.resolve("stderr"))).contains("recovery timeout");
  }

  private void start(boolean acknowledgeUpdates, String recoveryTimeout) throws Exception {
    TaskInfo task = new TaskInfo("hello", TASK, AgentId.of("fake-agent-S0"), null, null, null, null,
        PAYLOAD.getBytes(StandardCharsets.UTF_8));
    agent = new FakeExecutorAgent(vertx, task);
    agent.acknowledgeUpdates = acknowledgeUpdates;
    agent.start();
    executor = ExecutorHarness.start(agent, sandbox, Map.of("MESOS_CHECKPOINT", "1", "MESOS_RECOVERY_TIMEOUT", recoveryTimeout,
        "MESOS_SUBSCRIPTION_BACKOFF_MAX", "200ms", "BOREALIS_GRACEFUL_SHUTDOWN_WAIT", "100ms", "BOREALIS_SHUTDOWN_WAIT", "100ms"));
  }

  private TaskStatus nextUpdate() throws InterruptedException {
    return ExecutorHarness.nextUpdate(agent, TASK);
  }

  private ProcessHandle sleepProcess() throws Exception {
    Path pid = sandbox.resolve("sleep.pid");
    within(TIMEOUT, "the task to write " + pid).until(() -> Files.exists(pid));
    return ProcessHandle.of(Long.parseLong(Files.readString(pid).strip())).orElseThrow();
  }

  /** Running, as opposed to dead or a zombie waiting for init to reap it. */
  private static boolean running(ProcessHandle process) {
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
      return process.isAlive() && stat.substring(stat.lastIndexOf(')') + 2).charAt(0) != 'Z';
    } catch (IOException gone) {
      return false;
    }
  }
}
