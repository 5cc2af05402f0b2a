package io.borealis.api;

import static io.borealis.testing.EventStreamHarness.WEB;
import static io.borealis.testing.EventStreamHarness.taskEvent;
import static io.borealis.testing.Eventually.within;
import static org.assertj.core.api.Assertions.assertThat;

import io.borealis.events.ClusterEvent;
import io.borealis.model.JobKey;
import io.borealis.model.TaskState;
import io.borealis.testing.EventStreamHarness;
import io.borealis.testing.SseCollector;
import io.borealis.testing.SseCollector.Event;
import io.borealis.updates.UpdateStatus;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /api/v1/events} over real HTTP against the API verticle, fed synthetic events on the
 * event bus exactly as the state owner publishes them.
 */
class EventStreamTest {
  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final EventStreamSettings TEST_SETTINGS = EventStreamSettings.DEFAULTS.withHeartbeat(Duration.ofMillis(100));
  private static final JobKey BATCH = new JobKey("devcluster", "ops", "test", "batch");

  private EventStreamHarness harness;
  /** Clients on event loops of their own, as real clients are, so the server's work never delays their reads. */
  private final Vertx clients = Vertx.vertx();
  private final List<SseCollector> collectors = new ArrayList<>();

  @AfterEach
  void stop() throws Exception {
    collectors.forEach(SseCollector::close);
    clients.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    if (harness != null) {
      harness.close();
    }
  }

  private SseCollector connect(String query) throws Exception {
    return connect(query, Map.of());
  }

  private SseCollector connect(String query, Map<String, String> headers) throws Exception {
    SseCollector collector = SseCollector.connect(clients, harness.eventsUrl(query), headers);
    collectors.add(collector);
    return collector;
  }

  private static List<Long> ids(List<Event> events) {
    return events.stream().map(Event::id).toList();
  }

  private static List<Long> range(long from, long to) {
    return LongStream.rangeClosed(from, to).boxed().toList();
  }

  private static boolean hasId(List<Event> events, long id) {
    return events.stream().anyMatch(e -> e.id() == id);
  }

  private void publishTasks(long from, long to) {
    for (long id = from; id <= to; id++) {
      harness.publish(taskEvent(id, WEB, 300));
    }
  }

  /** Every event of {@code collector} after {@code comments} heartbeats more: all earlier writes have arrived. */
  private static List<Event> afterNextHeartbeat(SseCollector collector) throws Exception {
    int seen = collector.comments();
    within(WAIT, "a heartbeat").until(() -> collector.comments() > seen);
    return collector.snapshot();
  }

  @Test
  void filtersByRoleEnvJobAndTypeAndEveryEventSaysWhatAndWhy() throws Exception {
    harness = EventStreamHarness.start(TEST_SETTINGS);
    SseCollector all = connect("");
    SseCollector webRole = connect("role=www-data");
    SseCollector testEnv = connect("env=test");
    SseCollector batchJobs = connect("role=ops&env=test&job=batch");
    SseCollector jobsAndUpdates = connect("type=job,update");
    SseCollector nobody = connect("role=nobody");
    Instant t = Instant.parse("2026-11-29T10:00:00Z");
    harness.publish(new ClusterEvent.TaskStateChanged(1, t, WEB, "t1", 0, TaskState.PENDING, TaskState.ASSIGNED, "h1", "placed on h1"));
    harness.publish(new ClusterEvent.TaskHealthChanged(2, t, WEB, "t1", 0, false, "health check failed: 500"));
    harness.publish(new ClusterEvent.JobChanged(3, t, BATCH, "CREATED", "created by alice"));
    harness.publish(new ClusterEvent.UpdateChanged(4, t, WEB, "u1", UpdateStatus.ROLLING_FORWARD, "started by bob", List.of()));
    harness.publish(new ClusterEvent.TaskStateChanged(5, t, BATCH, "t2", 0, TaskState.RUNNING, TaskState.FINISHED, "h2", "exited 0"));

    List<Event> everything = all.await(events -> events.size() == 5, WAIT, "all five events");
    assertThat(ids(afterNextHeartbeat(webRole))).containsExactly(1L, 2L, 4L);
    assertThat(ids(afterNextHeartbeat(testEnv))).containsExactly(3L, 5L);
    assertThat(ids(afterNextHeartbeat(batchJobs))).containsExactly(3L, 5L);
    assertThat(ids(afterNextHeartbeat(jobsAndUpdates))).containsExactly(3L, 4L);
    assertThat(afterNextHeartbeat(nobody)).isEmpty();

    assertThat(everything).extracting(Event::type).containsExactly("task", "health", "job", "update", "task");
    assertThat(everything).extracting(e -> e.data().getString("state"))
        .containsExactly("ASSIGNED", "UNHEALTHY", "CREATED", "ROLLING_FORWARD", "FINISHED");
    assertThat(everything).extracting(e -> e.data().getString("reason"))
        .containsExactly("placed on h1", "health check failed: 500", "created by alice", "started by bob", "exited 0");
    for (Event event : everything) {
      assertThat(event.data().getLong("id")).isEqualTo(event.id());
      assertThat(event.data().getString("type")).isEqualTo(event.type());
      assertThat(event.data().getString("timestamp")).isEqualTo("2026-11-29T10:00:00Z");
      assertThat(event.data().getString("message")).isEqualTo(event.data().getString("reason")); // older clients read message
    }
  }

