package io.borealis.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.borealis.testing.CuttableProxy;
import io.borealis.testing.SseCollector;
import io.borealis.testing.TestCluster;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dashboard in a real headless Chromium against one embedded cluster with real executors, shared
 * by the tests of this class (each uses its own role or job). Roles are system users (daemon, bin,
 * nobody...) because the executor, running as root, runs each task as its role's user. Every page
 * follows the event stream: nothing here reloads a page to see a change.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardBrowserTest {
  private static final Duration WAIT = Duration.ofSeconds(60);

  private TestCluster cluster;
  private HeadlessChromium browser;

  @BeforeAll
  void start(@TempDir Path dir) throws Exception {
    cluster = TestCluster.start(dir);
    browser = HeadlessChromium.start(Files.createDirectories(dir.resolve("chromium")));
  }

  @AfterAll
  void stop() throws Exception {
    if (browser != null) {
      browser.close();
    }
    if (cluster != null) {
      cluster.close();
    }
  }

  @BeforeEach
  void laptopWidth() {
    browser.windowSize(1280, 900);
  }

  private static String job(String role, String name, int instances, String cmdline, boolean service, double cpu) {
    return """
        {"cluster": "devcluster", "role": "%s", "environment": "prod", "name": "%s", "instances": %d, "service": %s,
         "task": {"processes": [{"name": "main", "cmdline": "%s"}],
                  "resources": {"cpu": %s, "ram": 33554432, "disk": 33554432}}}
        """.formatted(role, name, instances, service, cmdline, cpu);
  }

  private void create(String body) throws Exception {
    assertThat(cluster.send("POST", "/api/v1/jobs", body).statusCode()).isEqualTo(201);
  }

  @Test
  void jobPageShowsTaskStatesChangeLive() throws Exception {
    try (SseCollector sse = SseCollector.connect(cluster.vertx(), cluster.url() + "/api/v1/events?job=web")) {
      create(job("www-data", "web", 2, "exec sleep 600", true, 0.5));

      browser.open(cluster.url() + "/scheduler/www-data/prod/web");
      browser.awaitTrue("document.querySelectorAll('.task-row[data-instance] .state-cell .state.RUNNING').length === 2", WAIT);
      Object loadedAt = browser.script("return window.borealis.loadedAt");

      assertThat(cluster.send("DELETE", "/api/v1/jobs/devcluster/www-data/prod/web?instances=0", null).statusCode()).isEqualTo(200);
      sse.await(events -> events.stream().anyMatch(e -> "KILLED".equals(e.data().getString("state"))), WAIT, "KILLED on the stream");

      browser.awaitTrue("[...document.querySelectorAll('.tabs button')].some(b => b.textContent === 'Completed Tasks (1)')", WAIT);
      browser.awaitTrue("document.querySelectorAll('.task-row[data-instance]').length === 1", WAIT);
      assertThat(browser.script("return document.querySelector('.task-row[data-instance]').dataset.instance")).isEqualTo("1");
      assertThat(browser.script("return window.borealis.loadedAt")).as("the page was not reloaded").isEqualTo(loadedAt);
      assertThat((Long) browser.script("return window.borealis.eventsSeen")).isGreaterThan(0L);

      browser.script("document.querySelector('.tabs button[data-tab=completed]').click()");
      browser.awaitTrue("document.querySelector('.task-row[data-instance=\"0\"] .state-cell .state.KILLED') !== null", WAIT);
      browser.script("document.querySelector('.task-row[data-instance=\"0\"] button.history').click()");
      browser.awaitTrue("document.querySelector('section.history').textContent.includes('KILLING')", WAIT);

      browser.open(cluster.url() + "/scheduler");
      browser.awaitTrue("document.querySelector('tr[data-role=\"www-data\"]') !== null", WAIT);
    }
  }

  @Test
  void taskTableSearchesFiltersAndSorts() throws Exception {
    create(job("daemon", "mixed", 3, "exec sleep 600", true, 0.25));
    browser.open(cluster.url() + "/scheduler/daemon/prod/mixed");
    browser.awaitTrue("document.querySelectorAll('.task-row .state.RUNNING').length === 3", WAIT);
    assertThat(cluster.send("DELETE", "/api/v1/jobs/devcluster/daemon/prod/mixed?instances=1", null).statusCode()).isEqualTo(200);
    browser.awaitTrue("document.querySelectorAll('.task-row').length === 2", WAIT);

    browser.script("document.querySelector('.vhead [data-sort=instance] button').click()");
    browser.awaitTrue("[...document.querySelectorAll('.task-row')].sort((a, b) => a.dataset.index - b.dataset.index)"
        + ".map(r => r.dataset.instance).join() === '2,0'", WAIT);
    browser.script("const box = document.querySelector('.task-search'); box.value = 'mixed-2-'; box.dispatchEvent(new Event('input'))");
    browser.awaitTrue("[...document.querySelectorAll('.task-row')].map(r => r.dataset.instance).join() === '2'", WAIT);
    browser.script("const box = document.querySelector('.task-search'); box.value = ''; box.dispatchEvent(new Event('input'));"
        + "const s = document.querySelector('.state-filter'); s.value = 'PENDING'; s.dispatchEvent(new Event('change'))");
    browser.awaitTrue("document.querySelectorAll('.task-row').length === 0", WAIT);

    // A filtered table still follows the stream: a restarted instance passes through PENDING.
    browser.script("const s = document.querySelector('.state-filter'); s.value = 'RUNNING'; s.dispatchEvent(new Event('change'))");
    browser.awaitTrue("document.querySelectorAll('.task-row').length === 2", WAIT);
    assertThat(cluster.send("DELETE", "/api/v1/jobs/devcluster/daemon/prod/mixed?instances=0", null).statusCode()).isEqualTo(200);
    browser.awaitTrue("[...document.querySelectorAll('.task-row')].map(r => r.dataset.instance).join() === '2'", WAIT);
  }

  @Test
  void jobPageFollowsAnUpdateLiveAndTheUpdatesPageShowsItsProgressMove() throws Exception {
    String web = job("bin", "web", 2, "exec sleep 600", true, 0.5);
    create(web);
    browser.open(cluster.url() + "/scheduler/bin/prod/web");
    browser.awaitTrue("document.querySelectorAll('.task-row[data-instance] .state-cell .state.RUNNING').length === 2", WAIT);
    Object loadedAt = browser.script("return window.borealis.loadedAt");
    assertThat(browser.script("return document.querySelectorAll('.config-groups tr[data-instances]').length")).isEqualTo(1L);

    String canary = web.replace("exec sleep 600", "exec sleep 601").replace("\"service\": true,",
        "\"service\": true, \"update_config\": {\"watch_secs\": 1},");
    assertThat(cluster.send("POST", "/api/v1/updates?instances=0", canary).statusCode()).isEqualTo(201);

    browser.awaitTrue("document.querySelector('section.update[data-update-status=\"ROLLED_FORWARD\"]') !== null", WAIT);
    browser.awaitTrue("document.querySelectorAll('.config-groups tr[data-instances]').length === 2", WAIT);
    assertThat(browser.script("return [...document.querySelectorAll('.config-groups tr[data-instances]')]"
        + ".map(r => r.dataset.instances).join(' ')")).isEqualTo("0 1");
    browser.awaitTrue("document.querySelector('.update-events').textContent.includes('instance 0 updated')", WAIT);
    assertThat(browser.script("return document.querySelector('.update-events').textContent")).asString().contains("instance 0 updating");
    assertThat(browser.script("return window.borealis.loadedAt")).as("the page was not reloaded").isEqualTo(loadedAt);

    // /updates: a second update, of both instances one at a time, moves its progress bar from 0 to 2.
    browser.open(cluster.url() + "/updates");
    browser.awaitTrue("document.querySelector('section.update[data-update-status=\"ROLLED_FORWARD\"]') !== null", WAIT);
    loadedAt = browser.script("return window.borealis.loadedAt");
    browser.script("window.seenProgress = new Set(); window.progressWatch = setInterval(() => document.querySelectorAll("
        + "'section.update:not([data-update-status=\"ROLLED_FORWARD\"]) .progress').forEach(p => window.seenProgress.add("
        + "p.closest('section').dataset.updateStatus + ':' + p.getAttribute('aria-valuenow'))), 20)");
    String both = canary.replace("exec sleep 601", "exec sleep 602")
        .replace("\"update_config\": {\"watch_secs\": 1}", "\"update_config\": {\"watch_secs\": 2, \"batch_size\": 1}");
    assertThat(cluster.send("POST", "/api/v1/updates", both).statusCode()).isEqualTo(201);
    browser.awaitTrue("document.querySelectorAll('section.update[data-update-status=\"ROLLED_FORWARD\"]').length === 2", WAIT);
    browser.awaitTrue("[...document.querySelectorAll('section.update .progress')].every(p => p.getAttribute('aria-valuenow') === "
        + "p.getAttribute('aria-valuemax'))", WAIT);
    assertThat(browser.script("return [...window.seenProgress].join(' ')")).asString()
        .as("the bar was seen mid-way while rolling forward").contains("ROLLING_FORWARD:1");
    assertThat(browser.script("return document.body.innerText")).asString().contains("instance 1 updated");
    assertThat(browser.script("return window.borealis.loadedAt")).as("the page was not reloaded").isEqualTo(loadedAt);
  }

  @Test
  void rolePageGroupsJobsAsPendingActiveAndFinishedLive() throws Exception {
    create(job("nobody", "waiting", 1, "exec sleep 600", true, 100));
    create(job("nobody", "serving", 1, "exec sleep 600", true, 0.25));
    create(job("nobody", "done", 1, "echo done", false, 0.25));
    browser.open(cluster.url() + "/scheduler/nobody");
    String phaseOf = "document.querySelector('tr[data-job=\"devcluster/nobody/prod/%s\"]')?.closest('section').dataset.phase";
    browser.awaitTrue(phaseOf.formatted("waiting") + " === 'pending'", WAIT);
    browser.awaitTrue(phaseOf.formatted("serving") + " === 'active'", WAIT);
    browser.awaitTrue(phaseOf.formatted("done") + " === 'finished'", WAIT);
    browser.awaitTrue("document.querySelector('tr[data-job=\"devcluster/nobody/prod/serving\"] .type')?.textContent === 'service'", WAIT);
    browser.awaitTrue("document.querySelector('tr[data-job=\"devcluster/nobody/prod/done\"] .type')?.textContent === 'adhoc'", WAIT);
    Object loadedAt = browser.script("return window.borealis.loadedAt");

    assertThat(cluster.send("DELETE", "/api/v1/jobs/devcluster/nobody/prod/serving", null).statusCode()).isEqualTo(200);
    browser.awaitTrue(phaseOf.formatted("serving") + " === 'finished'", WAIT);
    assertThat(browser.script("return window.borealis.loadedAt")).isEqualTo(loadedAt);

    browser.open(cluster.url() + "/scheduler/nobody/prod");
    browser.awaitTrue(phaseOf.formatted("waiting") + " === 'pending'", WAIT);
    browser.open(cluster.url() + "/scheduler");
    browser.awaitTrue("document.querySelector('tr[data-role=\"nobody\"] .jobs')?.textContent === '3'", WAIT);
    assertThat(cluster.send("DELETE", "/api/v1/jobs/devcluster/nobody/prod/waiting", null).statusCode()).isEqualTo(200);
  }

  @Test
  void taskPageShowsProcessesAndATailOfTheirLogs() throws Exception {
    create(job("games", "talker", 1, "echo hello from the talker; echo trouble >&2; exec sleep 600", true, 0.25));
    browser.open(cluster.url() + "/scheduler/games/prod/talker");
    browser.awaitTrue("document.querySelector('.task-row[data-instance=\"0\"] .state.RUNNING') !== null", WAIT);
    browser.script("document.querySelector('.task-row[data-instance=\"0\"] .c-instance a').click()");
    browser.awaitTrue("location.pathname === '/scheduler/games/prod/talker/0'", WAIT);
    browser.awaitTrue("document.querySelector('tr[data-process=\"main\"] .process-state .state.RUNNING') !== null", WAIT);
    browser.awaitTrue("document.querySelector('pre.log[data-process=\"main\"]').textContent.includes('hello from the talker')", WAIT);
    assertThat(browser.script("return document.querySelector('.task-events').textContent")).asString().contains("RUNNING");

    browser.script("document.querySelector('.log-tail[data-process=\"main\"] button[data-stream=stderr]').click()");
    browser.awaitTrue("document.querySelector('pre.log[data-process=\"main\"]').dataset.stream === 'stderr'"
        + " && document.querySelector('pre.log[data-process=\"main\"]').textContent.includes('trouble')", WAIT);

    // The task's own page (Aurora's .../task/{id}) shows its state change live.
    String taskId = (String) browser.script("return document.querySelector('.task-id').textContent");
    browser.open(cluster.url() + "/scheduler/games/prod/talker/task/" + taskId);
    browser.awaitTrue("document.querySelector('.task-head .state.RUNNING') !== null", WAIT);
    assertThat(cluster.send("DELETE", "/api/v1/jobs/devcluster/games/prod/talker", null).statusCode()).isEqualTo(200);
    browser.awaitTrue("document.querySelector('.task-head .state.KILLED') !== null", WAIT);
    browser.awaitTrue("document.querySelector('tr[data-process=\"main\"] .process-state .state.RUNNING') === null", WAIT);
  }

  @Test
  void aDroppedConnectionResumesFromTheLastEventWithoutMissingAny() throws Exception {
    create(job("man", "net", 2, "exec sleep 600", true, 0.25));
    int port = URI.create(cluster.url()).getPort();
    try (CuttableProxy proxy = CuttableProxy.start(port);
         SseCollector sse = SseCollector.connect(cluster.vertx(), cluster.url() + "/api/v1/events?role=man&env=prod&job=net")) {
      browser.open("http://127.0.0.1:" + proxy.port() + "/scheduler/man/prod/net");
      browser.awaitTrue("document.querySelectorAll('.task-row .state.RUNNING').length === 2", WAIT);
      Object loadedAt = browser.script("return window.borealis.loadedAt");

      long seenBeforeCut = Long.parseLong((String) browser.script("return window.borealis.lastEventId ?? '0'"));
      proxy.cut();
      browser.awaitTrue("document.getElementById('live').textContent !== 'live'", WAIT);
      assertThat(cluster.send("DELETE", "/api/v1/jobs/devcluster/man/prod/net?instances=1", null).statusCode()).isEqualTo(200);
      sse.await(events -> events.stream().anyMatch(e -> "KILLED".equals(e.data().getString("state"))), WAIT, "KILLED while cut off");
      proxy.restore();

      browser.awaitTrue("document.querySelector('.tabs button[data-tab=completed]').textContent === 'Completed Tasks (1)'", WAIT);
      browser.awaitTrue("document.getElementById('live').textContent === 'live'", WAIT);
      List<Long> seenByBrowser = longs(browser.script("return window.borealis.eventIds"));
      List<Long> sentWhileCut = sse.snapshot().stream().map(SseCollector.Event::id).filter(id -> id > seenBeforeCut).toList();
      assertThat(sentWhileCut).isNotEmpty();
      assertThat(seenByBrowser).as("every event of the gap arrived, once, in order after the reconnect").containsSubsequence(sentWhileCut)
          .doesNotHaveDuplicates();
      assertThat(browser.script("return window.borealis.loadedAt")).as("the page was not reloaded").isEqualTo(loadedAt);
      assertThat(browser.script("return window.borealis.resets")).isEqualTo(0L);
    }
  }

  @Test
  void everyPageFitsAPhoneWidthWithoutSidewaysScrolling() throws Exception {
    create(job("lp", "a-job-with-a-rather-long-name-to-wrap", 1,
        "echo a-long-line-without-spaces-" + "x".repeat(200) + "; exec sleep 600", true, 0.25));
    browser.windowSize(390, 844);
    String base = cluster.url() + "/scheduler/lp/prod/a-job-with-a-rather-long-name-to-wrap";
    browser.open(base);
    browser.awaitTrue("document.querySelector('.task-row .state.RUNNING') !== null", WAIT);
    for (String page : List.of(cluster.url() + "/scheduler", cluster.url() + "/scheduler/lp", base, base + "/0",
        cluster.url() + "/updates")) {
      browser.open(page);
      browser.awaitTrue("window.borealis.renderedAt !== undefined", WAIT);
      if (page.endsWith("/0")) {
        browser.awaitTrue("document.querySelector('pre.log')?.textContent.includes('a-long-line')", WAIT);
      }
      assertThat((Long) browser.script("return window.innerWidth")).isBetween(360L, 390L);
      assertThat((Boolean) browser.script("return document.documentElement.scrollWidth <= window.innerWidth"))
          .as("horizontal overflow on " + page + ": scrollWidth " + browser.script("return document.documentElement.scrollWidth")).isTrue();
    }
  }

  private static List<Long> longs(Object list) {
    return ((List<?>) list).stream().map(n -> ((Number) n).longValue()).toList();
  }
}
