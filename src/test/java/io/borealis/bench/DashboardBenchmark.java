package io.borealis.bench;

import io.borealis.testing.SseCollector;
import io.borealis.testing.TestCluster;
import io.borealis.ui.HeadlessChromium;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The dashboard's job page for one job of 10,000 tasks, in headless Chromium against the embedded
 * cluster (tasks stay PENDING: each asks 100 cpus, so nothing is launched and only the page is timed).
 *
 * <ul>
 *   <li>render: from navigation start to the first paint of the task table ({@code window.borealis.renderedAt},
 *       i.e. {@code performance.now()} in the frame after the rows went in), over several fresh loads;
 *   <li>burst: the job is killed, so 20,000 events stream in (each PENDING task goes to KILLING, then is deleted,
 *       as a task that never ran is in Aurora) and every row leaves the table; timed from the kill request to the
 *       page having applied the last one,
 *       next to when a plain SSE client got the last one; with the longest gap between animation frames
 *       during the burst (how long the page was unresponsive at worst).
 * </ul>
 *
 * <p>Usage: {@code DashboardBenchmark [loads]}; run it with bench/dashboard.sh.
 */
public final class DashboardBenchmark {
  private static final Duration WAIT = Duration.ofMinutes(3);

  private DashboardBenchmark() {}

  public static void main(String[] args) throws Exception {
    int loads = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    Path dir = Files.createTempDirectory("borealis-dashboard-bench");
    try (TestCluster cluster = TestCluster.start(dir);
         HeadlessChromium browser = HeadlessChromium.start(Files.createDirectories(dir.resolve("chromium")))) {
      String job = """
          {"cluster": "devcluster", "role": "bench", "environment": "prod", "name": "big", "instances": 10000, "service": true,
           "task": {"processes": [{"name": "main", "cmdline": "exec sleep 600"}],
                    "resources": {"cpu": 100, "ram": 33554432, "disk": 33554432}}}
          """;
      long created = System.nanoTime();
      if (cluster.send("POST", "/api/v1/jobs", job).statusCode() != 201) {
        throw new IllegalStateException("cannot create the job");
      }
      System.out.printf(Locale.ROOT, "created 10,000 tasks in %d ms%n", (System.nanoTime() - created) / 1_000_000);
      String page = cluster.url() + "/scheduler/bench/prod/big";
      String painted = "window.borealis.renderedAt !== undefined && document.querySelector('.table-summary')?.textContent === '10000 tasks'";

      List<Double> renders = new ArrayList<>();
      for (int i = 0; i <= loads; i++) {
        browser.open("about:blank");
        browser.open(page);
        browser.awaitTrue(painted, WAIT);
        double ms = ((Number) browser.script("return window.borealis.renderedAt")).doubleValue();
        long rows = (Long) browser.script("return document.querySelectorAll('.task-row').length");
        if (i > 0) { // the first load warms the server's and the browser's caches
          renders.add(ms);
        }
        System.out.printf(Locale.ROOT, "load %d: table painted %.0f ms after navigation, %d rows in the DOM%s%n", i, ms, rows,
            i == 0 ? " (warm-up)" : "");
      }
      renders.sort(Double::compare);
      System.out.printf(Locale.ROOT, "render: median %.0f ms (min %.0f, max %.0f) over %d loads%n",
          renders.get(renders.size() / 2), renders.get(0), renders.get(renders.size() - 1), renders.size());

      try (SseCollector sse = SseCollector.connect(cluster.vertx(), cluster.url() + "/api/v1/events?type=task&job=big")) {
        browser.script("window.bench = { frames: [], stop: false };"
            + "const loop = (t) => { window.bench.frames.push(t); if (!window.bench.stop) requestAnimationFrame(loop); };"
            + "requestAnimationFrame(loop); window.bench.start = performance.now();");
        long killed = System.nanoTime();
        cluster.send("DELETE", "/api/v1/jobs/devcluster/bench/prod/big", null);
        sse.await(events -> events.stream().filter(e -> e.data().getBoolean("deleted", false)).count() == 10_000,
            WAIT, "10,000 tasks deleted");
        double streamMs = (System.nanoTime() - killed) / 1e6;
        browser.awaitTrue("document.querySelector('.tabs button[data-tab=active]').textContent === 'Active Tasks (0)'", WAIT);
        browser.script("window.bench.stop = true");
        double applied = ((Number) browser.script("return window.borealis.appliedAt - window.bench.start")).doubleValue();
        double worstFrame = ((Number) browser.script("const f = window.bench.frames; let worst = 0;"
            + "for (let i = 1; i < f.length; i++) worst = Math.max(worst, f[i] - f[i - 1]); return worst")).doubleValue();
        long frames = (Long) browser.script("return window.bench.frames.length");
        long rows = (Long) browser.script("return document.querySelectorAll('.task-row').length");
        System.out.printf(Locale.ROOT, "burst: 20,000 events (10,000 tasks KILLING, then deleted); SSE client had the last after %.0f ms,"
            + " the page applied"
            + " the last %.0f ms after the kill request; longest frame gap %.0f ms over %d frames; %d rows in the DOM%n",
            streamMs, applied, worstFrame, frames, rows);
      }
    }
  }
}
