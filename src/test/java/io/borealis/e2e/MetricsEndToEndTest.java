package io.borealis.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.borealis.testing.TestCluster;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code /metrics} and {@code /leaderhealth} of a scheduler running real tasks and an update. */
class MetricsEndToEndTest {
  private static final String JOB = """
      {"cluster": "devcluster", "role": "www-data", "environment": "prod", "name": "metered", "instances": 2, "service": true,
       "task": {"processes": [{"name": "main", "cmdline": "exec sleep 600"}],
                "resources": {"cpu": 0.1, "ram": 16777216, "disk": 16777216}}}
      """;

  @TempDir
  Path dir;

  @Test
  void metricsCountTasksByStateSchedulingLatencyOffersUpdatesAndEventLoopLag() throws Exception {
    try (TestCluster cluster = TestCluster.start(dir)) {
      assertThat(cluster.send("POST", "/api/v1/jobs", JOB).statusCode()).isEqualTo(201);
      String running = awaitMetrics(cluster, m -> value(m, "borealis_tasks{state=\"RUNNING\"}") == 2, "two RUNNING tasks");
      assertThat(value(running, "borealis_tasks{state=\"PENDING\"}")).isZero();
      assertThat(value(running, "borealis_scheduling_latency_seconds_count")).isEqualTo(2);
      assertThat(running).contains("borealis_scheduling_latency_seconds{quantile=\"0.99\"}").contains("borealis_offers_held ");
      assertThat(value(running, "borealis_updates_active")).isZero();
      HttpResponse<String> leader = cluster.send("GET", "/leaderhealth", null);
      assertThat(leader.statusCode()).as("tasks run, so the scheduler holds the subscription: " + leader.body()).isEqualTo(200);
      assertThat(leader.body()).startsWith("OK: leading framework ");

      String slow = JOB.replace("sleep 600", "sleep 601").replace("\"service\": true,", "\"service\": true, \"update_config\": {\"watch_secs\": 3600},");
      assertThat(cluster.send("POST", "/api/v1/updates", slow).statusCode()).isEqualTo(201);
      String updating = awaitMetrics(cluster, m -> value(m, "borealis_update_instances{phase=\"in_flight\"}") == 1, "an instance in flight");
      assertThat(value(updating, "borealis_updates_active")).isEqualTo(1);
      assertThat(value(updating, "borealis_update_instances{phase=\"total\"}")).isEqualTo(2);
      assertThat(value(updating, "borealis_update_instances{phase=\"done\"}")).isZero();

      String lag = awaitMetrics(cluster, m -> m.contains("borealis_event_loop_lag_seconds_count"), "event-loop lag");
      Matcher loops = Pattern.compile("borealis_event_loop_lag_seconds_count\\{loop=\"([^\"]+)\"}").matcher(lag);
      int measured = 0;
      while (loops.find()) {
        measured++;
      }
      assertThat(measured).as("every event loop is measured").isGreaterThanOrEqualTo(2);
    }
  }

  private static String awaitMetrics(TestCluster cluster, Predicate<String> condition, String what) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    String metrics = cluster.send("GET", "/metrics", null).body();
    while (!condition.test(metrics)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("/metrics never showed " + what + ":\n" + metrics);
      }
      LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
      metrics = cluster.send("GET", "/metrics", null).body();
    }
    return metrics;
  }

  /** The value of one sample line, e.g. {@code borealis_tasks{state="RUNNING"}}; -1 if absent. */
  private static long value(String metrics, String sample) {
    for (String line : metrics.split("\n")) {
      if (line.startsWith(sample + " ")) {
        return (long) Double.parseDouble(line.substring(sample.length() + 1).trim());
      }
    }
    return -1;
  }
}
