package io.borealis.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.borealis.testing.SseCollector;
import io.borealis.testing.TestCluster;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A task with a port named health, through the whole system: the scheduler assigns the port, the
 * executor checks it, the health reaches the API and the event stream, and a kill asks the task to
 * quit over HTTP before any signal.
 */
class HealthEndToEndTest {
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final String KEY = "devcluster/www-data/prod/web";
  /** Answers ok on /health, records POSTs in the sandbox and exits when told to quit. */
  private static final String SERVER = """
      import http.server, os, sys
      class H(http.server.BaseHTTPRequestHandler):
          def log_message(self, *a): pass
          def answer(self):
              self.send_response(200); self.end_headers(); self.wfile.write(b'ok')
          def do_GET(self): self.answer()
          def do_POST(self):
              open('posts', 'a').write(self.path + '\\n'); self.answer()
              if self.path == '/quitquitquit': os._exit(0)
      http.server.HTTPServer(('127.0.0.1', int(sys.argv[1])), H).serve_forever()
      """;

  @TempDir
  Path dir;

  @Test
  void healthIsCheckedReportedAndTheKillIsGraceful() throws Exception {
    String job = """
        {"cluster": "devcluster", "role": "www-data", "environment": "prod", "name": "web", "service": true,
         "health_check_config": {"initial_interval_secs": 2.0, "interval_secs": 0.2, "timeout_secs": 1.0},
         "task": {"processes": [{"name": "server",
                   "cmdline": "exec python3 %s {{thermos.ports[health]}}"}],
                  "resources": {"cpu": 0.5, "ram": 33554432, "disk": 33554432}}}
        """.formatted(Files.writeString(dir.resolve("server.py"), SERVER));
    try (TestCluster cluster = TestCluster.start(dir);
         SseCollector sse = SseCollector.connect(cluster.vertx(), cluster.url() + "/api/v1/events?job=web")) {
      assertThat(cluster.send("POST", "/api/v1/jobs", job).statusCode()).isEqualTo(201);

      sse.await(events -> events.stream().anyMatch(e -> "HEALTHY".equals(e.data().getString("health"))), WAIT, "a HEALTHY event");
      JsonObject task = cluster.awaitJob(KEY, j -> "HEALTHY".equals(j.getJsonArray("active_tasks").getJsonObject(0).getString("health")))
          .getJsonArray("active_tasks").getJsonObject(0);
      assertThat(task.getJsonObject("ports").getInteger("health")).isBetween(31000, 31100);

      long killed = System.nanoTime();
      assertThat(cluster.cli("job", "kill", KEY).exitCode()).isZero();
      assertThat(Duration.ofNanos(System.nanoTime() - killed)).as("the server quit at once, no waiting for signals")
          .isLessThan(Duration.ofSeconds(5));
      try (var files = Files.walk(cluster.workDir())) {
        Path posts = files.filter(p -> p.getFileName().toString().equals("posts")).findFirst().orElseThrow();
        assertThat(Files.readAllLines(posts)).containsExactly("/quitquitquit");
      }
    }
  }
}
