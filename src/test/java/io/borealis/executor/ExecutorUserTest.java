package io.borealis.executor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.borealis.mesos.wire.AgentId;
import io.borealis.mesos.wire.CommandInfo;
import io.borealis.mesos.wire.ExecutorId;
import io.borealis.mesos.wire.ExecutorInfo;
import io.borealis.mesos.wire.TaskId;
import io.borealis.mesos.wire.TaskInfo;
import io.borealis.mesos.wire.TaskStatus;
import io.borealis.mesos.wire.TaskStatus.State;
import io.vertx.core.Vertx;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The executor, running as root (as agents usually do), runs a task's processes and shell health
 * checks as the task's user, as Thermos does. Needs root and the Debian users {@code www-data} (33)
 * and {@code nobody}; skipped elsewhere.
 */
class ExecutorUserTest {
  private static final TaskId TASK = TaskId.of("www-data-prod-whoami-0-5e1d");

  @TempDir Path sandbox;
  private Vertx vertx;
  private FakeExecutorAgent agent;
  private Process executor;

  @BeforeEach
  void requireRoot() {
    assumeTrue(TaskUser.executorIsRoot(), "switching users needs root");
    vertx = Vertx.vertx();
  }

  @AfterEach
  void cleanUp() throws Exception {
    if (vertx != null) {
      ExecutorHarness.stop(executor, agent, sandbox);
      vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void processesOfAWwwDataTaskRunAsWwwDataAndOwnWhatTheyWriteAndTheirLogs() throws Exception {
    start("www-data", null, """
        {"name":"whoami","cmdline":"id -u > uid; id -G > groups; echo \\"$HOME $USER $LOGNAME\\" > login; pwd"}""", "");

    assertThat(statesUntilTerminal()).containsExactly(State.TASK_STARTING, State.TASK_RUNNING, State.TASK_FINISHED);

    assertThat(Files.readString(sandbox.resolve("uid")).strip()).isEqualTo("33");
    assertThat(Files.readString(sandbox.resolve("groups")).strip()).isEqualTo("33");
    assertThat(Files.readString(sandbox.resolve("login")).strip()).isEqualTo("/var/www www-data www-data");
    assertThat(uid(sandbox.resolve("uid"))).as("a file the process wrote").isEqualTo(33);
    assertThat(uid(sandbox)).as("the sandbox").isEqualTo(33);
    assertThat(uid(sandbox.resolve(".logs/whoami/0"))).isEqualTo(33);
    assertThat(uid(sandbox.resolve(".logs/whoami/0/stdout"))).isEqualTo(33);
    assertThat(Files.readString(sandbox.resolve(".logs/whoami/0/stdout")).strip()).isEqualTo(sandbox.toString());
    ExecutorHarness.assertExitsWith(executor, 0);
  }

  @Test
  void mesosCommandUserWinsOverTheRole() throws Exception {
    start("www-data", "nobody", """
        {"name":"whoami","cmdline":"id -u > uid"}""", "");

    assertThat(statesUntilTerminal()).endsWith(State.TASK_FINISHED);
    assertThat(Files.readString(sandbox.resolve("uid")).strip()).isEqualTo("65534");
  }

  @Test
  void shellHealthChecksRunAsTheTasksUser() throws Exception {
    start("www-data", null, """
        {"name":"main","cmdline":"exec sleep 300"}""",
        ",\"health_check_config\":{\"health_checker\":{\"shell\":{\"shell_command\":\"test $(id -u) = 33\"}},"
            + "\"initial_interval_secs\":0.3,\"interval_secs\":0.3}");

    assertThat(nextUpdate().state()).isEqualTo(State.TASK_STARTING);
    assertThat(nextUpdate().state()).isEqualTo(State.TASK_RUNNING);
    TaskStatus checked = nextUpdate();
    assertThat(checked.healthy()).as(checked.message()).isTrue();
  }

  @Test
  void aRoleWithoutASystemUserFailsTheTaskSayingSo() throws Exception {
    start("no-such-role", null, """
        {"name":"never","cmdline":"touch ran"}""", "");

    List<TaskStatus> updates = updatesUntilTerminal();

    assertThat(updates).extracting(TaskStatus::state).containsExactly(State.TASK_STARTING, State.TASK_FAILED);
    assertThat(updates.get(1).message()).isEqualTo("no system user 'no-such-role' for role 'no-such-role'");
    assertThat(sandbox.resolve("ran")).doesNotExist();
    ExecutorHarness.assertExitsWith(executor, 0);
  }

  @Test
  void aRootTaskRunsAsRoot() throws Exception {
    start("root", null, """
        {"name":"whoami","cmdline":"id -u > uid"}""", "");

    assertThat(statesUntilTerminal()).endsWith(State.TASK_FINISHED);
    assertThat(Files.readString(sandbox.resolve("uid")).strip()).isEqualTo("0");
  }

  /** Starts the executor on a task of {@code role} whose executor command names {@code commandUser} (may be null). */
  private void start(String role, String commandUser, String processes, String jobFields) throws Exception {
    String payload = "{\"role\":\"" + role + "\",\"environment\":\"prod\",\"name\":\"whoami\",\"instance\":0,"
        + "\"task\":{\"name\":\"t\",\"processes\":[" + processes + "]}" + jobFields + "}";
    ExecutorInfo info = new ExecutorInfo(ExecutorInfo.ExecutorType.CUSTOM, ExecutorId.of(FakeExecutorAgent.EXECUTOR_ID), null,
        CommandInfo.shell("borealis-executor").withUser(commandUser), List.of(), "AuroraExecutor", null, null);
    TaskInfo task = new TaskInfo("whoami", TASK, AgentId.of("fake-agent-S0"), null, info, null, null,
        payload.getBytes(StandardCharsets.UTF_8));
    agent = new FakeExecutorAgent(vertx, task);
    agent.start();
    executor = ExecutorHarness.start(agent, sandbox, Map.of());
  }

  private static int uid(Path path) throws Exception {
    return (Integer) Files.getAttribute(path, "unix:uid", LinkOption.NOFOLLOW_LINKS);
  }

  private TaskStatus nextUpdate() throws InterruptedException {
    return ExecutorHarness.nextUpdate(agent, TASK);
  }

  private List<State> statesUntilTerminal() throws InterruptedException {
    return updatesUntilTerminal().stream().map(TaskStatus::state).toList();
  }

  private List<TaskStatus> updatesUntilTerminal() throws InterruptedException {
    List<TaskStatus> updates = new ArrayList<>();
    do {
      updates.add(nextUpdate());
    } while (!updates.get(updates.size() - 1).state().isTerminal());
    return updates;
  }
}
