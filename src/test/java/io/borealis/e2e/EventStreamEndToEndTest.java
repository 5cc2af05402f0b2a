package io.borealis.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.borealis.testing.SseCollector;
import io.borealis.testing.SseCollector.Event;
import io.borealis.testing.TestCluster;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The event stream of a real scheduler across a restart: event ids are stored with the state, so a
 * client that was up to date resumes without a reset, and one holding an id the scheduler never
 * issued is told to reset, even before anything new has happened.
 */
class EventStreamEndToEndTest {
  private static final Duration WAIT = Duration.ofSeconds(30);

  @TempDir
  Path dir;

  /** Too big for the agent, so its tasks stay PENDING and no process runs: this test is about events. */
  private static String job(String name) {
    return """
        {"cluster": "devcluster", "role": "www-data", "environment": "prod", "name": "%s", "instances": 2, "service": true,
         "task": {"processes": [{"name": "p", "cmdline": "sleep 600"}], "resources": {"cpu": 100, "ram": 1048576, "disk": 1048576}}}
        """.formatted(name);
  }

  private static boolean pendingTasks(List<Event> events, String job, int count) {
    return events.stream().filter(e -> e.type().equals("task") && e.data().getString("name").equals(job)
        && "PENDING".equals(e.data().getString("state"))).count() >= count;
  }

  @Test
  void aRestartedSchedulerResumesFromItsStoredEventIdOrSaysReset() throws Exception {
    Path data = dir.resolve("data");
    long lastSeen;
    try (TestCluster cluster = TestCluster.start(dir.resolve("first"), List.of(TestCluster.agent("localhost", Map.of())), data);
        SseCollector live = SseCollector.connect(cluster.vertx(), cluster.url() + "/api/v1/events?role=www-data")) {
      assertThat(cluster.send("POST", "/api/v1/jobs", job("before")).statusCode()).isEqualTo(201);
      List<Event> events = live.await(e -> pendingTasks(e, "before", 2), WAIT, "two PENDING tasks");
      for (Event event : events) {
        assertThat(event.data().getString("state")).as("state of %s", event).isNotNull();
        assertThat(event.data().getString("reason")).as("reason of %s", event).isNotBlank();
        assertThat(event.data().getString("timestamp")).isNotNull();
      }
      lastSeen = events.get(events.size() - 1).id();
    }

    try (TestCluster cluster = TestCluster.start(dir.resolve("second"), List.of(TestCluster.agent("localhost", Map.of())), data);
        SseCollector current = SseCollector.connect(cluster.vertx(), cluster.url() + "/api/v1/events?last_event_id=" + lastSeen);
        SseCollector ahead = SseCollector.connect(cluster.vertx(),
            cluster.url() + "/api/v1/events?last_event_id=" + (lastSeen + 1_000))) {
      Event reset = ahead.await(e -> !e.isEmpty(), WAIT, "a reset").get(0);
      assertThat(reset.type()).isEqualTo("reset");
      assertThat(reset.data().getString("reason")).isEqualTo("ahead");
      assertThat(reset.data().getLong("latest_id")).isGreaterThanOrEqualTo(lastSeen).isLessThan(lastSeen + 1_000);

      assertThat(cluster.send("POST", "/api/v1/jobs", job("after")).statusCode()).isEqualTo(201);
      List<Event> resumed = current.await(e -> pendingTasks(e, "after", 2), WAIT, "the new job's tasks");
      assertThat(resumed).extracting(Event::type).doesNotContain("reset");
      long last = resumed.get(resumed.size() - 1).id();
      assertThat(resumed).extracting(Event::id).containsExactlyElementsOf(LongStream.rangeClosed(lastSeen + 1, last).boxed().toList());
    }
  }
}
