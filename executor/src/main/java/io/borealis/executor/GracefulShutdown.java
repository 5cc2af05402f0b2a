package io.borealis.executor;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import java.time.Duration;

/**
 * Aurora's default HTTP lifecycle, run before a killed task's processes are signalled: POST
 * {@code /quitquitquit} to the {@code health} port, wait up to {@code graceful} for the processes
 * to exit, POST {@code /abortabortabort}, wait up to {@code shutdown}; only then may
 * {@link RunningTask} send SIGTERM. The waits are timers here; {@link RunningTask} ends the phase
 * early ({@link #end()}) as soon as none of the processes is left. Lives on the task's context.
 */
final class GracefulShutdown {
  private static final System.Logger LOG = System.getLogger(GracefulShutdown.class.getName());
  static final String GRACEFUL_ENDPOINT = "/quitquitquit";
  static final String SHUTDOWN_ENDPOINT = "/abortabortabort";

  /** Aurora's graceful_shutdown_wait_secs and shutdown_wait_secs, 5 s each by default. */
  record Waits(Duration graceful, Duration shutdown) {
    static final Waits DEFAULTS = new Waits(Duration.ofSeconds(5), Duration.ofSeconds(5));
  }

  private enum Phase { IDLE, GRACEFUL, SHUTDOWN, OVER }

  private final Vertx vertx;
  private final HttpClient client;
  private final int port;
  private final Waits waits;
  private Phase phase = Phase.IDLE;
  private long timer = -1;

  GracefulShutdown(Vertx vertx, HttpClient client, int port, Waits waits) {
    this.vertx = vertx;
    this.client = client;
    this.port = port;
    this.waits = waits;
  }

  /** Starts the phase once; {@code onOver} runs if both waits pass without {@link #end()}. */
  void begin(Runnable onOver) {
    if (phase != Phase.IDLE) {
      return;
    }
    phase = Phase.GRACEFUL;
    post(GRACEFUL_ENDPOINT, waits.graceful());
    timer = vertx.setTimer(Math.max(1, waits.graceful().toMillis()), graceful -> {
      phase = Phase.SHUTDOWN;
      post(SHUTDOWN_ENDPOINT, waits.shutdown());
      timer = vertx.setTimer(Math.max(1, waits.shutdown().toMillis()), shutdown -> {
        timer = -1;
        phase = Phase.OVER;
        onOver.run();
      });
    });
  }

  /** True while signals must wait: the processes still have time to exit by themselves. */
  boolean holding() {
    return phase == Phase.GRACEFUL || phase == Phase.SHUTDOWN;
  }

  /** Ends the phase early (every process exited, or the task is done); idempotent. */
  void end() {
    if (timer >= 0) {
      vertx.cancelTimer(timer);
      timer = -1;
    }
    phase = Phase.OVER;
  }

  /** Fire and forget: a server that is gone, or never listened, only costs the wait. */
  private void post(String endpoint, Duration wait) {
    long timeout = Math.max(1, wait.toMillis());
    LOG.log(System.Logger.Level.INFO, "POST http://127.0.0.1:{0}{1}", Integer.toString(port), endpoint);
    client.request(new RequestOptions().setMethod(HttpMethod.POST).setHost("127.0.0.1").setPort(port).setURI(endpoint)
            .setConnectTimeout(timeout).setIdleTimeout(timeout))
        .compose(request -> request.send())
        .compose(response -> response.body().map(body -> response.statusCode()))
        .onComplete(done -> LOG.log(System.Logger.Level.INFO, "POST {0}: {1}", endpoint,
            done.succeeded() ? "HTTP " + done.result() : String.valueOf(done.cause())));
  }
}
