package io.borealis.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import io.borealis.access.AccessSettings;
import io.borealis.api.ApiDocument;
import io.borealis.api.ApiVerticle;
import io.borealis.events.BusAddresses;
import io.borealis.events.MesosCommands;
import io.borealis.mesos.wire.SchedulerCall;
import io.borealis.mesos.wire.SchedulerEvent;
import io.borealis.ui.HeadlessChromium;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An ERROR event from the master (framework removed, failed over to another scheduler) stops
 * scheduling for good and shows red in {@code /health}, {@code /leaderhealth}, the cluster API and
 * the dashboard; a transient loss of the stream shows only in {@code /leaderhealth}.
 */
class MesosErrorEventTest {
  private static final String REASON = "Framework has been removed";
  private final HttpClient http = HttpClient.newHttpClient();
  private final List<LogRecord> severe = new ArrayList<>();
  private final Handler logs = new Handler() {
    @Override
    public void publish(LogRecord record) {
      if (record.getLevel() == Level.SEVERE) {
        synchronized (severe) {
          severe.add(record);
        }
      }
    }

    @Override
    public void flush() { }

    @Override
    public void close() { }
  };
  private SchedulerOnRecordingMaster scheduler;
  private ApiVerticle api;

  @BeforeEach
  void start() throws Exception {
    Logger.getLogger(MesosVerticle.class.getName()).addHandler(logs);
    scheduler = SchedulerOnRecordingMaster.start(false);
    api = new ApiVerticle("127.0.0.1", 0, "devcluster", new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), AccessSettings.OPEN);
    SchedulerOnRecordingMaster.await(scheduler.vertx.deployVerticle(api));
    scheduler.awaitConnection(MesosCommands.Connection::subscribed, "subscribed");
  }

  @AfterEach
  void stop() throws Exception {
    Logger.getLogger(MesosVerticle.class.getName()).removeHandler(logs);
    scheduler.close();
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.port() + path)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private void endTheFramework() throws Exception {
    scheduler.master.send(SchedulerEvent.error(REASON));
    scheduler.awaitConnection(MesosCommands.Connection::fatal, "the fatal ERROR");
  }

  @Test
  void aTransientDisconnectLeavesHealthGreenAndLeaderHealthRed() throws Exception {
    scheduler.master.refuse(c -> c.type() == SchedulerCall.Type.SUBSCRIBE, 6, 503, "No leader elected");
    scheduler.master.cutStream();
    scheduler.awaitConnection(c -> !c.subscribed() && c.problem().contains("503"), "the failed re-subscription");

    assertThat(get("/leaderhealth").statusCode()).isEqualTo(503);
    assertThat(get("/health").statusCode()).isEqualTo(200);
    JsonObject mesos = new JsonObject(get("/api/v1/cluster").body()).getJsonObject("mesos");
    assertThat(mesos.getBoolean("subscribed")).isFalse();
    assertThat(mesos.getBoolean("fatal")).isFalse();
    scheduler.awaitConnection(MesosCommands.Connection::subscribed, "subscribed again once the master recovers");
  }

  @Test
  void anErrorEventTurnsHealthRedWithTheMastersReason() throws Exception {
    assertThat(get("/health").body()).isEqualTo("OK");
    endTheFramework();

    HttpResponse<String> health = get("/health");
    assertThat(health.statusCode()).isEqualTo(503);
    assertThat(health.body()).isEqualTo("UNHEALTHY: Mesos: the master ended the framework: " + REASON);
    assertThat(get("/leaderhealth").statusCode()).isEqualTo(503);

    HttpResponse<String> cluster = get("/api/v1/cluster");
    JsonObject mesos = new JsonObject(cluster.body()).getJsonObject("mesos");
    assertThat(mesos.getBoolean("fatal")).isTrue();
    assertThat(mesos.getBoolean("subscribed")).isFalse();
    assertThat(mesos.getString("problem")).contains(REASON);
    assertThat(mesos.getString("framework_id")).isEqualTo("recording-framework-0000");
    matchesTheApiDocument(cluster);
    synchronized (severe) {
      assertThat(severe).hasSize(1);
      assertThat(severe.get(0).getMessage()).contains(REASON).contains("stopped scheduling");
    }
  }

  @Test
  void afterAnErrorEventItNeitherLaunchesNorReSubscribes() throws Exception {
    endTheFramework();
    scheduler.master.drainCalls();
    scheduler.vertx.eventBus().send(BusAddresses.MESOS, new MesosCommands.Launch(List.of("offer-1"), "S1", List.of()));
    scheduler.vertx.eventBus().send(BusAddresses.MESOS, new MesosCommands.Revive());

    SchedulerCall decline = scheduler.master.awaitCall(c -> c.type() == SchedulerCall.Type.DECLINE, "the offers declined");
    assertThat(decline.decline().offerIds()).extracting(o -> o.value()).containsExactly("offer-1");
    Thread.sleep(1500);
    assertThat(scheduler.master.drainCalls()).extracting(SchedulerCall::type)
        .doesNotContain(SchedulerCall.Type.SUBSCRIBE, SchedulerCall.Type.ACCEPT, SchedulerCall.Type.REVIVE);
  }

  @Test
  void theDashboardShowsARedMesosBanner(@TempDir Path dir) throws Exception {
    try (HeadlessChromium browser = HeadlessChromium.start(dir.resolve("chromium"))) {
      browser.open("http://127.0.0.1:" + api.port() + "/scheduler");
      browser.awaitTrue("document.getElementById('mesos').hidden && document.getElementById('live').textContent !== ''",
          Duration.ofSeconds(20));
      endTheFramework();
      browser.awaitTrue("!document.getElementById('mesos').hidden"
          + " && document.getElementById('mesos').textContent.includes('Mesos: the master ended the framework: " + REASON + "')"
          + " && getComputedStyle(document.getElementById('mesos')).backgroundColor === 'rgb(220, 38, 38)'", Duration.ofSeconds(20));
    }
  }

  private void matchesTheApiDocument(HttpResponse<String> response) throws Exception {
    SchedulerOnRecordingMaster.await(ApiDocument.validate(scheduler.vertx, "getCluster", response.statusCode(), response.body()));
  }
}
