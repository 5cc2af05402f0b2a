package io.borealis.devcluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.borealis.mesos.wire.FrameworkId;
import io.borealis.mesos.wire.FrameworkInfo;
import io.borealis.mesos.wire.MesosJson;
import io.borealis.mesos.wire.Offer;
import io.borealis.mesos.wire.RecordIo;
import io.borealis.mesos.wire.SchedulerCall;
import io.borealis.mesos.wire.SchedulerEvent;
import io.borealis.mesos.wire.TaskId;
import io.borealis.mesos.wire.TaskStatus;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The smallest Mesos framework one would write from the v1 scheduler API docs, with nothing of
 * Borealis' client: plain {@code java.net.http}, one thread reading the RecordIO stream, calls posted
 * with the {@code Mesos-Stream-Id}. Blocking, for test threads only.
 */
final class TestFramework implements AutoCloseable {
  private static final SchedulerEvent END = SchedulerEvent.heartbeat();

  private final String masterUrl;
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  /** The current subscription's events; each subscription gets its own, so an old stream's end does not leak in. */
  private volatile LinkedBlockingQueue<SchedulerEvent> events = new LinkedBlockingQueue<>();
  /** Every event taken from the stream so far, in order. */
  final List<SchedulerEvent> seen = new CopyOnWriteArrayList<>();
  private InputStream stream;
  private volatile boolean ended;
  FrameworkId id;
  String streamId;

  TestFramework(String masterUrl) {
    this.masterUrl = masterUrl;
  }

  /** Subscribes and returns the first event (SUBSCRIBED, or ERROR for a refused subscription). */
  SchedulerEvent subscribe(FrameworkInfo info) throws Exception {
    SchedulerCall call = SchedulerCall.subscribe(info);
    HttpResponse<InputStream> response = http.send(request().POST(body(call)).build(), HttpResponse.BodyHandlers.ofInputStream());
    assertThat(response.statusCode()).as("SUBSCRIBE status").isEqualTo(200);
    streamId = response.headers().firstValue("Mesos-Stream-Id").orElse(null);
    stream = response.body();
    ended = false;
    InputStream mine = stream;
    LinkedBlockingQueue<SchedulerEvent> queue = new LinkedBlockingQueue<>();
    events = queue;
    Thread reader = new Thread(() -> read(mine, queue), "test-framework-stream");
    reader.setDaemon(true);
    reader.start();
    SchedulerEvent first = take(Duration.ofSeconds(10));
    if (first.type() == SchedulerEvent.Type.SUBSCRIBED) {
      id = first.subscribed().frameworkId();
    }
    return first;
  }

  private static void read(InputStream in, LinkedBlockingQueue<SchedulerEvent> events) {
    RecordIo.Decoder decoder = new RecordIo.Decoder();
    byte[] buffer = new byte[8192];
    try {
      int read;
      while ((read = in.read(buffer)) >= 0) {
        byte[] chunk = java.util.Arrays.copyOf(buffer, read);
        decoder.feed(chunk).forEach(record -> events.add(MesosJson.decode(record, SchedulerEvent.class)));
      }
    } catch (IOException e) {
      // the stream was cut or closed
    }
    events.add(END);
  }

  private HttpRequest.Builder request() {
    return HttpRequest.newBuilder(URI.create(masterUrl + "/api/v1/scheduler")).timeout(Duration.ofSeconds(10))
        .header("Content-Type", "application/json").header("Accept", "application/json");
  }

  private static HttpRequest.BodyPublisher body(SchedulerCall call) {
    return HttpRequest.BodyPublishers.ofByteArray(MesosJson.encode(call));
  }

  /** Posts a call on its own connection; returns the status. */
  int post(SchedulerCall call) throws Exception {
    return postJson(new String(MesosJson.encode(call), java.nio.charset.StandardCharsets.UTF_8));
  }

  /** Posts a call written by hand, as with curl. */
  int postJson(String json) throws Exception {
    return http.send(request().header("Mesos-Stream-Id", streamId).POST(HttpRequest.BodyPublishers.ofString(json)).build(),
        HttpResponse.BodyHandlers.ofString()).statusCode();
  }

