package io.borealis.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.borealis.access.AccessSettings;
import io.borealis.access.Secrets;
import io.borealis.access.UsersFile;
import io.borealis.testing.TestCluster;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.openapi.contract.OpenAPIContract;
import io.vertx.openapi.validation.ResponseValidator;
import io.vertx.openapi.validation.ValidatableResponse;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The API against its own OpenAPI document, through real HTTP: a table of requests reaches every
 * status each operation documents, and every answer is checked against the document's response
 * for that status (schema, content type). The scheduler runs with a users file and authenticated
 * reads, so the 401 and 403 answers are reachable too.
 */
class ApiContractTest {
  /** Tokens for most calls: a password costs a deliberate 0.1 s of PBKDF2 per request. */
  private static final String ALICE_TOKEN = Secrets.newToken();
  private static final String ALICE = "Bearer " + ALICE_TOKEN;
  private static final String OPS = basic("ops", "ops-password");
  private static final String CAROL = basic("carol", "carol-password");
  private static final String JOB_KEY = "devcluster/www-data/prod/contract";
  private static final String JOB = """
      {"cluster": "devcluster", "role": "www-data", "environment": "prod", "name": "contract", "instances": 1, "service": true,
       "task": {"processes": [{"name": "main", "cmdline": "exec sleep 600",
                               "logger": {"mode": "rotate", "rotate": {"log_size": 1048576, "backups": 2}}}],
                "resources": {"cpu": 0.1, "ram": 16777216, "disk": 16777216}}}
      """;
  /** Watches for an hour, so the update stays active while the table pauses and resumes it. */
  private static final String SLOW_UPDATE = JOB.replace("sleep 600", "sleep 601")
      .replace("\"service\": true,", "\"service\": true, \"update_config\": {\"watch_secs\": 3600},");
  /**
   * 503 is what every operation answers while the scheduler is still loading its state;
   * ApiWhileStartingTest reaches it, a running scheduler cannot.
   */
  private static final Set<String> NOT_REACHABLE_HERE = Set.of("503");
  /** 502 is an agent that does not answer the sandbox proxy; every agent of this cluster answers. */
  private static final Set<String> AGENT_FAILURES = Set.of("502");

  @TempDir
  Path dir;

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /** One request of the table and the status it must get. */
  private record Call(String operation, int status, String method, String path, String body, String contentType, String auth) {
    static Call of(String operation, int status, String method, String path) {
      return new Call(operation, status, method, path, null, null, ALICE);
    }

    Call body(String json) {
      return new Call(operation, status, method, path, json, "application/json", auth);
    }

    Call body(String text, String type) {
      return new Call(operation, status, method, path, text, type, auth);
    }

    Call as(String authorization) {
      return new Call(operation, status, method, path, body, contentType, authorization);
    }

    @Override
    public String toString() {
      return operation + " " + method + " " + path + " -> " + status;
    }
  }