  @Test
  void badParametersAreRefusedWithTheApiErrorShape() throws Exception {
    harness = EventStreamHarness.start(TEST_SETTINGS);
    HttpClient http = HttpClient.newHttpClient();
    for (String query : List.of("type=tasks", "type=task,bogus", "role=a/b", "last_event_id=yesterday")) {
      HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(harness.eventsUrl(query))).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).as(query).isEqualTo(400);
      JsonObject error = new JsonObject(response.body()).getJsonObject("error");
      assertThat(error.getString("code")).isEqualTo("invalid_request");
      assertThat(error.getJsonArray("details").getJsonObject(0).getString("path")).isIn("type", "role", "last_event_id");
    }
  }

  @Test
  void resumesWithLastEventIdWithoutLossOrDuplicatesWhileEventsKeepComing() throws Exception {
    harness = EventStreamHarness.start(TEST_SETTINGS);
    long total = 3_000;
    long[] next = {1};
    SseCollector first = connect("");
    // Five events a millisecond, published from the event loop as the state owner does.
    harness.vertx().setPeriodic(1, timer -> {
      for (int i = 0; i < 5 && next[0] <= total; i++) {
        harness.publish(taskEvent(next[0]++, WEB, 300));
      }
      if (next[0] > total) {
        harness.vertx().cancelTimer(timer);
      }
    });
    first.await(events -> events.size() >= 200, WAIT, "200 events");
    first.close();
    List<Event> before = first.snapshot(); // what this client saw: later arrivals on a closing connection do not count
    long lastSeen = before.get(before.size() - 1).id();
    SseCollector byHeader = connect("", Map.of("Last-Event-ID", Long.toString(lastSeen)));
    List<Event> after = byHeader.await(events -> hasId(events, total), WAIT, "the last event");

    List<Long> seen = new ArrayList<>(ids(before));
    seen.addAll(ids(after));
    assertThat(before.get(0).id()).isEqualTo(1);
    assertThat(seen).containsExactlyElementsOf(range(seen.get(0), total));

    // The query parameter does the same for clients that cannot set headers.
    SseCollector byParam = connect("last_event_id=" + (total - 10));
    assertThat(ids(byParam.await(events -> events.size() == 10, WAIT, "the last ten"))).isEqualTo(range(total - 9, total));
  }

  @Test
  void aClientThatMissedEventsNoLongerKeptIsToldToReset() throws Exception {
    harness = EventStreamHarness.start(TEST_SETTINGS.withReplayCapacity(10));
    SseCollector live = connect("");
    publishTasks(1, 30);
    live.await(events -> events.size() == 30, WAIT, "30 events");

    SseCollector behind = connect("last_event_id=5");
    Event reset = behind.await(events -> !events.isEmpty(), WAIT, "a reset").get(0);
    assertThat(reset.type()).isEqualTo("reset");
    assertThat(reset.id()).isEqualTo(30); // the browser then resumes from here, after re-reading state
    assertThat(reset.data().getString("reason")).isEqualTo("too_old");
    assertThat(reset.data().getLong("latest_id")).isEqualTo(30);
    assertThat(reset.data().getLong("last_event_id")).isEqualTo(5);
    assertThat(reset.data().getString("message")).contains("events after 5 are no longer kept", "oldest kept is 21");

    SseCollector atTheEdge = connect("last_event_id=20");
    assertThat(ids(atTheEdge.await(events -> events.size() == 10, WAIT, "ten replayed"))).isEqualTo(range(21, 30));

    publishTasks(31, 31);
    assertThat(ids(behind.await(events -> events.size() == 2, WAIT, "the next live event"))).containsExactly(30L, 31L);
    assertThat(harness.counter("borealis.sse.resets")).isEqualTo(1);
  }

  @Test
  void anIdBeyondTheLatestGetsAReset() throws Exception {
    harness = EventStreamHarness.start(TEST_SETTINGS);
    SseCollector live = connect("");
    publishTasks(1, 5);
    live.await(events -> events.size() == 5, WAIT, "five events");

    SseCollector ahead = connect("", Map.of("Last-Event-ID", "99"));
    Event reset = ahead.await(events -> !events.isEmpty(), WAIT, "a reset").get(0);
    assertThat(reset.type()).isEqualTo("reset");
    assertThat(reset.data().getString("reason")).isEqualTo("ahead");
    assertThat(reset.id()).isEqualTo(5);
    assertThat(reset.data().getString("message")).contains("event 99 is beyond the latest event 5");
  }

  @Test
  void afterARestartTheStateOwnersLatestIdDecidesUntilEventsFlow() throws Exception {
    harness = EventStreamHarness.start(TEST_SETTINGS);
    // No state owner yet: the scheduler is still loading, so nobody can say whether 40 is current.
    SseCollector starting = connect("last_event_id=40");
    Event unknown = starting.await(events -> !events.isEmpty(), WAIT, "a reset").get(0);
    assertThat(unknown.data().getString("reason")).isEqualTo("unknown");

    harness.stateOwnerAt(40); // recovered from storage: events up to 40 were published before the restart
    SseCollector current = connect("last_event_id=40");
    SseCollector behind = connect("last_event_id=35");
    SseCollector ahead = connect("last_event_id=41");
    assertThat(behind.await(events -> !events.isEmpty(), WAIT, "a reset").get(0).data().getString("reason")).isEqualTo("too_old");
    Event aheadReset = ahead.await(events -> !events.isEmpty(), WAIT, "a reset").get(0);
    assertThat(aheadReset.data().getString("reason")).isEqualTo("ahead");
    assertThat(aheadReset.id()).isEqualTo(40);

    publishTasks(41, 42);
    assertThat(ids(current.await(events -> events.size() == 2, WAIT, "41 and 42"))).containsExactly(41L, 42L);
    assertThat(ids(ahead.await(events -> events.size() == 3, WAIT, "41 and 42"))).containsExactly(40L, 41L, 42L);
  }

  @Test
  void heartbeatsKeepAnIdleStreamTalking() throws Exception {
    harness = EventStreamHarness.start(TEST_SETTINGS);
    SseCollector idle = connect("");
    within(WAIT, "three heartbeats").until(() -> idle.comments() >= 3);
    assertThat(idle.snapshot()).isEmpty();
  }

  @Test
  void encodesEachEventOnceHoweverManySubscribersGetIt() throws Exception {
    harness = EventStreamHarness.start(TEST_SETTINGS);
    List<SseCollector> everyone = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      everyone.add(connect(i % 4 == 0 ? "role=www-data" : ""));
    }
    within(WAIT, "40 subscribers").until(() -> harness.gauge("borealis.sse.subscribers") == 40);
    publishTasks(1, 100);
    for (SseCollector collector : everyone) {
      assertThat(ids(collector.await(events -> events.size() == 100, WAIT, "100 events"))).isEqualTo(range(1, 100));
    }
    assertThat(harness.counter("borealis.sse.frames.encoded")).isEqualTo(100);
    assertThat(harness.scrape()).contains("borealis_sse_subscribers 40.0", "borealis_sse_frames_encoded_total 100.0");
  }

  @Test
  void aClientThatStopsReadingIsCutOffWhileOthersGetEveryEvent() throws Exception {
    int limit = 256 * 1024;
    harness = EventStreamHarness.start(TEST_SETTINGS.withMaxPendingBytes(limit, Duration.ofSeconds(30)));
    SseCollector keepsUp = connect("");
    try (Socket stalled = new Socket()) {
      stalled.setReceiveBufferSize(4096); // and never read: the kernel holds little, the server must hold the rest
      stalled.connect(new InetSocketAddress("127.0.0.1", harness.port()));
      stalled.getOutputStream().write("GET /api/v1/events HTTP/1.1\r\nHost: localhost\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      within(WAIT, "both subscribers").until(() -> harness.gauge("borealis.sse.subscribers") == 2);

      // 8,000 events of 2 kB at 8 MB/s: 16 MB, far more than the socket buffers (4 MB at most here) and the limit.
      long total = 8_000;
      int perTick = 20;
      long[] next = {1};
      harness.vertx().setPeriodic(5, timer -> {
        for (int i = 0; i < perTick && next[0] <= total; i++) {
          harness.publish(taskEvent(next[0]++, WEB, 2_000));
        }
        if (next[0] > total) {
          harness.vertx().cancelTimer(timer);
        }
      });
      double peakPending = 0;
      long deadline = System.nanoTime() + WAIT.toNanos();
      while (keepsUp.count() < total) {
        peakPending = Math.max(peakPending, harness.gauge("borealis.sse.pending.bytes"));
        assertThat(System.nanoTime()).as("all events within %s; got %d, cuts %s", WAIT, keepsUp.count(),
            harness.counter("borealis.sse.slow.consumer.cuts")).isLessThan(deadline);
        Thread.sleep(1);
      }
      assertThat(ids(keepsUp.snapshot())).isEqualTo(range(1, total));
      assertThat(harness.counter("borealis.sse.slow.consumer.cuts")).isEqualTo(1);
      assertThat(harness.gauge("borealis.sse.subscribers")).isEqualTo(1);
      // The limit, plus one write that may pass it, plus what the reader that keeps up has in flight.
      int oneTick = perTick * 2_300;
      assertThat(peakPending).isLessThan(limit + 4 * oneTick);

      // If it ever reads again, it learns why the stream ended, and the server closes the connection.
      String tail = tail(stalled.getInputStream().readAllBytes());
      assertThat(tail).contains("event: reset", "\"reason\":\"slow_consumer\"");
    }
  }

  private static String tail(byte[] bytes) {
    String all = new String(bytes, StandardCharsets.UTF_8);
    return all.substring(Math.max(0, all.length() - 1_000));
  }
}
