package io.borealis.devcluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.borealis.mesos.wire.CommandInfo;
import io.borealis.mesos.wire.Filters;
import io.borealis.mesos.wire.FrameworkInfo;
import io.borealis.mesos.wire.Offer;
import io.borealis.mesos.wire.Resource;
import io.borealis.mesos.wire.SchedulerCall;
import io.borealis.mesos.wire.TaskId;
import io.borealis.mesos.wire.TaskInfo;
import io.borealis.mesos.wire.TaskStatus.State;
import io.borealis.testing.SharedFiles;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The command executor's allowance (0.1 cpus, 32 MB on top of the task) counted where Mesos counts
 * it, replaying the Mesos 1.11 capture on an agent of the same size: the agent's {@code /state}
 * gives the command executor the task's resources plus the allowance (exchange 31), while the
 * master, which never hears of command executors, offers the agent's resources less the task's
 * alone (scheduler event 007).
 */
@Timeout(120)
class CommandExecutorAllowanceTest {
  @TempDir
  Path dir;
  private Vertx vertx;
  private DevCluster cluster;
  private final HttpClient http = HttpClient.newHttpClient();

  @AfterEach
  void stop() throws Exception {
    if (vertx != null) {
      vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }
  }

  @Test
  void theAgentCountsTheAllowanceAndTheMastersOffersDoNotAsInMesos() throws Exception {
    vertx = Vertx.vertx();
    Files.setPosixFilePermissions(dir, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
    // The capture's agent: --resources=cpus:2;mem:1024;disk:2048;ports:[31000-31099].
    AgentSpec agent = AgentSpec.parse("localhost", 0, "cpus:2;mem:1024;disk:2048;ports:[31000-31099]", Map.of());
    var settings = new AgentVerticle.AgentSettings("127.0.0.1", Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofSeconds(1));
    cluster = DevCluster.start(vertx, "127.0.0.1", 0, List.of(agent), dir, Duration.ofSeconds(5), settings)
        .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    try (TestFramework framework = new TestFramework(cluster.masterUrl())) {
      framework.subscribe(new FrameworkInfo("nobody", "fixtures-like", null, 60.0, false, null, null, null, null));
      Offer first = framework.nextOffer();
      TaskInfo task = new TaskInfo("task-to-kill", TaskId.of("task-to-kill"), first.agentId(),
          List.of(Resource.scalar("cpus", 0.1), Resource.scalar("mem", 32)), null, CommandInfo.shell("sleep 1000"), null, null);
      framework.call(SchedulerCall.launch(framework.id, List.of(first.id()), List.of(task), Filters.refuseSeconds(0)));
      framework.awaitState(TaskId.of("task-to-kill"), State.TASK_RUNNING, Duration.ofSeconds(20));

      // What the launch left of the agent is offered again at once (refuse_seconds 0), while the task starts.
      framework.seen.removeIf(e -> e.type() == io.borealis.mesos.wire.SchedulerEvent.Type.OFFERS && e.offers().offers().contains(first));
      Offer rest = framework.offerOf(first.agentId());
      assertThat(scalar(rest, "cpus")).as("as event 007: 2.0 less the task's 0.1, no allowance").isEqualTo(1.9, org.assertj.core.data.Offset.offset(1e-9));
      assertThat(scalar(rest, "mem")).as("as event 007: 1024 less the task's 32").isEqualTo(992.0);

      JsonObject state = new JsonObject(http.send(HttpRequest.newBuilder(
          URI.create("http://127.0.0.1:" + cluster.agentPorts().get(0) + "/slave(1)/state")).build(), HttpResponse.BodyHandlers.ofString()).body());
      JsonObject executor = state.getJsonArray("frameworks").getJsonObject(0).getJsonArray("executors").getJsonObject(0);
      JsonObject captured = capturedCommandExecutor();
      for (String field : List.of("id", "name", "source", "resources")) {
        assertThat(executor.getValue(field)).as(field + " as Mesos' agent shows it").isEqualTo(captured.getValue(field));
      }
      assertThat(executor.containsKey("type")).as("a command executor has no type").isFalse();
      assertThat(executor.getString("directory")).endsWith("/executors/task-to-kill/runs/" + executor.getString("container"));
      JsonObject ours = executor.getJsonArray("tasks").getJsonObject(0);
      JsonObject theirs = captured.getJsonArray("tasks").getJsonObject(0);
      for (String field : List.of("id", "name", "executor_id", "state", "resources")) {
        assertThat(ours.getValue(field)).as("task " + field).isEqualTo(theirs.getValue(field));
      }
      assertThat(state.getJsonObject("unreserved_resources_allocated"))
          .isEqualTo(new JsonObject().put("disk", 0.0).put("mem", 64.0).put("gpus", 0.0).put("cpus", 0.2));

      framework.call(SchedulerCall.kill(framework.id, TaskId.of("task-to-kill"), first.agentId()));
      framework.awaitState(TaskId.of("task-to-kill"), State.TASK_KILLED, Duration.ofSeconds(20));
      JsonObject after = new JsonObject(http.send(HttpRequest.newBuilder(
          URI.create("http://127.0.0.1:" + cluster.agentPorts().get(0) + "/state")).build(), HttpResponse.BodyHandlers.ofString()).body());
      assertThat(after.getJsonArray("frameworks")).as("the executor ended with its task").isEmpty();
      assertThat(after.getJsonObject("unreserved_resources_allocated").getDouble("cpus")).isZero();
    }
  }

  private static double scalar(Offer offer, String name) {
    return offer.resources().stream().filter(r -> r.name().equals(name)).mapToDouble(Resource::scalarValue).sum();
  }

  private static JsonObject capturedCommandExecutor() throws Exception {
    JsonObject state = new JsonObject(Files.readString(SharedFiles.require("mesos-fixtures/exchanges/31-agent-state.response.json")));
    return state.getJsonArray("frameworks").getJsonObject(0).getJsonArray("executors").stream().map(e -> (JsonObject) e)
        .filter(e -> e.getString("id").equals("task-to-kill")).findFirst().orElseThrow();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "sleep 1000|true||Command Executor (Task: t) (Command: sh -c 'sleep 1000')",
      "echo 123456789012345|true||Command Executor (Task: t) (Command: sh -c 'echo 1234567...')",
      "/bin/ls|false|ls,-la|Command Executor (Task: t) (Command: [/bin/ls, ls,...])",
      "/bin/ls|false|ls,-l|Command Executor (Task: t) (Command: [/bin/ls, ls, -l])",
      "/bin/ls|false|ls|Command Executor (Task: t) (Command: [/bin/ls, ls])"})
  void namesTheExecutorAsMesosDoes(String value, boolean shell, String arguments, String expected) {
    List<String> args = arguments == null ? null : List.of(arguments.split(","));
    TaskInfo task = new TaskInfo("t", TaskId.of("t"), null, List.of(), null, new CommandInfo(value, shell, args, null, null), null, null);
    assertThat(CommandExecutorInfo.name(task)).isEqualTo(expected);
  }
}