  @Test
  void everyDocumentedStatusIsReachedAndEveryAnswerMatchesTheDocument() throws Exception {
    Path users = Files.writeString(dir.resolve("users.json"), new JsonObject().put("users", List.of(
        Map.of("name", "alice", "password", Secrets.hashPassword("alice-password"), "tokens", List.of(Secrets.hashToken(ALICE_TOKEN)),
            "roles", List.of("www-data")),
        Map.of("name", "carol", "password", Secrets.hashPassword("carol-password"), "roles", List.of("search")),
        Map.of("name", "ops", "password", Secrets.hashPassword("ops-password"), "admin", true))).encode());
    try (TestCluster cluster = TestCluster.start(dir.resolve("cluster"), new AccessSettings(UsersFile.read(users), true))) {
      OpenAPIContract contract = ApiContract.load(cluster.vertx()).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
      ResponseValidator validator = ResponseValidator.create(cluster.vertx(), contract);
      Map<String, Set<String>> reached = new HashMap<>();
      var wrongShape = ValidatableResponse.create(404, Buffer.buffer("{\"error\": \"not the error shape\"}"), "application/json");
      assertThat(validator.validate(wrongShape, "getJob").toCompletionStage().toCompletableFuture())
          .as("the checking of answers is not vacuous").failsWithin(Duration.ofSeconds(10));
      String job = "/api/v1/jobs/" + JOB_KEY;

      List<Call> table = List.of(
          Call.of("getOpenApiDocument", 200, "GET", "/api/v1/openapi.json"),
          Call.of("getOpenApiDocument", 401, "GET", "/api/v1/openapi.json").as(null),
          Call.of("getCluster", 200, "GET", "/api/v1/cluster").as(basic("alice", "alice-password")),
          Call.of("getCluster", 401, "GET", "/api/v1/cluster").as(basic("alice", "wrong")),
          Call.of("createJob", 401, "POST", "/api/v1/jobs").body(JOB).as(null),
          Call.of("createJob", 403, "POST", "/api/v1/jobs").body(JOB.replace("www-data", "search")),
          Call.of("createJob", 400, "POST", "/api/v1/jobs").body("{\"cluster\": \"devcluster\", \"role\": 7}"),
          Call.of("createJob", 400, "POST", "/api/v1/jobs").body("not json"),
          Call.of("createJob", 400, "POST", "/api/v1/jobs").body("jobs = [Job(]", JobHandlers.AURORA_TYPE),
          Call.of("createJob", 201, "POST", "/api/v1/jobs").body(JOB),
          Call.of("createJob", 409, "POST", "/api/v1/jobs").body(JOB),
          Call.of("listJobs", 200, "GET", "/api/v1/jobs?role=www-data"),
          Call.of("listJobs", 401, "GET", "/api/v1/jobs").as(null),
          Call.of("getJob", 200, "GET", job),
          Call.of("getJob", 404, "GET", "/api/v1/jobs/devcluster/www-data/prod/absent"),
          Call.of("getJob", 401, "GET", job).as("Bearer nonsense"),
          Call.of("queryTasks", 200, "GET", "/api/v1/tasks?role=www-data&limit=5"),
          Call.of("queryTasks", 400, "GET", "/api/v1/tasks?limit=-3"),
          Call.of("queryTasks", 401, "GET", "/api/v1/tasks").as(null),
          Call.of("getTask", 404, "GET", "/api/v1/tasks/no-such-task"),
          Call.of("getTask", 401, "GET", "/api/v1/tasks/no-such-task").as(null),
          Call.of("restartTasks", 400, "POST", job + "/restart?instances=zero"),
          Call.of("restartTasks", 401, "POST", job + "/restart").as(null),
          Call.of("restartTasks", 403, "POST", "/api/v1/jobs/devcluster/search/prod/x/restart"),
          Call.of("restartTasks", 404, "POST", "/api/v1/jobs/devcluster/www-data/prod/absent/restart"),
          Call.of("addInstances", 400, "POST", job + "/instances").body("{\"from_instance\": 0}"),
          Call.of("addInstances", 401, "POST", job + "/instances").body("{\"from_instance\": 0, \"count\": 1}").as(null),
          Call.of("addInstances", 403, "POST", "/api/v1/jobs/devcluster/search/prod/x/instances").body("{\"from_instance\": 0, \"count\": 1}"),
          Call.of("addInstances", 404, "POST", "/api/v1/jobs/devcluster/www-data/prod/absent/instances")
              .body("{\"from_instance\": 0, \"count\": 1}"),
          Call.of("addInstances", 200, "POST", job + "/instances").body("{\"from_instance\": 0, \"count\": 1}"),
          Call.of("restartTasks", 200, "POST", job + "/restart?instances=1"),
          Call.of("startUpdate", 401, "POST", "/api/v1/updates").body(SLOW_UPDATE).as(null),
          Call.of("startUpdate", 403, "POST", "/api/v1/updates").body(SLOW_UPDATE.replace("www-data", "search")),
          Call.of("startUpdate", 400, "POST", "/api/v1/updates").body("{\"task\": []}"),
          Call.of("startUpdate", 404, "POST", "/api/v1/updates").body(SLOW_UPDATE.replace("\"contract\"", "\"absent\"")),
          Call.of("startUpdate", 201, "POST", "/api/v1/updates?instances=0").body(SLOW_UPDATE),
          Call.of("startUpdate", 409, "POST", "/api/v1/updates").body(SLOW_UPDATE),
          Call.of("listUpdates", 200, "GET", "/api/v1/updates?role=www-data"),
          Call.of("listUpdates", 400, "GET", "/api/v1/updates?status=someday"),
          Call.of("listUpdates", 401, "GET", "/api/v1/updates").as(null),
          Call.of("getUpdate", 404, "GET", "/api/v1/updates/no-such-update"),
          Call.of("getUpdate", 401, "GET", "/api/v1/updates/no-such-update").as(null),
          Call.of("commandUpdate", 400, "POST", "/api/v1/updates/no-such-update/hurry"),
          Call.of("commandUpdate", 401, "POST", "/api/v1/updates/no-such-update/pause").as(null),
          Call.of("commandUpdate", 404, "POST", "/api/v1/updates/no-such-update/pause"),
          Call.of("killTasks", 400, "DELETE", job + "?instances=1-"),
          Call.of("killTasks", 401, "DELETE", job).as(null),
          Call.of("killTasks", 403, "DELETE", "/api/v1/jobs/devcluster/search/prod/x"),
          Call.of("killTasks", 404, "DELETE", "/api/v1/jobs/devcluster/www-data/prod/absent"),
          Call.of("getQuota", 200, "GET", "/api/v1/quotas/www-data"),
          Call.of("getQuota", 401, "GET", "/api/v1/quotas/www-data").as(null),
          Call.of("setQuota", 401, "PUT", "/api/v1/quotas/www-data").body("{\"cpu\": 1, \"ram\": 1, \"disk\": 1}").as(null),
          Call.of("setQuota", 403, "PUT", "/api/v1/quotas/www-data").body("{\"cpu\": 1, \"ram\": 1, \"disk\": 1}"),
          Call.of("setQuota", 400, "PUT", "/api/v1/quotas/www-data").body("{\"cpu\": -1, \"ram\": 1, \"disk\": 1}").as(OPS),
          Call.of("setQuota", 400, "PUT", "/api/v1/quotas/www-data").body("{\"cpu\": 1, \"ram\": 1}").as(OPS),
          Call.of("setQuota", 200, "PUT", "/api/v1/quotas/www-data").body("{\"cpu\": 100, \"ram\": 1e12, \"disk\": 1e12}").as(OPS),
          Call.of("drainHosts", 400, "POST", "/api/v1/admin/hosts/drain").body("{\"hosts\": []}").as(OPS),
          Call.of("drainHosts", 401, "POST", "/api/v1/admin/hosts/drain").body("{\"hosts\": [\"spare\"]}").as(null),
          Call.of("drainHosts", 403, "POST", "/api/v1/admin/hosts/drain").body("{\"hosts\": [\"spare\"]}"),
          Call.of("drainHosts", 200, "POST", "/api/v1/admin/hosts/drain").body("{\"hosts\": [\"spare\"]}").as(OPS),
          Call.of("getHostMaintenance", 200, "GET", "/api/v1/admin/hosts?host=spare"),
          Call.of("getHostMaintenance", 401, "GET", "/api/v1/admin/hosts").as(null),
          Call.of("activateHosts", 400, "POST", "/api/v1/admin/hosts/activate").body("{\"hosts\": \"spare\"}").as(OPS),
          Call.of("activateHosts", 401, "POST", "/api/v1/admin/hosts/activate").body("{\"hosts\": [\"spare\"]}").as(null),
          Call.of("activateHosts", 403, "POST", "/api/v1/admin/hosts/activate").body("{\"hosts\": [\"spare\"]}"),
          Call.of("activateHosts", 200, "POST", "/api/v1/admin/hosts/activate").body("{\"hosts\": [\"spare\"]}").as(OPS),
          Call.of("backup", 401, "GET", "/api/v1/admin/backup").as(null),
          Call.of("backup", 403, "GET", "/api/v1/admin/backup"),
          Call.of("backup", 200, "GET", "/api/v1/admin/backup").as(OPS));
      for (Call call : table) {
        check(cluster, validator, call, reached);
      }

      // Answers that depend on what the table created: an update's id, a task's id.
      JsonObject update = new JsonObject(new String(send(cluster, Call.of("listUpdates", 200, "GET", "/api/v1/updates?role=www-data"))
          .body(), StandardCharsets.UTF_8)).getJsonArray("updates").getJsonObject(0);
      String updateId = update.getString("update_id");
      String taskId = runningTaskWithLogs(cluster, job);
      for (Call call : List.of(
          Call.of("getUpdate", 200, "GET", "/api/v1/updates/" + updateId),
          Call.of("getTask", 200, "GET", "/api/v1/tasks/" + taskId),
          Call.of("getTaskProcesses", 200, "GET", "/api/v1/tasks/" + taskId + "/processes"),
          Call.of("getTaskProcesses", 404, "GET", "/api/v1/tasks/no-such-task/processes"),
          Call.of("getTaskProcesses", 401, "GET", "/api/v1/tasks/" + taskId + "/processes").as(null),
          Call.of("readTaskLog", 200, "GET", "/api/v1/tasks/" + taskId + "/logs/main/stdout"),
          Call.of("readTaskLog", 400, "GET", "/api/v1/tasks/" + taskId + "/logs/main/stdin"),
          Call.of("readTaskLog", 404, "GET", "/api/v1/tasks/no-such-task/logs/main/stdout"),
          Call.of("readTaskLog", 401, "GET", "/api/v1/tasks/" + taskId + "/logs/main/stdout").as(null),
          Call.of("commandUpdate", 403, "POST", "/api/v1/updates/" + updateId + "/pause").as(CAROL),
          Call.of("commandUpdate", 200, "POST", "/api/v1/updates/" + updateId + "/pause"),
          Call.of("commandUpdate", 409, "POST", "/api/v1/updates/" + updateId + "/pause"),
          Call.of("commandUpdate", 200, "POST", "/api/v1/updates/" + updateId + "/abort"),
          Call.of("streamEvents", 400, "GET", "/api/v1/events?type=tasks"),
          Call.of("killTasks", 200, "DELETE", job))) {
        check(cluster, validator, call, reached);
      }

      // The stream never ends: only its status and content type are checked.
      HttpResponse<java.io.InputStream> events = openStream(cluster, ALICE);
      assertThat(events.statusCode()).isEqualTo(200);
      assertThat(events.headers().firstValue("Content-Type")).hasValue("text/event-stream");
      assertThat(openStream(cluster, null).statusCode()).isEqualTo(401);
      reached.computeIfAbsent("streamEvents", k -> new TreeSet<>()).addAll(List.of("200", "401"));

      List<String> missing = new ArrayList<>();
      JsonObject paths = contract.getRawContract().getJsonObject("paths");
      for (String path : paths.fieldNames()) {
        if (!(paths.getValue(path) instanceof JsonObject)) {
          continue; // bookkeeping the contract loader adds
        }
        for (String method : paths.getJsonObject(path).fieldNames()) {
          if (!(paths.getJsonObject(path).getValue(method) instanceof JsonObject) || method.equals("parameters")) {
            continue; // a path's own summary, description or parameters
          }
          JsonObject operation = paths.getJsonObject(path).getJsonObject(method);
          Set<String> documented = new TreeSet<>(operation.getJsonObject("responses").fieldNames());
          documented.removeIf(code -> !code.matches("\\d{3}"));
          documented.removeAll(NOT_REACHABLE_HERE);
          documented.removeAll(AGENT_FAILURES);
          documented.removeAll(reached.getOrDefault(operation.getString("operationId"), Set.of()));
          documented.forEach(code -> missing.add(operation.getString("operationId") + " " + code));
        }
      }
      assertThat(missing).as("documented answers no request in the table reached").isEmpty();
    }
  }

