package io.borealis.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.borealis.access.AccessSettings;
import io.borealis.access.Secrets;
import io.borealis.access.UsersFile;
import io.borealis.testing.TestCluster;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Access control through the real API and CLI: writes need a user from the users file, each user acts
 * only for their roles, admins set quotas, reads stay open, and no secret is ever answered or logged.
 */
class AccessControlEndToEndTest {
  private static final String ALICE_PASSWORD = "alice-correct-horse";
  private static final String OPS_PASSWORD = "ops-battery-staple";
  private static final String BOB_TOKEN = Secrets.newToken();
  private static final List<String> SECRETS = List.of(ALICE_PASSWORD, OPS_PASSWORD, BOB_TOKEN, "wrong-password-xyz");

  private static final String WWW_JOB = job("www-data", "web");
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @TempDir
  static Path dir;
  static TestCluster cluster;
  static final List<LogRecord> LOGGED = new ArrayList<>();
  static final Handler CAPTURE = new Handler() {
    @Override
    public synchronized void publish(LogRecord record) {
      LOGGED.add(record);
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  };

  @BeforeAll
  static void start() throws Exception {
    Logger.getLogger("").addHandler(CAPTURE);
    cluster = TestCluster.start(dir, new AccessSettings(UsersFile.read(usersFile(dir)), false));
  }

  @AfterAll
  static void stop() throws Exception {
    cluster.close();
    Logger.getLogger("").removeHandler(CAPTURE);
    synchronized (CAPTURE) {
      for (LogRecord record : LOGGED) {
        String logged = record.getMessage() + " " + (record.getThrown() == null ? "" : record.getThrown().toString());
        SECRETS.forEach(secret -> assertThat(logged).as("a log line").doesNotContain(secret));
      }
    }
  }

  static Path usersFile(Path dir) throws Exception {
    String users = new JsonObject().put("users", List.of(
        Map.of("name", "alice", "password", Secrets.hashPassword(ALICE_PASSWORD), "roles", List.of("www-data")),
        Map.of("name", "bob", "tokens", List.of(Secrets.hashToken(BOB_TOKEN)), "roles", List.of("backup")),
        Map.of("name", "ops", "password", Secrets.hashPassword(OPS_PASSWORD), "admin", true))).encodePrettily();
    return Files.writeString(dir.resolve("users.json"), users);
  }

  static String job(String role, String name) {
    return """
        {"cluster": "devcluster", "role": "%s", "environment": "prod", "name": "%s", "instances": 1, "service": true,
         "task": {"processes": [{"name": "main", "cmdline": "exec sleep 600"}],
                  "resources": {"cpu": 0.1, "ram": 16777216, "disk": 16777216}}}
        """.formatted(role, name);
  }

  static String basic(String user, String password) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  static HttpResponse<String> send(String method, String path, String body, String authorization) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(cluster.url() + path)).header("Content-Type", "application/json")
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  static void assertError(HttpResponse<String> response, int status, String code, String messagePart) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    JsonObject error = new JsonObject(response.body()).getJsonObject("error");
    assertThat(error.getString("code")).isEqualTo(code);
    assertThat(error.getString("message")).contains(messagePart);
    SECRETS.forEach(secret -> assertThat(response.body()).doesNotContain(secret));
  }

  @Test
  void writesWithoutGoodCredentialsAre401AndChangeNothing() throws Exception {
    String job = job("www-data", "nobody");
    HttpResponse<String> none = send("POST", "/api/v1/jobs", job, null);
    assertError(none, 401, "unauthenticated", "needs credentials");
    assertThat(none.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).contains("Basic").contains("Bearer"));
    assertError(send("POST", "/api/v1/jobs", job, basic("alice", "wrong-password-xyz")), 401, "unauthenticated", "wrong user name or password");
    assertError(send("POST", "/api/v1/jobs", job, basic("mallory", "wrong-password-xyz")), 401, "unauthenticated", "wrong user name or password");
    assertError(send("POST", "/api/v1/jobs", job, "Bearer wrong-password-xyz"), 401, "unauthenticated", "unknown or revoked token");
    assertError(send("POST", "/api/v1/jobs", job, "Digest wrong-password-xyz"), 401, "unauthenticated", "use Basic or Bearer");
    assertError(send("POST", "/api/v1/jobs", job, "Basic !!!"), 401, "unauthenticated", "not base64");
    assertError(send("DELETE", "/api/v1/jobs/devcluster/www-data/prod/nobody", null, null), 401, "unauthenticated", "needs credentials");
    assertThat(cluster.getJson("/api/v1/jobs/devcluster/www-data/prod/nobody").getInteger("_status")).isEqualTo(404);
  }

  @Test
  void eachUserActsOnlyForTheirRoles() throws Exception {
    assertThat(send("POST", "/api/v1/jobs", WWW_JOB, basic("alice", ALICE_PASSWORD)).statusCode()).isEqualTo(201);
    String bob = "Bearer " + BOB_TOKEN;
    assertError(send("POST", "/api/v1/jobs", job("www-data", "bobs"), bob), 403, "forbidden",
        "user 'bob' may not act for role 'www-data'; they may act for: backup");
    assertThat(cluster.getJson("/api/v1/jobs/devcluster/www-data/prod/bobs").getInteger("_status")).isEqualTo(404);
    assertThat(send("POST", "/api/v1/jobs", job("backup", "index"), bob).statusCode()).isEqualTo(201);

    String web = "/api/v1/jobs/devcluster/www-data/prod/web";
    assertError(send("DELETE", web, null, bob), 403, "forbidden", "may not act for role 'www-data'");
    assertError(send("POST", web + "/restart", null, bob), 403, "forbidden", "may not act for role 'www-data'");
    assertError(send("POST", web + "/instances", "{\"from_instance\": 0, \"count\": 1}", bob), 403, "forbidden", "'www-data'");
    assertError(send("POST", "/api/v1/updates", WWW_JOB.replace("sleep 600", "sleep 601"), bob), 403, "forbidden", "'www-data'");
    assertThat(cluster.getJson(web).getJsonArray("active_tasks")).hasSize(1);

    HttpResponse<String> update = send("POST", "/api/v1/updates", WWW_JOB.replace("sleep 600", "sleep 601"), basic("alice", ALICE_PASSWORD));
    assertThat(update.statusCode()).as(update.body()).isEqualTo(201);
    JsonObject started = new JsonObject(update.body());
    assertThat(started.getString("message")).as("who started it is the signed-in user").startsWith("Started by alice");
    String id = started.getString("update_id");
    assertError(send("POST", "/api/v1/updates/" + id + "/abort", null, bob), 403, "forbidden", "'www-data'");
    assertError(send("POST", "/api/v1/updates/" + id + "/abort", null, null), 401, "unauthenticated", "needs credentials");
    assertThat(send("POST", "/api/v1/updates/" + id + "/abort", null, basic("ops", OPS_PASSWORD)).statusCode()).isEqualTo(200);
  }

  @Test
  void onlyAdminsSetQuotasAndTakeBackups() throws Exception {
    String quota = "{\"cpu\": 4, \"ram\": 1073741824, \"disk\": 1073741824}";
    assertError(send("PUT", "/api/v1/quotas/www-data", quota, basic("alice", ALICE_PASSWORD)), 403, "forbidden", "not an admin");
    assertError(send("GET", "/api/v1/admin/backup", null, null), 401, "unauthenticated", "admin");
    assertError(send("GET", "/api/v1/admin/backup", null, "Bearer " + BOB_TOKEN), 403, "forbidden", "take backups");
    assertThat(send("PUT", "/api/v1/quotas/www-data", quota, basic("ops", OPS_PASSWORD)).statusCode()).isEqualTo(200);
    assertThat(cluster.getJson("/api/v1/quotas/www-data").getJsonObject("quota").getDouble("cpu")).isEqualTo(4.0);
    assertThat(send("GET", "/api/v1/admin/backup", null, basic("ops", OPS_PASSWORD)).statusCode()).isEqualTo(200);
  }

  @Test
  void readsAreOpenWithoutCredentials() throws Exception {
    assertThat(send("GET", "/api/v1/jobs", null, null).statusCode()).isEqualTo(200);
    assertThat(send("GET", "/api/v1/tasks", null, null).statusCode()).isEqualTo(200);
    assertThat(send("GET", "/scheduler", null, null).statusCode()).isEqualTo(200);
  }

  @Test
  void theCliSignsInFromTheEnvironmentOrTheClustersFile() throws Exception {
    String file = Files.writeString(dir.resolve("cli-job.json"), job("www-data", "cli")).toString();
    TestCluster.CliResult anonymous = cluster.cli("job", "create", "devcluster/www-data/prod/cli", file);
    assertThat(anonymous.exitCode()).isEqualTo(1);
    assertThat(anonymous.err()).contains("needs credentials").contains("BOREALIS_TOKEN").contains("clusters.json");

    TestCluster.CliResult wrongRole = cluster.cli(Map.of("BOREALIS_TOKEN", BOB_TOKEN), "job", "create", "devcluster/www-data/prod/cli", file);
    assertThat(wrongRole.exitCode()).isEqualTo(1);
    assertThat(wrongRole.err()).contains("user 'bob' may not act for role 'www-data'");

    TestCluster.CliResult wrongPassword = cluster.cli(Map.of("BOREALIS_USER", "alice", "BOREALIS_PASSWORD", "wrong-password-xyz"),
        "job", "create", "devcluster/www-data/prod/cli", file);
    assertThat(wrongPassword.err()).contains("wrong user name or password").contains("signed in with user 'alice' and a password");

    Path clusters = cluster.home().resolve(".borealis/clusters.json");
    Files.writeString(clusters, new JsonObject().put("name", "devcluster").put("scheduler_uri", cluster.url())
        .put("auth", Map.of("user", "alice", "password", ALICE_PASSWORD)).encode().transform(entry -> "[" + entry + "]"));
    TestCluster.CliResult signedIn = cluster.cli("job", "create", "devcluster/www-data/prod/cli", file);
    assertThat(signedIn.exitCode()).as(signedIn.err()).isZero();
    assertThat(cluster.cli("job", "killall", "devcluster/www-data/prod/cli").exitCode()).isZero();
    for (TestCluster.CliResult result : List.of(anonymous, wrongRole, wrongPassword, signedIn)) {
      SECRETS.forEach(secret -> assertThat(result.out() + result.err()).doesNotContain(secret));
    }
  }

  @Test
  void authenticatedReadsNeedCredentialsButHealthStaysOpen(@TempDir Path other) throws Exception {
    try (TestCluster closed = TestCluster.start(other, new AccessSettings(UsersFile.read(usersFile(other)), true))) {
      HttpClient http = HttpClient.newHttpClient();
      HttpResponse<String> jobs = http.send(HttpRequest.newBuilder(URI.create(closed.url() + "/api/v1/jobs")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(jobs.statusCode()).isEqualTo(401);
      assertThat(http.send(HttpRequest.newBuilder(URI.create(closed.url() + "/scheduler")).build(),
          HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(401);
      assertThat(http.send(HttpRequest.newBuilder(URI.create(closed.url() + "/api/v1/jobs"))
          .header("Authorization", "Bearer " + BOB_TOKEN).build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
      assertThat(http.send(HttpRequest.newBuilder(URI.create(closed.url() + "/health")).build(),
          HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
    }
  }
}
