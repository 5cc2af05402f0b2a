package io.borealis.executor;

import io.borealis.mesos.wire.AgentId;
import io.borealis.mesos.wire.AgentInfo;
import io.borealis.mesos.wire.ContainerId;
import io.borealis.mesos.wire.ExecutorCall;
import io.borealis.mesos.wire.ExecutorEvent;
import io.borealis.mesos.wire.MesosJson;
import io.borealis.mesos.wire.RecordIo;
import io.borealis.mesos.wire.TaskInfo;
import io.borealis.mesos.wire.TaskStatus;
import io.borealis.mesos.wire.Uuids;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Just enough of a Mesos agent's {@code POST /api/v1/executor} to drive one real executor process:
 * SUBSCRIBE gets 200 and a RecordIO stream starting with SUBSCRIBED and (the first time) a LAUNCH of
 * the given task; a later SUBSCRIBE has its unacknowledged updates replayed and acknowledged, as an
 * agent that recovered the executor does; each valid UPDATE gets 202, is queued for the test, and is ACKNOWLEDGED on the stream. Requests
 * Mesos would refuse (wrong Content-Type, missing uuid, wrong source) are answered as Mesos would and
 * recorded in {@link #protocolErrors}.
 */
final class FakeExecutorAgent implements AutoCloseable {
  static final String FRAMEWORK_ID = "fake-framework-0000";
  static final String EXECUTOR_ID = "fake-executor-1";
  static final String HOSTNAME = "fake-agent.example";

  final BlockingQueue<TaskStatus> updates = new LinkedBlockingQueue<>();
  final List<String> protocolErrors = new CopyOnWriteArrayList<>();
  /** Every SUBSCRIBE call, in order. */
  final BlockingQueue<ExecutorCall> subscribes = new LinkedBlockingQueue<>();
  private volatile boolean launched;
  /** Off: updates are accepted (202) but never ACKNOWLEDGED, as by an agent that lost them. */
  volatile boolean acknowledgeUpdates = true;
  private final Vertx vertx;
  private final TaskInfo task;
  private HttpServer server;
  private volatile HttpServerRequest streamRequest;
  private volatile HttpServerResponse stream;
  private volatile Context streamContext;

  FakeExecutorAgent(Vertx vertx, TaskInfo task) {
    this.vertx = vertx;
    this.task = task;
  }

  FakeExecutorAgent start() throws Exception {
    server = vertx.createHttpServer().requestHandler(this::handle);
    server.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    return this;
  }

  int port() {
    return server.actualPort();
  }

  /** Writes an event on the open stream, from any thread. */
  void send(ExecutorEvent event) {
    streamContext.runOnContext(v -> stream.write(Buffer.buffer(RecordIo.encode(MesosJson.encode(event)))));
  }

  /** Ends the event stream as an agent that goes away would; completes once it is closed. */
  CompletableFuture<Void> dropStream() {
    CompletableFuture<Void> closed = new CompletableFuture<>();
    streamContext.runOnContext(v -> stream.end().onComplete(ended -> {
      streamRequest.connection().close();
      closed.complete(null);
    }));
    return closed;
  }

  private void handle(HttpServerRequest request) {
    if (request.method() != HttpMethod.POST || !"/api/v1/executor".equals(request.path())) {
      protocolErrors.add(request.method() + " " + request.path());
      request.response().setStatusCode(404).end();
      return;
    }
    String contentType = request.getHeader("Content-Type");
    if (!"application/json".equals(contentType)) {
      protocolErrors.add("Content-Type " + contentType);
      request.response().setStatusCode(415).end();
      return;
    }
    request.body().onSuccess(body -> {
      ExecutorCall call = MesosJson.decode(body.getBytes(), ExecutorCall.class);
      if (call.frameworkId() == null || !FRAMEWORK_ID.equals(call.frameworkId().value())
          || call.executorId() == null || !EXECUTOR_ID.equals(call.executorId().value())) {
        reject(request, "call without our framework and executor ids: " + body);
        return;
      }
      switch (call.type()) {
        case SUBSCRIBE -> subscribe(request, call);
        case UPDATE -> update(request, call);
        default -> request.response().setStatusCode(202).end();
      }
    });
  }

  private void subscribe(HttpServerRequest request, ExecutorCall call) {
    if (call.subscribe() == null) {
      reject(request, "SUBSCRIBE without subscribe");
      return;
    }
    subscribes.add(call);
    HttpServerResponse response = request.response().setChunked(true).putHeader("Content-Type", "application/json");
    streamRequest = request;
    stream = response;
    streamContext = Vertx.currentContext();
    ByteArrayOutputStream both = new ByteArrayOutputStream();
    AgentInfo agent = new AgentInfo(HOSTNAME, 5051, null, null, AgentId.of("fake-agent-S0"));
    both.writeBytes(RecordIo.encode(MesosJson.encode(
        ExecutorEvent.subscribed(null, null, agent, ContainerId.of("fake-container")))));
    if (!launched) {
      launched = true;
      both.writeBytes(RecordIo.encode(MesosJson.encode(ExecutorEvent.launch(task))));
    }
    List<ExecutorCall.Update> replayed = call.subscribe().unacknowledgedUpdates() == null ? List.of()
        : call.subscribe().unacknowledgedUpdates();
    for (ExecutorCall.Update update : replayed) {
      updates.add(update.status());
      if (acknowledgeUpdates) {
        both.writeBytes(RecordIo.encode(MesosJson.encode(
            ExecutorEvent.acknowledged(update.status().taskId(), update.status().uuid()))));
      }
    }
    // Chunks that do not line up with records: the executor must decode incrementally.
    byte[] bytes = both.toByteArray();
    int split = bytes.length / 3;
    response.write(Buffer.buffer(bytes).getBuffer(0, split));
    response.write(Buffer.buffer(bytes).getBuffer(split, bytes.length));
  }

  private void update(HttpServerRequest request, ExecutorCall call) {
    TaskStatus status = call.update() == null ? null : call.update().status();
    if (status == null || !Uuids.isValid(status.uuid()) || status.source() != TaskStatus.Source.SOURCE_EXECUTOR
        || status.state() == null || status.state() == TaskStatus.State.TASK_STAGING) {
      reject(request, "invalid UPDATE: " + MesosJson.encodeToString(call));
      return;
    }
    request.response().setStatusCode(202).end();
    updates.add(status);
    if (acknowledgeUpdates) {
      send(ExecutorEvent.acknowledged(status.taskId(), status.uuid()));
    }
  }

  private void reject(HttpServerRequest request, String problem) {
    protocolErrors.add(problem);
    request.response().setStatusCode(400).end(problem);
  }

  @Override
  public void close() throws Exception {
    if (server != null) {
      server.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
  }
}
