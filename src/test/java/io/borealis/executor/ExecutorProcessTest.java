package io.borealis.executor;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.borealis.mesos.wire.AgentId;
import io.borealis.mesos.wire.DurationInfo;
import io.borealis.mesos.wire.ExecutorEvent;
import io.borealis.mesos.wire.KillPolicy;
import io.borealis.mesos.wire.TaskId;
import io.borealis.mesos.wire.TaskInfo;
import io.borealis.mesos.wire.TaskStatus;
import io.borealis.mesos.wire.TaskStatus.State;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the real executor program as a separate JVM against {@link FakeExecutorAgent}, the way an
 * agent starts it: the Mesos executor environment and nothing else.
 */
class ExecutorProcessTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final TaskId TASK = TaskId.of("www-data-prod-hello-1-0f3c");

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
  void killStopsTheWholeProcessTreeReportsKilledAndExitsZero() throws Exception {
    // The shell forks sleep (no exec), so killing only the shell would leave sleep behind.
    startExecutor(process("sleeper",
        "echo started; sleep 300 & echo $! > sleep.pid.tmp && mv sleep.pid.tmp sleep.pid; wait"));

    assertThat(nextUpdate().state()).isEqualTo(State.TASK_STARTING);
    assertThat(nextUpdate().state()).isEqualTo(State.TASK_RUNNING);
    assertThat(sandbox.resolve(".logs/sleeper/0/stdout")).exists();
    assertThat(sandbox.resolve(".logs/sleeper/0/stderr")).exists();

    awaitFile(sandbox.resolve("sleep.pid"));
    long sleepPid = Long.parseLong(Files.readString(sandbox.resolve("sleep.pid")).strip());
    ProcessHandle sleep = ProcessHandle.of(sleepPid).orElseThrow();
    List<ProcessHandle> tree = executor.descendants().toList();
    assertThat(tree).contains(sleep);

    agent.send(ExecutorEvent.kill(TASK, new KillPolicy(DurationInfo.of(Duration.ofSeconds(5)))));

    TaskStatus killed = nextUpdate();
    assertThat(killed.state()).isEqualTo(State.TASK_KILLED);
    assertThat(running(sleep)).as("sleep, a grandchild of the executor").isFalse();
    assertThat(tree).noneMatch(ExecutorProcessTest::running);
    assertThat(Files.readString(sandbox.resolve(".logs/sleeper/0/stdout"))).isEqualTo("started\n");
    assertExitsWith(0);
    assertThat(agent.protocolErrors).isEmpty();
  }

  @Test
  void processesIgnoringSigtermAreKilledOnceTheGracePeriodIsOver() throws Exception {
    // An ignored signal stays ignored across fork and exec, so sleep ignores SIGTERM too.
    startExecutor(process("stubborn",
        "trap '' TERM; sleep 300 & echo $! > sleep.pid.tmp && mv sleep.pid.tmp sleep.pid; wait"));
    assertThat(nextUpdate().state()).isEqualTo(State.TASK_STARTING);
    assertThat(nextUpdate().state()).isEqualTo(State.TASK_RUNNING);
    awaitFile(sandbox.resolve("sleep.pid"));
    ProcessHandle sleep = ProcessHandle.of(Long.parseLong(Files.readString(sandbox.resolve("sleep.pid")).strip())).orElseThrow();

    long killSent = System.nanoTime();
    agent.send(ExecutorEvent.kill(TASK, new KillPolicy(DurationInfo.of(Duration.ofSeconds(1)))));

    assertThat(nextUpdate().state()).isEqualTo(State.TASK_KILLED);
    assertThat(Duration.ofNanos(System.nanoTime() - killSent)).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
    assertThat(running(sleep)).isFalse();
    assertExitsWith(0);
  }

  @Test
  void shutdownKillsTheTaskReportsItAndExitsZero() throws Exception {
    startExecutor(process("server", "exec sleep 300"));
    assertThat(nextUpdate().state()).isEqualTo(State.TASK_STARTING);
    assertThat(nextUpdate().state()).isEqualTo(State.TASK_RUNNING);

    agent.send(ExecutorEvent.shutdown());

    TaskStatus killed = nextUpdate();
    assertThat(killed.state()).isEqualTo(State.TASK_KILLED);
    assertThat(killed.message()).contains("shut");
    assertExitsWith(0);
  }

  @Test
  void withoutAcknowledgementTheExecutorStillExitsAfterItsTimeout() throws Exception {
    startExecutor(process("quick", "true"), false);

    List<TaskStatus> updates = updatesUntilTerminal();
    long terminalSeen = System.nanoTime();

    assertThat(updates.get(updates.size() - 1).state()).isEqualTo(State.TASK_FINISHED);
    assertExitsWith(0);
    assertThat(Duration.ofNanos(System.nanoTime() - terminalSeen))
        .isGreaterThan(ExecutorVerticle.ACKNOWLEDGEMENT_TIMEOUT.minusSeconds(2));
  }

  @Test
  void aProcessExitingNonZeroFailsTheTaskNamingProcessAndCode() throws Exception {
    startExecutor(process("broken", "echo about to fail >&2; exit 3"));

    List<TaskStatus> updates = updatesUntilTerminal();

    assertThat(updates).extracting(TaskStatus::state)
        .containsExactly(State.TASK_STARTING, State.TASK_RUNNING, State.TASK_FAILED);
    assertThat(updates.get(2).message()).isEqualTo("Process 'broken' failed with exit code 3");
    assertThat(Files.readString(sandbox.resolve(".logs/broken/0/stderr"))).isEqualTo("about to fail\n");
    assertExitsWith(0);
    assertThat(agent.protocolErrors).isEmpty();
  }

  @Test
  void orderedProcessesThatAllExitZeroFinishTheTaskWithTemplatesFilledIn() throws Exception {
    startExecutor("""
        {"role":"www-data","environment":"prod","name":"hello","instance":1,"ports":{"http":31005},
         "task":{"name":"hello",
                 "processes":[
                   {"name":"check","cmdline":"test \\"$(cat rendered)\\" = \\"$EXPECTED\\""},
                   {"name":"render","cmdline":"echo {{thermos.task_id}} {{thermos.ports[http]}} {{mesos.instance}} {{mesos.hostname}} {{thermos.user}} > rendered"}],
                 "constraints":[{"order":["render","check"]}]}}""");

    List<TaskStatus> updates = updatesUntilTerminal();

    assertThat(updates).extracting(TaskStatus::state)
        .containsExactly(State.TASK_STARTING, State.TASK_RUNNING, State.TASK_FINISHED);
    assertThat(Files.readString(sandbox.resolve("rendered")))
        .isEqualTo(TASK.value() + " 31005 1 " + FakeExecutorAgent.HOSTNAME + " www-data\n");
    assertThat(sandbox.resolve(".logs/check/0/stdout")).exists();
    assertExitsWith(0);
    assertThat(agent.protocolErrors).isEmpty();
  }

  @Test
  void anUnknownTemplateReferenceFailsTheTaskBeforeAnythingRuns() throws Exception {
    startExecutor(process("web", "serve --user={{thermos.user}} --motd={{thermos.motd}}"));

    List<TaskStatus> updates = updatesUntilTerminal();

    assertThat(updates).extracting(TaskStatus::state).containsExactly(State.TASK_STARTING, State.TASK_FAILED);
    assertThat(updates.get(1).message()).contains("'web'").contains("{{thermos.motd}}");
    assertThat(sandbox.resolve(".logs/web")).doesNotExist();
    assertExitsWith(0);
  }

  @Test
  void losingTheAgentKillsTheProcessesAndExitsOne() throws Exception {
    startExecutor(process("sleeper", "sleep 300 & echo $! > sleep.pid.tmp && mv sleep.pid.tmp sleep.pid; wait"));
    assertThat(nextUpdate().state()).isEqualTo(State.TASK_STARTING);
    assertThat(nextUpdate().state()).isEqualTo(State.TASK_RUNNING);
    awaitFile(sandbox.resolve("sleep.pid"));
    ProcessHandle sleep = ProcessHandle.of(Long.parseLong(Files.readString(sandbox.resolve("sleep.pid")).strip())).orElseThrow();

    agent.dropStream().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);

    assertExitsWith(1);
    assertThat(running(sleep)).isFalse();
  }

  @Test
  void aMissingEnvironmentIsReportedWithExitCodeTwo() throws Exception {
    executor = ExecutorHarness.command().redirectError(sandbox.resolve("stderr").toFile()).start();

    assertExitsWith(2);
    assertThat(Files.readString(sandbox.resolve("stderr"))).contains("MESOS_FRAMEWORK_ID is not set");
  }

  @Test
  void aFailingProcessIsRerunMinDurationApartWithLogsPerRunUntilItSucceeds() throws Exception {
    startExecutor(task("""
        {"name":"flaky","cmdline":"date +%s%N >> starts; echo run; [ $(wc -l < starts) -ge 3 ]","max_failures":3,"min_duration":1}""", ""));

    List<TaskStatus> updates = updatesUntilTerminal();

    assertThat(updates).extracting(TaskStatus::state)
        .containsExactly(State.TASK_STARTING, State.TASK_RUNNING, State.TASK_FINISHED);
    for (int run = 0; run < 3; run++) {
      assertThat(Files.readString(sandbox.resolve(".logs/flaky/" + run + "/stdout"))).isEqualTo("run\n");
    }
    List<Long> starts = Files.readAllLines(sandbox.resolve("starts")).stream().map(Long::parseLong).toList();
    assertThat(starts).hasSize(3);
    // min_duration runs from the executor's decision to start a run; `date` runs after the fork, and
    // a JVM's first fork is tens of milliseconds slower than later ones (run 0 started 40-70 ms late
    // here), which shortens the first measured gap by as much.
    Duration slack = Duration.ofMillis(100);
    assertThat(starts.get(1) - starts.get(0)).isGreaterThanOrEqualTo(Duration.ofSeconds(1).minus(slack).toNanos());
    assertThat(starts.get(2) - starts.get(1)).isGreaterThanOrEqualTo(Duration.ofSeconds(1).minus(slack).toNanos());
    JsonNode flaky = checkpoint().path("processes").path("flaky");
    assertThat(flaky.path("state").asText()).isEqualTo("SUCCEEDED");
    assertThat(flaky.path("run").asInt()).isEqualTo(2);
    assertThat(flaky.path("failures").asInt()).isEqualTo(2);
    assertThat(flaky.path("exit_code").asInt()).isZero();
    assertExitsWith(0);
  }

  @Test
  void aProcessFailingMaxFailuresTimesFailsTheTaskAndTheOthersAreKilled() throws Exception {
    startExecutor(task("""
        {"name":"broken","cmdline":"echo no >&2; exit 4","max_failures":2,"min_duration":0},
        {"name":"server","cmdline":"exec sleep 300"}""", ""));

    List<TaskStatus> updates = updatesUntilTerminal();

    assertThat(updates).extracting(TaskStatus::state)
        .containsExactly(State.TASK_STARTING, State.TASK_RUNNING, State.TASK_FAILED);
    assertThat(updates.get(2).message()).isEqualTo("Process 'broken' failed 2 times, the last with exit code 4");
    assertThat(Files.readString(sandbox.resolve(".logs/broken/1/stderr"))).isEqualTo("no\n");
    assertThat(checkpoint().path("processes").path("server").path("state").asText()).isEqualTo("KILLED");
    assertExitsWith(0);
  }

  @Test
  void daemonsRunAgainAndEphemeralProcessesAreKilledOnceTheOthersSucceeded() throws Exception {
    startExecutor(task("""
        {"name":"ticker","cmdline":"echo tick >> ticks; sleep 0.2","daemon":true,"ephemeral":true,"min_duration":0},
        {"name":"sidecar","cmdline":"sleep 300 & echo $! > sleep.pid.tmp && mv sleep.pid.tmp sleep.pid; wait","ephemeral":true},
        {"name":"main","cmdline":"while [ $(cat ticks 2>/dev/null | wc -l) -lt 3 ]; do sleep 0.1; done"}""", ""));

    List<TaskStatus> updates = updatesUntilTerminal();

    assertThat(updates).extracting(TaskStatus::state)
        .containsExactly(State.TASK_STARTING, State.TASK_RUNNING, State.TASK_FINISHED);
    assertThat(Files.readAllLines(sandbox.resolve("ticks")).size()).isGreaterThanOrEqualTo(3);
    assertThat(sandbox.resolve(".logs/ticker/2/stdout")).exists();
    ProcessHandle sleep = ProcessHandle.of(Long.parseLong(Files.readString(sandbox.resolve("sleep.pid")).strip())).orElse(null);
    assertThat(sleep == null || !running(sleep)).as("the ephemeral sidecar's sleep").isTrue();
    JsonNode processes = checkpoint().path("processes");
    assertThat(processes.path("ticker").path("state").asText()).isEqualTo("KILLED");
    assertThat(processes.path("sidecar").path("state").asText()).isEqualTo("KILLED");
    assertThat(processes.path("main").path("state").asText()).isEqualTo("SUCCEEDED");
    assertExitsWith(0);
  }

  @Test
  void finalProcessesRunInTheirOrderAfterAKillAndAreCutOffAtFinalizationWait() throws Exception {
    startExecutor(task("""
        {"name":"main","cmdline":"exec sleep 300"},
        {"name":"stuck","cmdline":"test -f cleaned && echo started > stuck; exec sleep 300","final":true},
        {"name":"cleanup","cmdline":"echo cleaned > cleaned","final":true}""",
        ",\"constraints\":[{\"order\":[\"cleanup\",\"stuck\"]}],\"finalization_wait\":1"));
    assertThat(nextUpdate().state()).isEqualTo(State.TASK_STARTING);
    assertThat(nextUpdate().state()).isEqualTo(State.TASK_RUNNING);
    assertThat(sandbox.resolve(".logs/cleanup")).doesNotExist();

    long killSent = System.nanoTime();
    agent.send(ExecutorEvent.kill(TASK, new KillPolicy(DurationInfo.of(Duration.ofSeconds(5)))));

    TaskStatus killed = nextUpdate();
    assertThat(killed.state()).isEqualTo(State.TASK_KILLED);
    assertThat(Duration.ofNanos(System.nanoTime() - killSent)).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
    assertThat(Files.readString(sandbox.resolve("stuck"))).isEqualTo("started\n");
    JsonNode processes = checkpoint().path("processes");
    assertThat(processes.path("main").path("state").asText()).isEqualTo("KILLED");
    assertThat(processes.path("cleanup").path("state").asText()).isEqualTo("SUCCEEDED");
    assertThat(processes.path("stuck").path("state").asText()).isEqualTo("KILLED");
    assertExitsWith(0);
  }

  @Test
  void maxConcurrencyOneRunsTheProcessesOneAfterAnother() throws Exception {
    startExecutor(task("""
        {"name":"a","cmdline":"echo start >> trace; sleep 0.3; echo end >> trace"},
        {"name":"b","cmdline":"echo start >> trace; sleep 0.3; echo end >> trace"},
        {"name":"c","cmdline":"echo start >> trace; sleep 0.3; echo end >> trace"}""", ",\"max_concurrency\":1"));

    assertThat(updatesUntilTerminal().get(2).state()).isEqualTo(State.TASK_FINISHED);

    assertThat(Files.readAllLines(sandbox.resolve("trace"))).containsExactly("start", "end", "start", "end", "start", "end");
    assertExitsWith(0);
  }

  @Test
  void killReachesADoubleForkedDaemonThroughItsProcessGroup() throws Exception {
    // The subshell forks sleep and exits: sleep is re-parented away, no longer anyone's descendant.
    startExecutor(process("daemonizer",
        "( sleep 300 & echo $! > sleep.pid.tmp && mv sleep.pid.tmp sleep.pid ); exec sleep 301"));
    assertThat(nextUpdate().state()).isEqualTo(State.TASK_STARTING);
    assertThat(nextUpdate().state()).isEqualTo(State.TASK_RUNNING);
    awaitFile(sandbox.resolve("sleep.pid"));
    ProcessHandle sleep = ProcessHandle.of(Long.parseLong(Files.readString(sandbox.resolve("sleep.pid")).strip())).orElseThrow();
    assertThat(executor.descendants().toList()).doesNotContain(sleep);

    agent.send(ExecutorEvent.kill(TASK, new KillPolicy(DurationInfo.of(Duration.ofSeconds(5)))));

    assertThat(nextUpdate().state()).isEqualTo(State.TASK_KILLED);
    assertThat(running(sleep)).as("the double-forked sleep").isFalse();
    assertExitsWith(0);
  }

  /** A payload with the given process objects and extra task fields (each starting with a comma). */
  private static String task(String processes, String taskFields) {
    return "{\"role\":\"www-data\",\"instance\":0,\"task\":{\"name\":\"t\",\"processes\":[" + processes + "]"
        + taskFields + "}}";
  }

  private JsonNode checkpoint() throws IOException {
    return new ObjectMapper().readTree(sandbox.resolve(".borealis/processes.json").toFile());
  }

  private static String process(String name, String cmdline) {
    String quoted = cmdline.replace("\\", "\\\\").replace("\"", "\\\"");
    return "{\"role\":\"www-data\",\"instance\":0,\"task\":{\"name\":\"t\",\"processes\":[{\"name\":\"" + name
        + "\",\"cmdline\":\"" + quoted + "\"}]}}";
  }

  private void startExecutor(String payload) throws Exception {
    startExecutor(payload, true);
  }

  private void startExecutor(String payload, boolean acknowledgeUpdates) throws Exception {
    TaskInfo task = new TaskInfo("hello", TASK, AgentId.of("fake-agent-S0"), null, null, null, null,
        payload.getBytes(StandardCharsets.UTF_8));
    agent = new FakeExecutorAgent(vertx, task);
    agent.acknowledgeUpdates = acknowledgeUpdates;
    agent.start();
    executor = ExecutorHarness.start(agent, sandbox,
        Map.of("EXPECTED", TASK.value() + " 31005 1 " + FakeExecutorAgent.HOSTNAME + " www-data"));
  }

  private TaskStatus nextUpdate() throws InterruptedException {
    return ExecutorHarness.nextUpdate(agent, TASK);
  }

  private List<TaskStatus> updatesUntilTerminal() throws InterruptedException {
    List<TaskStatus> updates = new ArrayList<>();
    do {
      updates.add(nextUpdate());
    } while (!updates.get(updates.size() - 1).state().isTerminal());
    return updates;
  }

  private void assertExitsWith(int code) throws Exception {
    ExecutorHarness.assertExitsWith(executor, code);
  }

  /**
   * Still running, as opposed to dead or a zombie: an orphaned zombie stays "alive" for
   * {@link ProcessHandle#isAlive()} until init reaps it, which some container inits do only every
   * few seconds.
   */
  private static boolean running(ProcessHandle process) {
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
      return process.isAlive() && stat.substring(stat.lastIndexOf(')') + 2).charAt(0) != 'Z';
    } catch (IOException gone) {
      return false;
    }
  }

  /** Waits for a file to appear, on file-system events rather than polling. */
  private static void awaitFile(Path file) throws IOException, InterruptedException {
    try (WatchService watch = file.getFileSystem().newWatchService()) {
      file.getParent().register(watch, ENTRY_CREATE, ENTRY_MODIFY);
      long deadline = System.nanoTime() + TIMEOUT.toNanos();
      while (!Files.exists(file)) {
        long left = deadline - System.nanoTime();
        assertThat(left).as("time left to wait for " + file).isPositive();
        WatchKey key = watch.poll(left, TimeUnit.NANOSECONDS);
        if (key != null) {
          key.pollEvents();
          key.reset();
        }
      }
    }
  }
}
