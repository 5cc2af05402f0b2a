package io.borealis.app;

import io.borealis.mesos.wire.AgentId;
import io.borealis.mesos.wire.AgentInfo;
import io.borealis.mesos.wire.ContainerId;
import io.borealis.mesos.wire.ExecutorCall;
import io.borealis.mesos.wire.ExecutorEvent;
import io.borealis.mesos.wire.ExecutorId;
import io.borealis.mesos.wire.FrameworkId;
import io.borealis.mesos.wire.MesosJson;
import io.borealis.mesos.wire.RecordIo;
import io.borealis.mesos.wire.TaskId;
import io.borealis.mesos.wire.TaskInfo;
import io.borealis.mesos.wire.TaskStatus;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * One run of the real executor program through a trivial task, as an agent would drive it: the
 * executor subscribes to this class's {@code POST /api/v1/executor}, gets SUBSCRIBED and a LAUNCH of
 * a task whose one process is {@code true}, and each UPDATE is acknowledged until the task is
 * FINISHED and the executor exits on its own. It loads what every executor's start loads, which is
 * what a class-data archive made at its exit should hold. Blocking: call it from a worker thread.
 */
final class ExecutorWarmUp {
  static final String FRAMEWORK_ID = "borealis-warm-up-0000";
  static final String EXECUTOR_ID = "borealis-warm-up";
  private static final TaskId TASK = TaskId.of("borealis-warm-up-0");

  /** The task states the executor reported, in order, and how it exited. */
  record Result(int exitCode, List<TaskStatus.State> states) {}

  private final List<TaskStatus.State> states = new CopyOnWriteArrayList<>();
  private volatile Process process;
  /** The executor's event stream, once it subscribed. */
  private volatile HttpServerResponse streamTo;

  /**
   * Runs {@code command} as an agent runs an executor ({@code /bin/sh -c}, the executor environment,
   * output to {@code sandbox/stdout} and {@code stderr}) and waits for it to exit.
   *
   * @param user the task's user: who runs {@code true} when the executor runs as root
   * @throws IOException when the executor cannot start or does not exit within {@code timeout} (it is killed)
   */
  Result run(Vertx vertx, String command, Path sandbox, String user, Duration timeout) throws Exception {
    Files.createDirectories(sandbox);
    // Jackson's first use of these types takes this JVM a second or more; here, not on an event loop.
    Buffer subscription = subscription(user);
    MesosJson.decode(MesosJson.encode(ExecutorCall.update(FrameworkId.of(FRAMEWORK_ID), ExecutorId.of(EXECUTOR_ID),
        TaskStatus.of(TASK, TaskStatus.State.TASK_RUNNING, TaskStatus.Source.SOURCE_EXECUTOR, "warm-up"))), ExecutorCall.class);
    HttpServer server = vertx.createHttpServer().requestHandler(request -> handle(request, subscription));
    server.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    try {
      ProcessBuilder builder = new ProcessBuilder("/bin/sh", "-c", command).directory(sandbox.toFile())
          .redirectOutput(sandbox.resolve("stdout").toFile()).redirectError(sandbox.resolve("stderr").toFile());
      Map<String, String> env = builder.environment();
      env.keySet().removeIf(name -> name.startsWith("MESOS_"));
      String endpoint = "127.0.0.1:" + server.actualPort();
      env.put("MESOS_FRAMEWORK_ID", FRAMEWORK_ID);
      env.put("MESOS_EXECUTOR_ID", EXECUTOR_ID);
      env.put("MESOS_AGENT_ENDPOINT", endpoint);
      env.put("MESOS_SLAVE_ID", "warm-up-S0");
      env.put("MESOS_SLAVE_PID", "slave(1)@" + endpoint);
      env.put("MESOS_DIRECTORY", sandbox.toString());
      env.put("MESOS_SANDBOX", sandbox.toString());
      env.put("MESOS_CHECKPOINT", "0");
      env.put("MESOS_EXECUTOR_SHUTDOWN_GRACE_PERIOD", "5secs");
      process = builder.start();
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        kill();
        throw new IOException("the warm-up executor did not finish within " + timeout.toSeconds() + " s (states seen: " + states + ")");
      }
      return new Result(process.exitValue(), List.copyOf(states));
    } finally {
      server.close();
    }
  }

  /** Ends a run in progress (the cluster is stopping), the executor's processes included. */
  void kill() {
    Process running = process;
    if (running != null && running.isAlive()) {
      running.descendants().forEach(ProcessHandle::destroyForcibly);
      running.destroyForcibly();
    }
  }

  private void handle(HttpServerRequest request, Buffer subscription) {
    request.body().onSuccess(body -> {
      ExecutorCall call;
      try {
        call = MesosJson.decode(body.getBytes(), ExecutorCall.class);
      } catch (MesosJson.MesosJsonException e) {
        request.response().setStatusCode(400).end(e.getMessage());
        return;
      }
      if (call.type() == ExecutorCall.Type.SUBSCRIBE) {
        streamTo = request.response().setChunked(true).putHeader("Content-Type", "application/json");
        streamTo.write(subscription);
      } else if (call.type() == ExecutorCall.Type.UPDATE && call.update() != null && call.update().status() != null) {
        request.response().setStatusCode(202).end();
        TaskStatus status = call.update().status();
        states.add(status.state());
        HttpServerResponse stream = streamTo;
        if (stream != null) {
          stream.write(record(ExecutorEvent.acknowledged(status.taskId(), status.uuid())));
        }
      } else {
        request.response().setStatusCode(202).end();
      }
    });
  }

  /** SUBSCRIBED, then the LAUNCH of a task whose one process is {@code true}, run by {@code user}. */
  private static Buffer subscription(String user) {
    AgentInfo agent = new AgentInfo("localhost", 0, null, null, AgentId.of("warm-up-S0"));
    String payload = "{\"role\":" + MesosJson.encodeToString(user) + ",\"instance\":0,"
        + "\"task\":{\"name\":\"warm-up\",\"processes\":[{\"name\":\"true\",\"cmdline\":\"true\"}]}}";
    TaskInfo task = new TaskInfo("warm-up", TASK, AgentId.of("warm-up-S0"), null, null, null, null,
        payload.getBytes(StandardCharsets.UTF_8));
    return record(ExecutorEvent.subscribed(null, null, agent, ContainerId.of("warm-up")))
        .appendBuffer(record(ExecutorEvent.launch(task)));
  }

  private static Buffer record(ExecutorEvent event) {
    return Buffer.buffer(RecordIo.encode(MesosJson.encode(event)));
  }
}
