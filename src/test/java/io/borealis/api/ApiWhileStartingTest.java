package io.borealis.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.borealis.access.AccessSettings;
import io.borealis.app.MonitoredVertx;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The API serves before the scheduler behind it has loaded its state (that can take seconds with a
 * large store): until then it must say so plainly, never look healthy and never fail with a 500.
 */
class ApiWhileStartingTest {
  private MonitoredVertx monitored;
  private ApiVerticle api;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeEach
  void startApiAlone() throws Exception {
    monitored = MonitoredVertx.create();
    api = new ApiVerticle("127.0.0.1", 0, "devcluster", monitored.registry(), AccessSettings.OPEN);
    monitored.vertx().deployVerticle(api).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  @AfterEach
  void stop() throws Exception {
    monitored.vertx().close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.port() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void healthIsUnavailableUntilTheStateOwnerAnswers() throws Exception {
    HttpResponse<String> health = get("/health");
    assertThat(health.statusCode()).isEqualTo(503);
    assertThat(health.body()).isEqualTo("UNHEALTHY: it is still starting (loading its state); try again in a moment");
  }

  @Test
  void apiCallsSayTheSchedulerIsStarting() throws Exception {
    HttpResponse<String> jobs = get("/api/v1/jobs?role=www-data");
    assertThat(jobs.statusCode()).isEqualTo(503);
    assertThat(jobs.body()).contains("\"code\":\"unavailable\"").contains("still starting");
  }
}
