package io.borealis.executor;

import static org.assertj.core.api.Assertions.assertThat;

import io.borealis.mesos.wire.AgentId;
import io.borealis.mesos.wire.TaskId;
import io.borealis.mesos.wire.TaskStatus;
import io.borealis.mesos.wire.TaskStatus.State;
import io.vertx.core.Vertx;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A process's {@code logger}: rotation by size and the console destination, through the real executor. */
class ProcessLogsTest {
  private static final TaskId TASK = TaskId.of("www-data-prod-chatty-0-7a2b");
  /** 51 bytes a line: "line 0001 " and 40 zeros and a newline. */
  private static final int LINE = 51;
  private static final String PRINT_200_LINES = "for i in $(seq 1 200); do printf 'line %04d %040d\\\\n' $i 0; done";

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
  void rotatedLogsStayWithinTheLimitPlusALineAndKeepAtMostBackups() throws Exception {
    start("{\"name\":\"chatty\",\"cmdline\":\"" + PRINT_200_LINES + "; echo done >&2\","
        + "\"logger\":{\"destination\":\"file\",\"mode\":\"rotate\",\"rotate\":{\"log_size\":1000,\"backups\":2}}}");

    assertThat(statesUntilTerminal()).endsWith(State.TASK_FINISHED);

    Path logs = sandbox.resolve(".logs/chatty/0");
    try (var files = Files.list(logs)) {
      assertThat(files.map(file -> file.getFileName().toString()))
          .containsExactlyInAnyOrder("stdout", "stdout.1", "stdout.2", "stderr");
    }
    for (String name : List.of("stdout", "stdout.1", "stdout.2")) {
      assertThat(Files.size(logs.resolve(name))).as(name).isPositive().isLessThanOrEqualTo(1000 + LINE);
      assertThat(Files.readString(logs.resolve(name))).as(name + " holds whole lines").matches("(line \\d{4} 0{40}\n)+");
    }
    // The newest output is in stdout, the oldest kept in stdout.2, with nothing missing in between.
    String kept = Files.readString(logs.resolve("stdout.2")) + Files.readString(logs.resolve("stdout.1"))
        + Files.readString(logs.resolve("stdout"));
    List<String> lines = kept.lines().toList();
    assertThat(lines.get(lines.size() - 1)).startsWith("line 0200");
    int first = Integer.parseInt(lines.get(0).substring(5, 9));
    assertThat(lines).hasSize(200 - first + 1);
    assertThat(Files.readString(logs.resolve("stderr"))).isEqualTo("done\n");
    ExecutorHarness.assertExitsWith(executor, 0);
  }

  @Test
  void theConsoleDestinationWritesToTheSandboxsStdoutAndBothToTheFileToo() throws Exception {
    start("{\"name\":\"console\",\"cmdline\":\"echo to-console\",\"logger\":{\"destination\":\"console\"}},"
        + "{\"name\":\"both\",\"cmdline\":\"echo to-both\",\"logger\":{\"destination\":\"both\"}}");

    assertThat(statesUntilTerminal()).endsWith(State.TASK_FINISHED);

    assertThat(Files.readString(sandbox.resolve("stdout"))).contains("to-console\n").contains("to-both\n");
    assertThat(sandbox.resolve(".logs/console/0/stdout")).doesNotExist();
    assertThat(Files.readString(sandbox.resolve(".logs/both/0/stdout"))).isEqualTo("to-both\n");
    ExecutorHarness.assertExitsWith(executor, 0);
  }

  private void start(String processes) throws Exception {
    String payload = "{\"role\":\"www-data\",\"environment\":\"prod\",\"name\":\"chatty\",\"instance\":0,"
        + "\"task\":{\"name\":\"t\",\"processes\":[" + processes + "]}}";
    agent = new FakeExecutorAgent(vertx, new io.borealis.mesos.wire.TaskInfo("chatty", TASK, AgentId.of("fake-agent-S0"),
        null, null, null, null, payload.getBytes(StandardCharsets.UTF_8)));
    agent.start();
    executor = ExecutorHarness.start(agent, sandbox, Map.of());
  }

  private List<State> statesUntilTerminal() throws InterruptedException {
    List<TaskStatus> updates = new ArrayList<>();
    do {
      updates.add(ExecutorHarness.nextUpdate(agent, TASK));
    } while (!updates.get(updates.size() - 1).state().isTerminal());
    return updates.stream().map(TaskStatus::state).toList();
  }
}