  private void matchesDocument(ResponseValidator validator, Call call, HttpResponse<byte[]> response) throws Exception {
    String contentType = response.headers().firstValue("Content-Type").orElse(null);
    Map<String, String> headers = new HashMap<>();
    response.headers().map().forEach((name, values) -> headers.put(name, values.get(0)));
    ValidatableResponse actual = ValidatableResponse.create(response.statusCode(), headers,
        response.body().length == 0 ? null : Buffer.buffer(response.body()), contentType);
    try {
      validator.validate(actual, call.operation()).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    } catch (java.util.concurrent.ExecutionException e) {
      throw new AssertionError(call + ": the answer does not match the document: " + e.getCause().getMessage()
          + "\n" + new String(response.body(), StandardCharsets.UTF_8), e.getCause());
    }
    if (response.statusCode() >= 400) {
      JsonObject error = new JsonObject(new String(response.body(), StandardCharsets.UTF_8)).getJsonObject("error");
      assertThat(error.getString("message")).as(call + " says what is wrong").isNotBlank();
    }
    if (response.statusCode() == 401) {
      assertThat(response.headers().firstValue("WWW-Authenticate")).as(call + " names the schemes").isPresent();
    }
  }

  private HttpResponse<byte[]> send(TestCluster cluster, Call call) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(cluster.url() + call.path())).timeout(Duration.ofSeconds(30))
        .method(call.method(), call.body() == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(call.body()));
    if (call.contentType() != null) {
      request.header("Content-Type", call.contentType());
    }
    if (call.auth() != null) {
      request.header("Authorization", call.auth());
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  /** A RUNNING task of the job whose process {@code main} has started (so it has logs to read). */
  private String runningTaskWithLogs(TestCluster cluster, String job) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < deadline) {
      JsonObject view = new JsonObject(new String(send(cluster, Call.of("getJob", 200, "GET", job)).body(), StandardCharsets.UTF_8));
      for (Object task : view.getJsonArray("active_tasks")) {
        JsonObject active = (JsonObject) task;
        String id = active.getString("task_id");
        if ("RUNNING".equals(active.getString("state"))
            && send(cluster, Call.of("readTaskLog", 200, "GET", "/api/v1/tasks/" + id + "/logs/main/stdout")).statusCode() == 200) {
          return id;
        }
      }
      java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
    }
    throw new AssertionError("no task of " + job + " ran process main within a minute");
  }

  /** Opens the event stream and drops it at once. */
  private HttpResponse<java.io.InputStream> openStream(TestCluster cluster, String auth) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(cluster.url() + "/api/v1/events?job=contract"));
    if (auth != null) {
      request.header("Authorization", auth);
    }
    HttpResponse<java.io.InputStream> response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
    response.body().close();
    return response;
  }

  private void check(TestCluster cluster, ResponseValidator validator, Call call, Map<String, Set<String>> reached) throws Exception {
    HttpResponse<byte[]> response = send(cluster, call);
    assertThat(response.statusCode()).as("%s answered %s", call, new String(response.body(), StandardCharsets.UTF_8))
        .isEqualTo(call.status());
    matchesDocument(validator, call, response);
    reached.computeIfAbsent(call.operation(), k -> new TreeSet<>()).add(Integer.toString(call.status()));
  }

  private static String basic(String user, String password) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }
}
