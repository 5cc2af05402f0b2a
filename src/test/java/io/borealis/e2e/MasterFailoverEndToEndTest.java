package io.borealis.e2e;

import static io.borealis.testing.Eventually.within;
import static org.assertj.core.api.Assertions.assertThat;

import io.borealis.devcluster.MasterSettings;
import io.borealis.testing.TestCluster;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole scheduler against a dev master that fails over the ways a real Mesos master does: it
 * comes back answering 503 "Master has not finished recovery" for a while, or it serves the
 * framework on a stream id the scheduler was never given. Either way the scheduler backs off or
 * drops its stream, re-subscribes with its framework id, reconciles, and its running task carries on.
 * The heartbeat is long (watchdog 150 s), so only the behaviour under test can bring it back in time.
 */
@Timeout(180)
class MasterFailoverEndToEndTest {
  private static final String KEY = "devcluster/www-data/prod/failover";
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final String JOB = """
      {"cluster": "devcluster", "role": "www-data", "environment": "prod", "name": "%s", "instances": 1, "service": true,
       "task": {"processes": [{"name": "sleeper", "cmdline": "exec sleep 600"}],
                "resources": {"cpu": 0.25, "ram": 33554432, "disk": 33554432}}}
      """;

  @TempDir
  Path dir;
  private TestCluster cluster;
  private final HttpClient http = HttpClient.newHttpClient();

  @AfterEach
  void stop() throws Exception {
    if (cluster != null) {
      cluster.close();
    }
  }

  private void start() throws Exception {
    cluster = TestCluster.start(dir, options -> options
        .withMaster(new MasterSettings(Duration.ofSeconds(30), MasterSettings.DEFAULT_AGENT_PING_TIMEOUT, true))
        .withReconciliationInterval(Duration.ofHours(1)));
  }

  private String createRunning(String name) throws Exception {
    Path file = Files.writeString(dir.resolve(name + ".json"), JOB.formatted(name));
    // Well under the 150 s heartbeat watchdog, which would otherwise bring a stuck scheduler back by itself.
    var created = cluster.cli("job", "create", "devcluster/www-data/prod/" + name, file.toString(), "--wait-until", "RUNNING",
        "--wait-timeout", "PT40S");
    assertThat(created.exitCode()).as(created.err()).isZero();
    JsonArray tasks = cluster.getJson("/api/v1/jobs/devcluster/www-data/prod/" + name).getJsonArray("active_tasks");
    assertThat(tasks).hasSize(1);
    return tasks.getJsonObject(0).getString("task_id");
  }

  @Test
  void aRecoveringMasterIsWaitedOutThenTheSchedulerReSubscribesAndReconciles() throws Exception {
    start();
    String task = createRunning("failover");
    double subscriptions = metric("borealis_mesos_subscriptions_total");
    double explicit = metric("borealis_mesos_reconciliations_total{kind=\"explicit\"}");

    cluster.faults().restartMaster(Duration.ofMillis(200), Duration.ofSeconds(3)).toCompletionStage().toCompletableFuture()
        .get(10, TimeUnit.SECONDS);
    within(WAIT, "the scheduler to meet the recovering master's 503").until(() -> problem().contains("Master has not finished recovery"));
    assertThat(metric("borealis_mesos_subscribe_failures_total{status=\"503\"}")).isGreaterThanOrEqualTo(1);
    assertThat(cluster.getJson("/api/v1/cluster").getJsonObject("mesos").getBoolean("fatal")).as("a recovering master is transient").isFalse();

    within(WAIT, "a re-subscription").until(() -> metric("borealis_mesos_subscriptions_total") > subscriptions);
    within(WAIT, "an explicit reconciliation of the running task")
        .until(() -> metric("borealis_mesos_reconciliations_total{kind=\"explicit\"}") > explicit);
    assertThat(cluster.getJson("/api/v1/cluster").getJsonObject("mesos").getString("problem")).isNull();
    JsonObject job = cluster.getJson("/api/v1/jobs/" + KEY);
    assertThat(job.getJsonArray("active_tasks")).hasSize(1);
    assertThat(job.getJsonArray("active_tasks").getJsonObject(0).getString("task_id")).as("the same task, kept").isEqualTo(task);
    assertThat(job.getJsonArray("active_tasks").getJsonObject(0).getString("state")).isEqualTo("RUNNING");
  }

  @Test
  void aCallOnAStreamTheMasterReplacedMakesTheSchedulerReSubscribe() throws Exception {
    start();
    String task = createRunning("failover");
    double subscriptions = metric("borealis_mesos_subscriptions_total");

    cluster.faults().replaceStreamIds().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    // Any call now carries a stale stream id: a new job makes the scheduler revive and launch.
    String second = createRunning("second");
    assertThat(metric("borealis_mesos_subscriptions_total")).as("re-subscribed on the way").isGreaterThan(subscriptions);
    assertThat(metricsText()).containsPattern("borealis_mesos_call_failures_total\\{call=\"[A-Z]+\",status=\"400\",?\\}");
    assertThat(second).isNotEqualTo(task);
    JsonObject first = cluster.getJson("/api/v1/jobs/" + KEY).getJsonArray("active_tasks").getJsonObject(0);
    assertThat(first.getString("task_id")).isEqualTo(task);
    assertThat(first.getString("state")).isEqualTo("RUNNING");
  }

  private String problem() {
    try {
      String problem = cluster.getJson("/api/v1/cluster").getJsonObject("mesos").getString("problem");
      return problem == null ? "" : problem;
    } catch (Exception e) {
      return "";
    }
  }

  private String metricsText() throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(cluster.url() + "/metrics")).build(), HttpResponse.BodyHandlers.ofString()).body();
  }

  /** A counter's value from {@code /metrics}; 0 while it has not been created. */
  private double metric(String nameAndLabels) {
    try {
      Matcher matcher = Pattern.compile("(?m)^" + Pattern.quote(nameAndLabels).replace("\"\\E}", "\"\\E,?}") + " (\\S+)$")
          .matcher(metricsText());
      return matcher.find() ? Double.parseDouble(matcher.group(1)) : 0;
    } catch (Exception e) {
      return 0;
    }
  }
}
