package io.borealis.executor;

import io.borealis.executor.HealthPolicy.Rules;
import io.borealis.executor.HealthPolicy.Standing;
import io.borealis.executor.HealthPolicy.Step;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import java.util.concurrent.TimeUnit;

/**
 * Runs one task's health checks, the thin shell around {@link HealthPolicy}: a check every
 * {@code interval_secs} after the previous one ended, HTTP ({@code GET 127.0.0.1:<health port><endpoint>})
 * or shell ({@code bash -c} in the sandbox, as the task's user), each failing after {@code timeout_secs}. While the file
 * {@value #SNOOZE_FILE} exists in the sandbox a check is skipped and does not count. Lives on the
 * executor's context; tells its listener when health changes.
 */
final class HealthMonitor {
  private static final System.Logger LOG = System.getLogger(HealthMonitor.class.getName());
  static final String SNOOZE_FILE = ".healthchecksnooze";

  /** Told on the executor's context, once per change; unhealthy is the last call. */
  interface Listener {
    /** @param why for unhealthy, what the failing checks saw; null for healthy */
    void onHealthChanged(boolean healthy, String why);
  }

  /** One check's result; {@code why} says what a failed check saw. */
  record Result(boolean passed, String why) {}

  private final Vertx vertx;
  private final HttpClient client;
  private final ProcessLauncher launcher;
  private final HealthCheckConfig config;
  private final Integer healthPort;
  private final Rules rules;
  private final Listener listener;
  private Standing standing = Standing.INITIAL;
  private long timer = -1;
  private boolean stopped;

  /** @param healthPort the port named {@code health}; may be null for shell checks */
  HealthMonitor(Vertx vertx, HttpClient client, ProcessLauncher launcher, HealthCheckConfig config, Integer healthPort, Listener listener) {
    this.vertx = vertx;
    this.client = client;
    this.launcher = launcher;
    this.config = config;
    this.healthPort = healthPort;
    this.rules = Rules.of(config);
    this.listener = listener;
  }

  /** HTTP checks need a {@code health} port (Aurora: else no checks); shell checks do not. */
  static boolean applies(HealthCheckConfig config, Integer healthPort) {
    return config != null && (config.isShell() || healthPort != null);
  }

  void start() {
    scheduleNext();
  }

  void stop() {
    stopped = true;
    vertx.cancelTimer(timer);
  }

  private void scheduleNext() {
    if (!stopped && !standing.unhealthy()) {
      timer = vertx.setTimer(Math.max(1, config.interval().toMillis()), id -> tick());
    }
  }

  private void tick() {
    vertx.fileSystem().exists(launcher.sandbox().resolve(SNOOZE_FILE).toString()).onComplete(snoozed -> {
      if (stopped) {
        return;
      }
      if (snoozed.succeeded() && snoozed.result()) {
        LOG.log(System.Logger.Level.DEBUG, "health check skipped: {0} exists", SNOOZE_FILE);
        scheduleNext();
        return;
      }
      check().onComplete(done -> {
        Result result = done.succeeded() ? done.result() : new Result(false, String.valueOf(done.cause()));
        if (!stopped) {
          judge(result);
          scheduleNext();
        }
      });
    });
  }

  private void judge(Result result) {
    Step step = HealthPolicy.step(rules, standing, result.passed(), result.why());
    standing = step.standing();
    if (!result.passed()) {
      LOG.log(System.Logger.Level.INFO, "health check {0} failed: {1}", Integer.toString(standing.attempts()), result.why());
    }
    switch (step.verdict()) {
      case BECAME_HEALTHY -> listener.onHealthChanged(true, null);
      case BECAME_UNHEALTHY -> listener.onHealthChanged(false, step.reason());
      default -> { }
    }
  }

  private Future<Result> check() {
    long timeout = config.timeout().toMillis();
    Future<Result> result = config.isShell() ? shell(timeout) : http(timeout);
    return result.timeout(timeout, TimeUnit.MILLISECONDS)
        .otherwise(failure -> new Result(false, "no result within " + timeout + " ms: " + failure.getMessage()));
  }

  private Future<Result> http(long timeout) {
    RequestOptions request = new RequestOptions().setMethod(HttpMethod.GET).setHost("127.0.0.1").setPort(healthPort)
        .setURI(config.endpoint()).setConnectTimeout(timeout).setIdleTimeout(timeout);
    return client.request(request)
        .compose(sent -> sent.send())
        .compose(response -> response.body().map(body -> httpResult(response.statusCode(), body.toString())));
  }

  /** Aurora compares the body trimmed and case-insensitively; an empty expectation or code 0 is not checked. */
  private Result httpResult(int status, String body) {
    String expected = config.expectedResponse() == null ? "" : config.expectedResponse().strip();
    if (!expected.isEmpty() && !expected.equalsIgnoreCase(body.strip())) {
      return new Result(false, "HTTP " + status + " with body '" + abbreviate(body.strip()) + "', expected '" + expected + "'");
    }
    if (config.expectedResponseCode() > 0 && status != config.expectedResponseCode()) {
      return new Result(false, "HTTP " + status + ", expected " + config.expectedResponseCode());
    }
    return new Result(true, null);
  }

  private Future<Result> shell(long timeout) {
    // Blocking wait on a worker; the process is killed if it outlives the timeout.
    return vertx.executeBlocking(() -> {
      Process process = launcher.builder(java.util.List.of(), config.shellCommand())
          .redirectOutput(ProcessBuilder.Redirect.DISCARD)
          .redirectError(ProcessBuilder.Redirect.DISCARD)
          .start();
      if (!process.waitFor(timeout, TimeUnit.MILLISECONDS)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        return new Result(false, "shell command still running after " + timeout + " ms");
      }
      int code = process.exitValue();
      return code == 0 ? new Result(true, null) : new Result(false, "shell command exited with code " + code);
    }, false);
  }

  private static String abbreviate(String text) {
    return text.length() <= 80 ? text : text.substring(0, 80) + "...";
  }
}
