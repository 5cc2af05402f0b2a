package io.borealis.testing;

import io.borealis.mesos.wire.FrameworkId;
import io.borealis.mesos.wire.MesosJson;
import io.borealis.mesos.wire.RecordIo;
import io.borealis.mesos.wire.SchedulerCall;
import io.borealis.mesos.wire.SchedulerEvent;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A fake Mesos master for testing a framework: it speaks just enough of {@code /api/v1/scheduler}
 * (SUBSCRIBE answered with a RecordIO stream, other calls with 202), records every call, and lets the
 * test push events into the stream or cut it.
 */
public final class RecordingMaster implements AutoCloseable {
  public static final FrameworkId FRAMEWORK = FrameworkId.of("recording-framework-0000");

  private final Vertx vertx;
  private final HttpServer server;
  private final LinkedBlockingQueue<SchedulerCall> calls = new LinkedBlockingQueue<>();
  private volatile HttpServerResponse stream;
  /** What SUBSCRIBED tells the framework; the master itself never sends heartbeats. */
  private volatile double heartbeatSeconds = 15.0;

  private RecordingMaster(Vertx vertx, HttpServer server) {
    this.vertx = vertx;
    this.server = server;
  }

  public static RecordingMaster start(Vertx vertx) throws Exception {
    RecordingMaster[] self = new RecordingMaster[1];
    HttpServer server = vertx.createHttpServer().requestHandler(request -> request.body().onSuccess(body -> {
      SchedulerCall call = MesosJson.decode(body.getBytes(), SchedulerCall.class);
      self[0].calls.add(call);
      if (call.type() == SchedulerCall.Type.SUBSCRIBE) {
        HttpServerResponse response = request.response().setChunked(true)
            .putHeader("Content-Type", "application/json").putHeader("Mesos-Stream-Id", "stream-" + System.nanoTime());
        self[0].stream = response;
        self[0].write(SchedulerEvent.subscribed(FRAMEWORK, self[0].heartbeatSeconds, null));
      } else {
        request.response().setStatusCode(202).end();
      }
    })).listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    self[0] = new RecordingMaster(vertx, server);
    return self[0];
  }

  /** The heartbeat interval announced to later subscriptions (no heartbeat is ever sent). */
  public void announceHeartbeatInterval(double seconds) {
    heartbeatSeconds = seconds;
  }

  public String url() {
    return "http://127.0.0.1:" + server.actualPort();
  }

  /** Sends an event on the current subscription stream. */
  public void send(SchedulerEvent event) {
    vertx.runOnContext(v -> write(event));
  }

  private void write(SchedulerEvent event) {
    stream.write(Buffer.buffer(RecordIo.encode(MesosJson.encode(event))));
  }

  /** Ends the subscription stream, as a master failover or a network cut would. */
  public void cutStream() {
    vertx.runOnContext(v -> stream.reset());
  }

  /** The next recorded call matching {@code which}, skipping others. */
  public SchedulerCall awaitCall(Predicate<SchedulerCall> which, String what) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (System.nanoTime() < deadline) {
      SchedulerCall call = calls.poll(100, TimeUnit.MILLISECONDS);
      if (call != null && which.test(call)) {
        return call;
      }
    }
    throw new AssertionError("the framework never sent " + what);
  }

  /**
   * Waits for calls matching each of {@code which}, in any order: the framework sends calls on
   * several connections, so two sent one after the other may arrive the other way round. Calls
   * that match none are skipped, as {@link #awaitCall} does. Returns the matches in the order asked.
   */
  public List<SchedulerCall> awaitCalls(List<Predicate<SchedulerCall>> which, String what) throws InterruptedException {
    SchedulerCall[] found = new SchedulerCall[which.size()];
    int missing = which.size();
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (missing > 0 && System.nanoTime() < deadline) {
      SchedulerCall call = calls.poll(100, TimeUnit.MILLISECONDS);
      for (int i = 0; call != null && i < found.length; i++) {
        if (found[i] == null && which.get(i).test(call)) {
          found[i] = call;
          missing--;
          call = null;
        }
      }
    }
    if (missing > 0) {
      throw new AssertionError("the framework never sent " + what);
    }
    return List.of(found);
  }

  @Override
  public void close() throws Exception {
    server.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }
}
