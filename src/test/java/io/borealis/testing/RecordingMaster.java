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
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A fake Mesos master for testing a framework: it speaks just enough of {@code /api/v1/scheduler}
 * (SUBSCRIBE answered with a RecordIO stream, other calls with 202), records every call, and lets the
 * test push events into the stream or cut it. A test may also make it answer some calls as a master
 * in trouble does: {@code 503} with a plain-text reason, {@code 307} to the leader, a {@code 4xx}.
 */
public final class RecordingMaster implements AutoCloseable {
  public static final FrameworkId FRAMEWORK = FrameworkId.of("recording-framework-0000");

  private final Vertx vertx;
  private final HttpServer server;
  private final LinkedBlockingQueue<SchedulerCall> calls = new LinkedBlockingQueue<>();
  private final ConcurrentLinkedQueue<Answer> answers = new ConcurrentLinkedQueue<>();
  private final ConcurrentLinkedQueue<Refusal> refusals = new ConcurrentLinkedQueue<>();
  /** The Authorization header of every request, in arrival order ("" when there was none). */
  private final ConcurrentLinkedQueue<String> authorizations = new ConcurrentLinkedQueue<>();
  private volatile HttpServerResponse stream;
  private volatile Predicate<SchedulerCall> held = call -> false;
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
      String authorization = request.getHeader("Authorization");
      self[0].authorizations.add(authorization == null ? "" : authorization);
      Answer answer = self[0].takeAnswer(call);
      if (answer != null) {
        self[0].refusals.add(new Refusal(call, answer.status(), System.nanoTime()));
        HttpServerResponse response = request.response().setStatusCode(answer.status());
        if (answer.location() != null) {
          response.putHeader("Location", answer.location());
        }
        response.putHeader("Content-Type", "text/plain; charset=utf-8").end(answer.body());
        return;
      }
      self[0].calls.add(call);
      if (self[0].held.test(call)) {
        return; // never answered: the connection stays busy, as with a master that stalls
      }
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

  /** A non-202 answer the next {@code remaining} calls matching {@code which} get instead of being served. */
  private record Answer(Predicate<SchedulerCall> which, int status, String location, String body, int[] remaining) {}

  /** A call answered with {@code status} instead of being served, at {@code nanoTime}. */
  public record Refusal(SchedulerCall call, int status, long nanoTime) {}

  private synchronized Answer takeAnswer(SchedulerCall call) {
    for (Iterator<Answer> it = answers.iterator(); it.hasNext(); ) {
      Answer answer = it.next();
      if (answer.which().test(call)) {
        if (--answer.remaining()[0] <= 0) {
          it.remove();
        }
        return answer;
      }
    }
    return null;
  }

  /** The next {@code times} calls matching {@code which} get {@code status} with a plain-text body, as Mesos answers errors. */
  public void refuse(Predicate<SchedulerCall> which, int times, int status, String body) {
    answers.add(new Answer(which, status, null, body, new int[] {times}));
  }

  /** Calls matching {@code which} are recorded but never answered. */
  public void hold(Predicate<SchedulerCall> which) {
    held = which;
  }

  /** The next {@code times} calls matching {@code which} are redirected, as a master that is not the leader does. */
  public void redirect(Predicate<SchedulerCall> which, int times, String location) {
    answers.add(new Answer(which, 307, location, "", new int[] {times}));
  }

  /** Every call answered by {@link #refuse} or {@link #redirect}, oldest first. */
  public List<Refusal> refusals() {
    return List.copyOf(refusals);
  }

  public List<String> authorizations() {
    return List.copyOf(authorizations);
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

  /** The calls recorded and not yet awaited, oldest first; they are taken. */
  public List<SchedulerCall> drainCalls() {
    List<SchedulerCall> drained = new java.util.ArrayList<>();
    calls.drainTo(drained);
    return drained;
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
