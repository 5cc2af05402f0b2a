package io.borealis.executor;

import static org.assertj.core.api.Assertions.assertThat;

import io.borealis.mesos.wire.AgentId;
import io.borealis.mesos.wire.DurationInfo;
import io.borealis.mesos.wire.ExecutorEvent;
import io.borealis.mesos.wire.KillPolicy;
import io.borealis.mesos.wire.TaskId;
import io.borealis.mesos.wire.TaskInfo;
import io.borealis.mesos.wire.TaskStatus;
import io.borealis.mesos.wire.TaskStatus.Reason;
import io.borealis.mesos.wire.TaskStatus.State;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Health checks and Aurora's graceful shutdown against real processes: the real executor JVM under
 * {@link FakeExecutorAgent}, the task a small Python HTTP server ({@link #SERVER}) on its
 * {@code health} port. Checks run every 0.2 s; until healthy the first 5 (1 s) may fail, which
 * gives Python time to start listening.
 */
class HealthCheckProcessTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final TaskId TASK = TaskId.of("www-data-prod-web-0-health");

  /**
   * Answers GET /health with "ok", or HTTP 500 "sick" while the file {@code sick} exists; appends
   * each POST's path to {@code posts}, and exits after answering the path named by its second
   * argument (if any).
   */
  private static final String SERVER = """
      import http.server, os, sys
      exit_on = sys.argv[2] if len(sys.argv) > 2 else None
      class Handler(http.server.BaseHTTPRequestHandler):
          def log_message(self, *args):
              pass
          def answer(self, code, body):
              self.send_response(code)
              self.send_header('Content-Length', str(len(body)))
              self.end_headers()
              self.wfile.write(body)
              self.wfile.flush()
          def do_GET(self):
              sick = os.path.exists('sick')
              self.answer(500 if sick else 200, b'sick' if sick else b'OK\\n')
          def do_POST(self):
              with open('posts', 'a') as posts:
                  posts.write(self.path + '\\n')
              self.answer(200, b'bye')
              if self.path == exit_on:
                  os._exit(0)
      http.server.HTTPServer(('127.0.0.1', int(sys.argv[1])), Handler).serve_forever()
      """;

  @TempDir Path sandbox;
  private Vertx vertx;
  private FakeExecutorAgent agent;
  private Process executor;

  @BeforeEach
  void startVertx() throws IOException {
    vertx = Vertx.vertx();
    Files.writeString(sandbox.resolve("server.py"), SERVER);
  }

  @AfterEach
  void cleanUp() throws Exception {
    ExecutorHarness.stop(executor, agent, sandbox);
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @Test
  void aHealthyTaskIsReportedHealthyOnceAndTheKillPostsQuitquitquitFirst() throws Exception {
    startExecutor(serverTask(""), "300ms", "300ms");
    assertThat(nextUpdate().state()).isEqualTo(State.TASK_STARTING);
    assertThat(nextUpdate().state()).isEqualTo(State.TASK_RUNNING);

    TaskStatus healthy = nextUpdate();
    assertThat(healthy.state()).isEqualTo(State.TASK_RUNNING);
    assertThat(healthy.healthy()).isTrue();
    assertThat(healthy.reason()).isEqualTo(Reason.REASON_TASK_HEALTH_CHECK_STATUS_UPDATED);
    assertThat(healthy.message()).isEqualTo("Task is healthy");

    long killSent = System.nanoTime();
    agent.send(ExecutorEvent.kill(TASK, new KillPolicy(DurationInfo.of(Duration.ofSeconds(5)))));

    TaskStatus killed = nextUpdate();
    assertThat(killed.state()).isEqualTo(State.TASK_KILLED);
    // Neither POST made the server exit, so both waits passed before SIGTERM.
    assertThat(Duration.ofNanos(System.nanoTime() - killSent)).isGreaterThanOrEqualTo(Duration.ofMillis(600));
    assertThat(Files.readAllLines(sandbox.resolve("posts"))).containsExactly("/quitquitquit", "/abortabortabort");
    assertExitsWith(0);
  }

  @Test
  void aServerExitingOnQuitquitquitEndsTheKillWithoutWaitingOrAborting() throws Exception {
    startExecutor(serverTask("/quitquitquit"), "20secs", "20secs");
    assertThat(nextUpdate().state()).isEqualTo(State.TASK_STARTING);
    assertThat(nextUpdate().state()).isEqualTo(State.TASK_RUNNING);
    assertThat(nextUpdate().healthy()).isTrue();

    long killSent = System.nanoTime();
    agent.send(ExecutorEvent.kill(TASK, new KillPolicy(DurationInfo.of(Duration.ofSeconds(5)))));

    assertThat(nextUpdate().state()).isEqualTo(State.TASK_KILLED);
    assertThat(Duration.ofNanos(System.nanoTime() - killSent)).isLessThan(Duration.ofSeconds(15));
    assertThat(Files.readAllLines(sandbox.resolve("posts"))).containsExactly("/quitquitquit");
    assertExitsWith(0);
  }

  @Test
  void aTaskFailingItsChecksOnceHealthyIsReportedUnhealthyKilledAndFailed() throws Exception {
    startExecutor(serverTask(""), "300ms", "300ms");
    assertThat(nextUpdate().state()).isEqualTo(State.TASK_STARTING);
    assertThat(nextUpdate().state()).isEqualTo(State.TASK_RUNNING);
    assertThat(nextUpdate().healthy()).isTrue();

    Files.writeString(sandbox.resolve("sick"), "");

    TaskStatus unhealthy = nextUpdate();
    assertThat(unhealthy.state()).isEqualTo(State.TASK_RUNNING);
    assertThat(unhealthy.healthy()).isFalse();
    assertThat(unhealthy.reason()).isEqualTo(Reason.REASON_TASK_HEALTH_CHECK_STATUS_UPDATED);
    assertThat(unhealthy.message()).startsWith("Task is unhealthy: ").contains("HTTP 500");
    TaskStatus failed = nextUpdate();
    assertThat(failed.state()).isEqualTo(State.TASK_FAILED);
    assertThat(failed.message()).startsWith("Failed health checks: ").contains("HTTP 500");
    // The graceful shutdown applies to a health kill too.
    assertThat(Files.readAllLines(sandbox.resolve("posts"))).startsWith("/quitquitquit");
    assertExitsWith(0);
  }

  @Test
  void checksAreSkippedWhileTheSnoozeFileExists() throws Exception {
    // Sick and snoozed: any check that counted would fail the task within 1.2 s. After 2 s the
    // task itself heals and then wakes the checks.
    Files.writeString(sandbox.resolve("sick"), "");
    Files.writeString(sandbox.resolve(HealthMonitor.SNOOZE_FILE), "");
    startExecutor(payload(List.of(
        process("server", "exec python3 server.py {{thermos.ports[health]}}"),
        process("healer", "sleep 2; rm sick; rm " + HealthMonitor.SNOOZE_FILE + "; exec sleep 300")),
        "{\"http\":{\"endpoint\":\"/health\",\"expected_response\":\"ok\"}}"), "300ms", "300ms");

    List<TaskStatus> updates = List.of(nextUpdate(), nextUpdate(), nextUpdate());

    assertThat(updates).extracting(TaskStatus::state).containsExactly(State.TASK_STARTING, State.TASK_RUNNING, State.TASK_RUNNING);
    assertThat(updates.get(2).healthy()).isTrue();
    assertThat(sandbox.resolve(HealthMonitor.SNOOZE_FILE)).doesNotExist();
    agent.send(ExecutorEvent.kill(TASK, new KillPolicy(DurationInfo.of(Duration.ofSeconds(5)))));
    assertThat(nextUpdate().state()).isEqualTo(State.TASK_KILLED);
    assertExitsWith(0);
  }

  @Test
  void shellChecksFollowTheSameRules() throws Exception {
    startExecutor(payload(List.of(process("main", "exec sleep 300")),
        "{\"shell\":{\"shell_command\":\"test ! -f sick\"}}"), "300ms", "300ms");
    assertThat(nextUpdate().state()).isEqualTo(State.TASK_STARTING);
    assertThat(nextUpdate().state()).isEqualTo(State.TASK_RUNNING);
    assertThat(nextUpdate().healthy()).isTrue();

    Files.writeString(sandbox.resolve("sick"), "");

    TaskStatus unhealthy = nextUpdate();
    assertThat(unhealthy.healthy()).isFalse();
    assertThat(unhealthy.message()).contains("exited with code 1");
    assertThat(nextUpdate().state()).isEqualTo(State.TASK_FAILED);
    assertExitsWith(0);
  }

  private String serverTask(String exitOn) throws IOException {
    return payload(List.of(process("server", "exec python3 server.py {{thermos.ports[health]}} " + exitOn)),
        "{\"http\":{\"endpoint\":\"/health\",\"expected_response\":\"ok\",\"expected_response_code\":200}}");
  }

  private static String process(String name, String cmdline) {
    return "{\"name\":\"" + name + "\",\"cmdline\":\"" + cmdline + "\"}";
  }

  /** A task with a free {@code health} port, checks every 0.2 s with the first 5 forgiven. */
  private static String payload(List<String> processes, String checker) throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    return "{\"role\":\"www-data\",\"instance\":0,\"ports\":{\"health\":" + port + "},"
        + "\"health_check_config\":{\"health_checker\":" + checker + ",\"initial_interval_secs\":1.0,"
        + "\"interval_secs\":0.2,\"max_consecutive_failures\":0,\"min_consecutive_successes\":1,\"timeout_secs\":1.0},"
        + "\"task\":{\"name\":\"t\",\"processes\":[" + String.join(",", processes) + "]}}";
  }

  private void startExecutor(String payload, String gracefulWait, String shutdownWait) throws Exception {
    TaskInfo task = new TaskInfo("web", TASK, AgentId.of("fake-agent-S0"), null, null, null, null,
        payload.getBytes(StandardCharsets.UTF_8));
    agent = new FakeExecutorAgent(vertx, task);
    agent.start();
    executor = ExecutorHarness.start(agent, sandbox,
        Map.of("BOREALIS_GRACEFUL_SHUTDOWN_WAIT", gracefulWait, "BOREALIS_SHUTDOWN_WAIT", shutdownWait));
  }

  private TaskStatus nextUpdate() throws InterruptedException {
    return ExecutorHarness.nextUpdate(agent, TASK);
  }

  private void assertExitsWith(int code) throws Exception {
    ExecutorHarness.assertExitsWith(executor, code);
  }
}
