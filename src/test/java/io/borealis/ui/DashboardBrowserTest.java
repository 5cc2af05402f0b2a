package io.borealis.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.borealis.testing.SseCollector;
import io.borealis.testing.TestCluster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dashboard in a real headless Chromium: it follows task states live, without reloading. */
class DashboardBrowserTest {
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final String JOB = """
      {"cluster": "devcluster", "role": "www-data", "environment": "prod", "name": "web", "instances": 2, "service": true,
       "task": {"processes": [{"name": "web", "cmdline": "exec sleep 600"}],
                "resources": {"cpu": 0.5, "ram": 33554432, "disk": 33554432}}}
      """;

  @TempDir
  Path dir;

  @Test
  void jobPageShowsTaskStatesChangeLive() throws Exception {
    try (TestCluster cluster = TestCluster.start(dir);
         HeadlessChromium browser = HeadlessChromium.start(Files.createDirectories(dir.resolve("chromium")));
         SseCollector sse = SseCollector.connect(cluster.vertx(), cluster.url() + "/api/v1/events?job=web")) {
      assertThat(cluster.send("POST", "/api/v1/jobs", JOB).statusCode()).isEqualTo(201);

      browser.open(cluster.url() + "/scheduler/www-data/prod/web");
      browser.awaitTrue("document.querySelectorAll('tr[data-instance] td.state-cell .state.RUNNING').length === 2", WAIT);
      Object loadedAt = browser.script("return window.borealis.loadedAt");

      assertThat(cluster.send("DELETE", "/api/v1/jobs/devcluster/www-data/prod/web?instances=0", null).statusCode()).isEqualTo(200);
      sse.await(events -> events.stream().anyMatch(e -> "KILLED".equals(e.data().getString("state"))), WAIT, "KILLED on the stream");

      browser.awaitTrue("[...document.querySelectorAll('.tabs button')].some(b => b.textContent === 'Completed Tasks (1)')", WAIT);
      browser.awaitTrue("document.querySelectorAll('tr[data-instance]').length === 1", WAIT);
      assertThat(browser.script("return document.querySelector('tr[data-instance]').dataset.instance")).isEqualTo("1");
      assertThat(browser.script("return window.borealis.loadedAt")).as("the page was not reloaded").isEqualTo(loadedAt);
      assertThat((Long) browser.script("return window.borealis.eventsSeen")).isGreaterThan(0L);

      browser.script("document.querySelectorAll('.tabs button')[1].click()");
      browser.awaitTrue("document.querySelector('tr[data-instance=\"0\"] td.state-cell .state.KILLED') !== null", WAIT);

      browser.open(cluster.url() + "/scheduler");
      browser.awaitTrue("document.querySelector('tr[data-role=\"www-data\"]') !== null", WAIT);
      browser.open(cluster.url() + "/scheduler/www-data");
      browser.awaitTrue("document.querySelector('tr[data-job=\"devcluster/www-data/prod/web\"]') !== null", WAIT);
    }
  }

  @Test
  void jobPageFollowsAnUpdateLiveAndShowsTheConfigGroupsItLeaves() throws Exception {
    try (TestCluster cluster = TestCluster.start(dir);
         HeadlessChromium browser = HeadlessChromium.start(Files.createDirectories(dir.resolve("chromium")))) {
      assertThat(cluster.send("POST", "/api/v1/jobs", JOB).statusCode()).isEqualTo(201);
      browser.open(cluster.url() + "/scheduler/www-data/prod/web");
      browser.awaitTrue("document.querySelectorAll('tr[data-instance] td.state-cell .state.RUNNING').length === 2", WAIT);
      Object loadedAt = browser.script("return window.borealis.loadedAt");
      assertThat(browser.script("return document.querySelectorAll('.config-groups tr[data-instances]').length")).isEqualTo(1L);

      String canary = JOB.replace("exec sleep 600", "exec sleep 601").replace("\"service\": true,",
          "\"service\": true, \"update_config\": {\"watch_secs\": 1},");
      assertThat(cluster.send("POST", "/api/v1/updates?instances=0", canary).statusCode()).isEqualTo(201);

      browser.awaitTrue("document.querySelector('section.update[data-update-status=\"ROLLED_FORWARD\"]') !== null", WAIT);
      browser.awaitTrue("document.querySelectorAll('.config-groups tr[data-instances]').length === 2", WAIT);
      assertThat(browser.script("return [...document.querySelectorAll('.config-groups tr[data-instances]')]"
          + ".map(r => r.dataset.instances).join(' ')")).isEqualTo("0 1");
      assertThat(browser.script("return document.querySelector('.update-events').textContent")).asString()
          .contains("instance 0 updated").contains("instance 0 updating");
      assertThat(browser.script("return window.borealis.loadedAt")).as("the page was not reloaded").isEqualTo(loadedAt);
    }
  }
}