  /**
   * Launches plain command tasks (0.1 cpus and 32 MB each, run through the shell) on {@code offer} with
   * one ACCEPT written by hand, as one would type it for curl; returns the status.
   */
  int launchCommandTasks(Offer offer, Map<String, String> commandByTaskId) throws Exception {
    StringBuilder tasks = new StringBuilder();
    commandByTaskId.forEach((taskId, command) -> tasks.append(tasks.length() == 0 ? "" : ",").append("""
        {"name": "%1$s", "task_id": {"value": "%1$s"}, "agent_id": {"value": "%2$s"},
         "resources": [{"name": "cpus", "type": "SCALAR", "scalar": {"value": 0.1}},
                       {"name": "mem", "type": "SCALAR", "scalar": {"value": 32}}],
         "command": {"shell": true, "value": "%3$s"}}""".formatted(taskId, offer.agentId().value(), command)));
    return postJson("""
        {"framework_id": {"value": "%s"}, "type": "ACCEPT",
         "accept": {"offer_ids": [{"value": "%s"}], "filters": {"refuse_seconds": 0},
          "operations": [{"type": "LAUNCH", "launch": {"task_infos": [%s]}}]}}
        """.formatted(id.value(), offer.id().value(), tasks));
  }

  /** Posts a call with the current stream id; returns the whole answer. */
  HttpResponse<String> callRaw(SchedulerCall call) throws Exception {
    return http.send(request().header("Mesos-Stream-Id", streamId).POST(body(call)).build(), HttpResponse.BodyHandlers.ofString());
  }

  void call(SchedulerCall call) throws Exception {
    assertThat(post(call)).as(call.type() + " status").isEqualTo(202);
  }

  /** The next event (null at the end of the stream), failing if none comes in time. */
  SchedulerEvent take(Duration timeout) throws InterruptedException {
    SchedulerEvent event = events.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    if (event == null) {
      throw new AssertionError("no event within " + timeout + "; saw " + types());
    }
    if (event == END) {
      ended = true;
      events.add(END);
      return null;
    }
    seen.add(event);
    return event;
  }

  /** The next event of {@code type} that passes {@code test}; others are skipped (and kept in {@link #seen}). */
  SchedulerEvent next(SchedulerEvent.Type type, Predicate<SchedulerEvent> test, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      SchedulerEvent event = events.poll(Math.max(1, (deadline - System.nanoTime()) / 1_000_000), TimeUnit.MILLISECONDS);
      if (event == END) {
        events.add(END);
        ended = true;
        throw new AssertionError("the stream ended while waiting for " + type + "; saw " + types());
      }
      if (event != null) {
        seen.add(event);
        if (event.type() == type && test.test(event)) {
          return event;
        }
      }
    }
    throw new AssertionError("no matching " + type + " within " + timeout + "; saw " + types());
  }

  SchedulerEvent next(SchedulerEvent.Type type) throws InterruptedException {
    return next(type, e -> true, Duration.ofSeconds(30));
  }

  /** An offer of {@code agent} already received, or the next one. */
  Offer offerOf(io.borealis.mesos.wire.AgentId agent) throws InterruptedException {
    for (SchedulerEvent event : seen) {
      if (event.type() == SchedulerEvent.Type.OFFERS) {
        for (Offer offer : event.offers().offers()) {
          if (offer.agentId().equals(agent)) {
            return offer;
          }
        }
      }
    }
    return next(SchedulerEvent.Type.OFFERS, e -> e.offers().offers().stream().anyMatch(o -> o.agentId().equals(agent)),
        Duration.ofSeconds(10)).offers().offers().stream().filter(o -> o.agentId().equals(agent)).findFirst().orElseThrow();
  }

  Offer nextOffer() throws InterruptedException {
    return next(SchedulerEvent.Type.OFFERS).offers().offers().get(0);
  }

  /** The next update of {@code task} in {@code state}, acknowledging every reliable update on the way. */
  TaskStatus awaitState(TaskId task, TaskStatus.State state, Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      SchedulerEvent event = next(SchedulerEvent.Type.UPDATE, e -> e.update().status().taskId().equals(task),
          Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
      TaskStatus status = event.update().status();
      if (status.uuid() != null) {
        call(SchedulerCall.acknowledge(id, status.agentId(), status.taskId(), status.uuid()));
      }
      if (status.state() == state) {
        return status;
      }
    }
  }

  /** Whether the stream has ended: waits up to {@code timeout} for its end, skipping events. */
  boolean awaitEnd(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!ended && System.nanoTime() < deadline) {
      SchedulerEvent event = events.poll(50, TimeUnit.MILLISECONDS);
      if (event == END) {
        ended = true;
        events.add(END);
      } else if (event != null) {
        seen.add(event);
      }
    }
    return ended;
  }

  List<SchedulerEvent.Type> types() {
    List<SchedulerEvent.Type> types = new ArrayList<>();
    seen.forEach(e -> types.add(e.type()));
    return types;
  }

  /** Drops the subscription connection, as a crashed framework would. */
  void disconnect() throws IOException {
    if (stream != null) {
      stream.close();
    }
  }

  @Override
  public void close() throws IOException {
    disconnect();
  }
}
