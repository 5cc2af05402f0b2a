package io.borealis.api;

import io.borealis.events.BusAddresses;
import io.borealis.events.ClusterEvent;
import io.borealis.events.StateRequests;
import io.borealis.model.Problem;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.StaticHandler;
import io.vertx.micrometer.PrometheusScrapingHandler;
import java.time.Clock;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Serves the JSON API, the SSE stream, the dashboard and the health check on one HTTP port. */
public final class ApiVerticle extends VerticleBase {
  private static final Logger LOG = Logger.getLogger(ApiVerticle.class.getName());
  /** Job documents are small; anything bigger than this is a mistake, not a job. */
  private static final long MAX_BODY_BYTES = 1024 * 1024;
  private static final long HEALTH_TIMEOUT_MS = 2_000;

  private final String host;
  private final int requestedPort;
  private final String cluster;
  private final PrometheusMeterRegistry metrics;
  private final EventStreamSettings eventStream;
  private HttpServer server;

  public ApiVerticle(String host, int port, String cluster, PrometheusMeterRegistry metrics) {
    this(host, port, cluster, metrics, EventStreamSettings.DEFAULTS);
  }

  public ApiVerticle(String host, int port, String cluster, PrometheusMeterRegistry metrics,
      EventStreamSettings eventStream) {
    this.host = host;
    this.requestedPort = port;
    this.cluster = cluster;
    this.metrics = metrics;
    this.eventStream = eventStream;
  }

  @Override
  public Future<?> start() {
    EventStreamHub events = new EventStreamHub(vertx, eventStream, metrics, Clock.systemUTC());
    JobHandlers jobs = new JobHandlers(vertx);
    AdminHandlers admin = new AdminHandlers(vertx.eventBus());
    UpdateHandlers updates = new UpdateHandlers(vertx.eventBus());
    QuotaHandlers quotas = new QuotaHandlers(vertx.eventBus());
    Router router = Router.router(vertx);
    router.get("/health").handler(this::health);
    router.get("/metrics").handler(PrometheusScrapingHandler.create(metrics));
    router.get("/api/v1/openapi.json").handler(rc -> rc.response()
        .putHeader("Content-Type", "application/json").sendFile("openapi.json"));
    router.get("/api/v1/cluster").handler(rc -> rc.response().putHeader("Content-Type", "application/json")
        .end(new JsonObject().put("name", cluster).encode()));
    router.post("/api/v1/jobs").handler(BodyHandler.create().setBodyLimit(MAX_BODY_BYTES)).handler(jobs::create);
    router.get("/api/v1/jobs").handler(jobs::list);
    router.get("/api/v1/jobs/:cluster/:role/:env/:name").handler(jobs::get);
    router.delete("/api/v1/jobs/:cluster/:role/:env/:name").handler(jobs::kill);
    router.post("/api/v1/jobs/:cluster/:role/:env/:name/restart").handler(jobs::restart);
    router.post("/api/v1/jobs/:cluster/:role/:env/:name/instances").handler(BodyHandler.create().setBodyLimit(MAX_BODY_BYTES))
        .handler(jobs::addInstances);
    router.get("/api/v1/tasks").handler(jobs::queryTasks);
    router.get("/api/v1/tasks/:id").handler(jobs::getTask);
    router.get("/api/v1/events").handler(events::subscribe);
    router.get("/api/v1/admin/backup").handler(admin::backup);
    router.post("/api/v1/updates").handler(BodyHandler.create().setBodyLimit(MAX_BODY_BYTES)).handler(updates::start);
    router.get("/api/v1/updates").handler(updates::list);
    router.get("/api/v1/quotas/:role").handler(quotas::get);
    router.put("/api/v1/quotas/:role").handler(BodyHandler.create().setBodyLimit(MAX_BODY_BYTES)).handler(quotas::put);
    router.get("/api/v1/updates/:id").handler(updates::get);
    router.post("/api/v1/updates/:id/:command").handler(updates::command);
    router.route("/api/*").handler(rc -> ApiError.notFound(rc, "no API resource " + rc.request().method() + " " + rc.request().path()));
    router.get("/").handler(rc -> rc.redirect("/scheduler"));
    router.get("/scheduler*").handler(rc -> rc.response().putHeader("Content-Type", "text/html; charset=utf-8")
        .sendFile("webroot/index.html"));
    router.route("/*").handler(StaticHandler.create("webroot"));
    router.route().failureHandler(rc -> {
      if (rc.statusCode() == 413) {
        ApiError.badRequest(rc, "request body larger than " + MAX_BODY_BYTES + " bytes", List.of(new Problem("$", "too large")));
        return;
      }
      if (rc.failure() != null) {
        LOG.log(Level.WARNING, "Request " + rc.request().path() + " failed", rc.failure());
      }
      int status = rc.statusCode() > 0 ? rc.statusCode() : 500;
      ApiError.send(rc, status, status == 404 ? "not_found" : "internal", status == 404 ? "not found" : "internal error", List.of());
    });

    var consumer = vertx.eventBus().<ClusterEvent>consumer(BusAddresses.EVENTS, m -> events.publish(m.body()));
    return consumer.completion()
        .compose(v -> vertx.createHttpServer().requestHandler(router).listen(requestedPort, host))
        .onSuccess(s -> server = s);
  }

  public int port() {
    return server.actualPort();
  }

  /**
   * OK only when the state owner answers: the HTTP server starts first, and a scheduler whose storage
   * failed must not look healthy to a load balancer or an operator.
   */
  private void health(RoutingContext rc) {
    vertx.eventBus().request(BusAddresses.STATE, new StateRequests.CheckHealth(),
            new DeliveryOptions().setSendTimeout(HEALTH_TIMEOUT_MS))
        .onSuccess(ok -> rc.response().putHeader("Content-Type", "text/plain").end("OK"))
        .onFailure(e -> rc.response().setStatusCode(503).putHeader("Content-Type", "text/plain")
            .end("UNHEALTHY: " + ApiError.unavailableBecause(e)));
  }
}
