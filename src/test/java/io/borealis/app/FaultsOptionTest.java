package io.borealis.app;

import static io.borealis.testing.Eventually.within;
import static org.assertj.core.api.Assertions.assertThat;

import io.borealis.devcluster.FaultPlan;
import io.borealis.devcluster.MasterSettings;
import io.borealis.testing.BorealisProcess;
import io.borealis.testing.TestCluster;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code borealis local --faults[=PLAN]}: alone it serves the fault endpoint; with a plan it also
 * breaks the dev cluster by itself at the planned times; a mistaken plan stops {@code local} before
 * anything starts, naming the entry and what is wrong.
 */
@Timeout(120)
class FaultsOptionTest {
  @TempDir
  Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return BorealisMain.commandLine(Map.of(), new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
  }

  @Test
  void aMistakenPlanIsAUsageErrorNamingTheEntry() {
    assertThat(run("local", "--ephemeral", "--faults=cut-streams@10s,unavailable?secs=5@1m")).isEqualTo(2);
    assertThat(err.toString()).contains("--faults")
        .contains("fault 2 of 2 ('unavailable?secs=5@1m'): fault 'unavailable' has no parameter 'secs'; it takes seconds");
  }

  @Test
  void theFlagAloneIsTheEndpointWithoutAPlanAndAPlanIsParsed() {
    LocalCommand alone = new LocalCommand();
    new CommandLine(alone).parseArgs("--faults", "--agents", "2");
    assertThat(alone.faults).isNotNull();
    assertThat(alone.faults.isEmpty()).isTrue();
    assertThat(alone.agents).isEqualTo(2);

    LocalCommand planned = new LocalCommand();
    new CommandLine(planned).parseArgs("--faults=cut-streams@10s,restart-master?downtime_seconds=2@1m");
    assertThat(planned.faults.toString()).isEqualTo("cut-streams@10s,restart-master?downtime_seconds=2@1m");

    LocalCommand none = new LocalCommand();
    new CommandLine(none).parseArgs();
    assertThat(none.faults).as("no --faults: no endpoint").isNull();
  }

  @Test
  void helpExplainsThePlan() {
    assertThat(run("local", "--help")).isZero();
    assertThat(out.toString()).contains("--faults[=PLAN]").contains("comma-separated list of").contains("replace-stream-ids");
  }

  @Test
  void borealisLocalStartsWithItsPlanAndSaysSo() throws Exception {
    int masterPort = BorealisProcess.freePort();
    Path log = dir.resolve("local.log");
    try (BorealisProcess local = BorealisProcess.startLocal(Files.createDirectories(dir.resolve("work")), dir.resolve("data"), log,
        masterPort, "--faults=withhold-heartbeats?seconds=600@200ms,cut-streams@1h")) {
      JsonObject state = awaitWithheld("http://127.0.0.1:" + masterPort);
      assertThat(state.getJsonArray("planned").getJsonObject(0).getString("fault")).isEqualTo("cut-streams@1h");
      // The plan starts with the master; the banner comes once everything has started, which can be later.
      within(Duration.ofSeconds(30), "the Faults banner in " + log).until(() -> Files.readString(log).contains("Faults:"));
      assertThat(Files.readString(log)).contains("Faults:     on: POST http://127.0.0.1:" + masterPort + "/devcluster/faults/<fault>")
          .contains("planned: withhold-heartbeats?seconds=600@200ms,cut-streams@1h");
    }
  }

  /** Polls the fault endpoint until the planned withholding of heartbeats shows, and returns what it said. */
  private static JsonObject awaitWithheld(String masterUrl) throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    HttpRequest faults = HttpRequest.newBuilder(URI.create(masterUrl + "/devcluster/faults")).build();
    return within(Duration.ofSeconds(30), "heartbeats withheld by the plan, the fault endpoint on with it")
        .until(() -> new JsonObject(http.send(faults, HttpResponse.BodyHandlers.ofString()).body()),
            state -> state.getString("heartbeats_withheld_until") != null);
  }

  @Test
  void aPlannedFaultIsAppliedByItselfAndLaterOnesAreShownAsPlanned() throws Exception {
    FaultPlan plan = FaultPlan.parse("withhold-heartbeats?seconds=600@300ms,cut-streams@1h");
    try (TestCluster cluster = TestCluster.start(dir, options -> options.withMaster(MasterSettings.withHeartbeat(Duration.ofSeconds(2))
        .withFaultPlan(plan)))) {
      JsonObject state = awaitWithheld(cluster.masterUrl());
      JsonArray planned = state.getJsonArray("planned");
      assertThat(planned).hasSize(1);
      assertThat(planned.getJsonObject(0).getString("fault")).isEqualTo("cut-streams@1h");
    }
  }
}
