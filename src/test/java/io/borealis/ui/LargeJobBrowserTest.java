package io.borealis.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.borealis.testing.TestCluster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A job of 10,000 tasks: the job page keeps only the rows in view in the DOM, however far one scrolls,
 * and still applies events to the right rows. The tasks stay PENDING (each asks 100 cpus), which is all
 * rendering needs; bench/dashboard.sh times the same page.
 */
class LargeJobBrowserTest {
  static final int INSTANCES = 10_000;
  private static final Duration WAIT = Duration.ofSeconds(90);
  /** A laptop window shows about 20 rows of the task table; with overscan, never more than this. */
  private static final long MAX_ROWS_IN_DOM = 80;

  static String bigJob(String name) {
    return """
        {"cluster": "devcluster", "role": "backup", "environment": "prod", "name": "%s", "instances": %d, "service": true,
         "task": {"processes": [{"name": "main", "cmdline": "exec sleep 600"}],
                  "resources": {"cpu": 100, "ram": 33554432, "disk": 33554432}}}
        """.formatted(name, INSTANCES);
  }

  @TempDir
  Path dir;

  @Test
  void rendersOnlyTheRowsInViewOfTenThousandTasksAndFollowsEventsToThem() throws Exception {
    try (TestCluster cluster = TestCluster.start(dir);
         HeadlessChromium browser = HeadlessChromium.start(Files.createDirectories(dir.resolve("chromium")))) {
      assertThat(cluster.send("POST", "/api/v1/jobs", bigJob("many")).statusCode()).isEqualTo(201);
      // Pending reasons come from the next placement pass and are not events: wait for them before loading.
      cluster.awaitJob("devcluster/backup/prod/many", job -> job.getJsonArray("active_tasks").getJsonObject(5000).getString("pending_reason") != null);

      browser.open(cluster.url() + "/scheduler/backup/prod/many");
      browser.awaitTrue("window.borealis.renderedAt !== undefined && document.querySelector('.table-summary')?.textContent === '10000 tasks'", WAIT);
      long rows = (Long) browser.script("return document.querySelectorAll('.task-row').length");
      assertThat(rows).isBetween(10L, MAX_ROWS_IN_DOM);
      assertThat(browser.script("return document.querySelector('.tabs button[data-tab=active]').textContent")).isEqualTo("Active Tasks (10000)");

      browser.script("const box = document.querySelector('.vscroll'); box.scrollTop = 5000 * 38");
      browser.awaitTrue("document.querySelector('.task-row[data-instance=\"5000\"]') !== null", WAIT);
      assertThat((Long) browser.script("return document.querySelectorAll('.task-row').length")).isLessThanOrEqualTo(MAX_ROWS_IN_DOM);
      assertThat(browser.script("return document.querySelector('.task-row[data-instance=\"5000\"] .message').textContent"))
          .asString().contains("Insufficient");

      assertThat(cluster.send("DELETE", "/api/v1/jobs/devcluster/backup/prod/many?instances=5000", null).statusCode()).isEqualTo(200);
      // A task killed while PENDING never ran: it goes through KILLING and is deleted, as in Aurora.
      browser.awaitTrue("document.querySelector('.tabs button[data-tab=active]').textContent === 'Active Tasks (9999)'", WAIT);
      browser.awaitTrue("document.querySelector('.task-row[data-instance=\"5000\"]') === null"
          + " && document.querySelector('.task-row[data-instance=\"5001\"]') !== null", WAIT);

      browser.script("const box = document.querySelector('.task-search'); box.value = 'many-9999-'; box.dispatchEvent(new Event('input'))");
      browser.awaitTrue("[...document.querySelectorAll('.task-row')].map(r => r.dataset.instance).join() === '9999'", WAIT);
    }
  }
}
