package io.borealis.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.borealis.access.AccessSettings;
import io.borealis.app.MonitoredVertx;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.openapi.contract.OpenAPIContract;
import io.vertx.openapi.validation.ResponseValidator;
import io.vertx.openapi.validation.ValidatableResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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

  /**
   * One valid request per operation that asks the state owner; each must get the documented 503.
   * The event stream is not among them: it accepts subscribers while starting (a resuming one is
   * told to reset) and carries events once they flow.
   */
  private static final Map<String, String[]> REQUESTS = Map.ofEntries(
      Map.entry("createJob", new String[] {"POST", "/api/v1/jobs", ApiContractJobs.JOB}),
      Map.entry("listJobs", new String[] {"GET", "/api/v1/jobs", null}),
      Map.entry("getJob", new String[] {"GET", "/api/v1/jobs/devcluster/www-data/prod/web", null}),
      Map.entry("killTasks", new String[] {"DELETE", "/api/v1/jobs/devcluster/www-data/prod/web", null}),
      Map.entry("restartTasks", new String[] {"POST", "/api/v1/jobs/devcluster/www-data/prod/web/restart", null}),
      Map.entry("addInstances", new String[] {"POST", "/api/v1/jobs/devcluster/www-data/prod/web/instances",
          "{\"from_instance\": 0, \"count\": 1}"}),
      Map.entry("queryTasks", new String[] {"GET", "/api/v1/tasks", null}),
      Map.entry("getTask", new String[] {"GET", "/api/v1/tasks/t-1", null}),
      Map.entry("getTaskProcesses", new String[] {"GET", "/api/v1/tasks/t-1/processes", null}),
      Map.entry("readTaskLog", new String[] {"GET", "/api/v1/tasks/t-1/logs/main/stdout", null}),
      Map.entry("backup", new String[] {"GET", "/api/v1/admin/backup", null}),
      Map.entry("drainHosts", new String[] {"POST", "/api/v1/admin/hosts/drain", "{\"hosts\": [\"h\"]}"}),
      Map.entry("activateHosts", new String[] {"POST", "/api/v1/admin/hosts/activate", "{\"hosts\": [\"h\"]}"}),
      Map.entry("getHostMaintenance", new String[] {"GET", "/api/v1/admin/hosts", null}),
      Map.entry("startUpdate", new String[] {"POST", "/api/v1/updates", ApiContractJobs.JOB}),
      Map.entry("listUpdates", new String[] {"GET", "/api/v1/updates", null}),
      Map.entry("getUpdate", new String[] {"GET", "/api/v1/updates/u-1", null}),
      Map.entry("commandUpdate", new String[] {"POST", "/api/v1/updates/u-1/pause", null}),
      Map.entry("getQuota", new String[] {"GET", "/api/v1/quotas/www-data", null}),
      Map.entry("setQuota", new String[] {"PUT", "/api/v1/quotas/www-data", "{\"cpu\": 1, \"ram\": 1, \"disk\": 1}"}));

  @Test
  void everyOperationDocumentingUnavailableAnswersItWhileStarting() throws Exception {
    OpenAPIContract contract = ApiContract.load(monitored.vertx()).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    ResponseValidator validator = ResponseValidator.create(monitored.vertx(), contract);
    JsonObject paths = contract.getRawContract().getJsonObject("paths");
    List<String> documenting = new ArrayList<>();
    for (String path : paths.fieldNames()) {
      if (paths.getValue(path) instanceof JsonObject operations) {
        for (String method : operations.fieldNames()) {
          if (operations.getValue(method) instanceof JsonObject operation && operation.getJsonObject("responses") != null
              && operation.getJsonObject("responses").containsKey("503")) {
            documenting.add(operation.getString("operationId"));
          }
        }
      }
    }
    assertThat(REQUESTS.keySet()).as("a request for every operation that documents 503").containsAll(documenting);
    for (String operation : documenting) {
      String[] request = REQUESTS.get(operation);
      HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.port() + request[1]))
          .timeout(Duration.ofSeconds(20)).header("Content-Type", "application/json")
          .method(request[0], request[2] == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(request[2]))
          .build(), HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).as(operation + ": " + response.body()).isEqualTo(503);
      validator.validate(ValidatableResponse.create(503, Buffer.buffer(response.body()), "application/json"), operation)
          .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void apiCallsSayTheSchedulerIsStarting() throws Exception {
    HttpResponse<String> jobs = get("/api/v1/jobs?role=www-data");
    assertThat(jobs.statusCode()).isEqualTo(503);
    assertThat(jobs.body()).contains("\"code\":\"unavailable\"").contains("still starting");
  }
}
