package io.borealis.api;

import io.borealis.access.AccessSettings;
import io.borealis.events.BusAddresses;
import io.borealis.events.ClusterEvent;
import io.borealis.model.Problem;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.HttpException;
import io.vertx.ext.web.handler.StaticHandler;
import io.vertx.ext.web.openapi.router.OpenAPIRoute;
import io.vertx.ext.web.openapi.router.RequestExtractor;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import io.vertx.micrometer.PrometheusScrapingHandler;
import io.vertx.openapi.contract.OpenAPIContract;
import io.vertx.openapi.contract.Operation;
import io.vertx.openapi.validation.ValidatorException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Serves the JSON API, the SSE stream, the dashboard and the health checks ({@link HealthHandlers}) on one HTTP port. */
public final class ApiVerticle extends VerticleBase {
  private static final Logger LOG = Logger.getLogger(ApiVerticle.class.getName());
  /** Job documents are small; anything bigger than this is a mistake, not a job. */
  private static final long MAX_BODY_BYTES = 1024 * 1024;

  private final String host;
  private final int requestedPort;
  private final String cluster;
  private final PrometheusMeterRegistry metrics;
  private final AccessSettings access;
  private final EventStreamSettings eventStream;
  private HttpServer server;

  public ApiVerticle(String host, int port, String cluster, PrometheusMeterRegistry metrics, AccessSettings access) {
    this(host, port, cluster, metrics, access, EventStreamSettings.DEFAULTS);
  }

  public ApiVerticle(String host, int port, String cluster, PrometheusMeterRegistry metrics, AccessSettings access,
      EventStreamSettings eventStream) {
    this.host = host;
    this.requestedPort = port;
    this.cluster = cluster;
    this.metrics = metrics;
    this.access = access;
    this.eventStream = eventStream;
  }

  @Override
  public Future<?> start() {
    EventStreamHub events = new EventStreamHub(vertx, eventStream, metrics, Clock.systemUTC());
    var consumer = vertx.eventBus().<ClusterEvent>consumer(BusAddresses.EVENTS, m -> events.publish(m.body()));
    return consumer.completion()
        .compose(v -> ApiContract.load(vertx))
        .map(contract -> router(contract, events))
        .compose(router -> vertx.createHttpServer().requestHandler(router).listen(requestedPort, host))
        .onSuccess(s -> server = s);
  }

  /**
   * The API's routes come from the OpenAPI document: each operation is validated against it before
   * its handler runs, and an operation without a handler fails the start (see {@link #operations}).
   */
  private Router router(OpenAPIContract contract, EventStreamHub events) {
    AccessGate gate = new AccessGate(vertx, access);
    RouterBuilder builder = RouterBuilder.create(vertx, contract, RequestExtractor.withBodyHandler())
        // Every API body is read (up to a limit) before admitting, so a refusal never leaves a half-read request.
        .rootHandler(BodyHandler.create().setBodyLimit(MAX_BODY_BYTES))
        .rootHandler(JobHandlers::auroraFormatParameter)
        .rootHandler(gate::admit);
    Map<String, Handler<RoutingContext>> operations = operations(events);
    for (OpenAPIRoute route : builder.getRoutes()) {
      String id = route.getOperation().getOperationId();
      Handler<RoutingContext> handler = operations.get(id);
      if (handler == null) {
        throw new IllegalStateException("the OpenAPI document has operation '" + id + "' but no handler serves it");
      }
      // Credentials are checked by the gate (which also knows the open mode), not by the contract's schemes.
      route.setDoSecurity(false).addHandler(handler).addFailureHandler(rc -> failed(rc, route.getOperation()));
    }
    Router router = builder.createRouter();
    HealthHandlers health = new HealthHandlers(vertx.eventBus(), cluster);
    router.get("/health").handler(health::health);
    router.get("/leaderhealth").handler(health::leaderHealth);
    router.get("/metrics").handler(PrometheusScrapingHandler.create(metrics));
    router.route("/api/*").handler(rc -> ApiError.notFound(rc, "no API resource " + rc.request().method() + " " + rc.request().path()));
    router.get("/").handler(rc -> rc.redirect("/scheduler"));
    // Aurora's page URLs, all answered by the single-page dashboard, which routes in the browser.
    router.get("/scheduler*").handler(ApiVerticle::dashboard);
    router.get("/updates").handler(ApiVerticle::dashboard);
    router.route("/*").handler(StaticHandler.create("webroot"));
    router.route().failureHandler(rc -> failed(rc, null));
    return router;
  }

  private Map<String, Handler<RoutingContext>> operations(EventStreamHub events) {
    JobHandlers jobs = new JobHandlers(vertx);
    AdminHandlers admin = new AdminHandlers(vertx.eventBus());
    UpdateHandlers updates = new UpdateHandlers(vertx.eventBus());
    QuotaHandlers quotas = new QuotaHandlers(vertx.eventBus());
    SandboxHandlers sandboxes = new SandboxHandlers(vertx);
    HostHandlers hosts = new HostHandlers(vertx.eventBus());
    HealthHandlers health = new HealthHandlers(vertx.eventBus(), cluster);
    return Map.ofEntries(
        Map.entry("getOpenApiDocument", rc -> rc.response().putHeader("Content-Type", "application/json").sendFile(ApiContract.DOCUMENT)),
        Map.entry("getCluster", health::cluster),
        Map.entry("createJob", jobs::create),
        Map.entry("listJobs", jobs::list),
        Map.entry("getJob", jobs::get),
        Map.entry("killTasks", jobs::kill),
        Map.entry("restartTasks", jobs::restart),
        Map.entry("addInstances", jobs::addInstances),
        Map.entry("queryTasks", jobs::queryTasks),
        Map.entry("getTask", jobs::getTask),
        Map.entry("getTaskProcesses", sandboxes::processes),
        Map.entry("readTaskLog", sandboxes::log),
        Map.entry("streamEvents", events::subscribe),
        Map.entry("backup", admin::backup),
        Map.entry("drainHosts", hosts::drain),
        Map.entry("activateHosts", hosts::activate),
        Map.entry("getHostMaintenance", hosts::status),
        Map.entry("startUpdate", updates::start),
        Map.entry("listUpdates", updates::list),
        Map.entry("getUpdate", updates::get),
        Map.entry("commandUpdate", updates::command),
        Map.entry("getQuota", quotas::get),
        Map.entry("setQuota", quotas::put));
  }

  /** The API's error shape for whatever failed; {@code operation} is the OpenAPI operation, if the request reached one. */
  private void failed(RoutingContext rc, Operation operation) {
    if (rc.statusCode() == 413) {
      ApiError.badRequest(rc, "request body larger than " + MAX_BODY_BYTES + " bytes", List.of(new Problem("$", "too large")));
      return;
    }
    if (rc.failure() instanceof HttpException http && http.getCause() instanceof ValidatorException invalid) {
      ApiError.invalid(rc, invalid, operation);
      return;
    }
    if (rc.failure() != null) {
      LOG.log(Level.WARNING, "Request " + rc.request().path() + " failed", rc.failure());
    }
    int status = rc.statusCode() > 0 ? rc.statusCode() : 500;
    ApiError.send(rc, status, status == 404 ? "not_found" : "internal", status == 404 ? "not found" : "internal error", List.of());
  }

  private static void dashboard(RoutingContext rc) {
    rc.response().putHeader("Content-Type", "text/html; charset=utf-8").putHeader("Cache-Control", "no-cache")
        .sendFile("webroot/index.html");
  }

  public int port() {
    return server.actualPort();
  }
}
