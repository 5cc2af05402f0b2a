package io.borealis.api;

import io.borealis.config.JobJson;
import io.borealis.events.BusAddresses;
import io.borealis.events.StateRequests;
import io.borealis.model.InstanceRanges;
import io.borealis.model.JobConfig;
import io.borealis.model.JobKey;
import io.borealis.model.Problem;
import io.borealis.model.ScheduledTask;
import io.borealis.model.TaskState;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Handlers for {@code /api/v1/jobs} and {@code /api/v1/tasks}. */
final class JobHandlers {
  static final int DEFAULT_PAGE = 100;
  static final int MAX_PAGE = 1000;

  /** The media type of a .aurora config posted as the job. */
  static final String AURORA_TYPE = "text/x-aurora";

  private final Vertx vertx;
  private final EventBus bus;

  JobHandlers(Vertx vertx) {
    this.vertx = vertx;
    this.bus = vertx.eventBus();
  }

  void create(RoutingContext rc) {
    String body = rc.body().asString();
    boolean aurora = isAurora(rc);
    if (body == null || body.isBlank()) {
      ApiError.badRequest(rc, "the request body must be a job in " + (aurora ? "a .aurora config" : "JSON"),
          List.of(new Problem("$", "body is empty")));
      return;
    }
    if (aurora) {
      createFromAurora(rc, body);
      return;
    }
    JobConfig job = oneJob(rc, body, "create");
    if (job != null) {
      submit(rc, job, List.of());
    }
  }

  /** The one job a JSON body holds; null (after answering 400 with every problem) when it holds no valid one. */
  static JobConfig oneJob(RoutingContext rc, String body, String verb) {
    JobJson.ReadResult result = JobJson.read(body);
    if (!result.ok()) {
      ApiError.badRequest(rc, "the job is not valid: " + result.problems().size() + " problem(s)", result.problems());
      return null;
    }
    if (result.jobs().size() != 1) {
      ApiError.badRequest(rc, "give exactly one job to " + verb, List.of(new Problem("$.jobs", "has " + result.jobs().size() + " jobs")));
      return null;
    }
    return result.jobs().get(0);
  }

  /** {@code Content-Type: text/x-aurora} (or {@code ?format=aurora}, see below): the body is a .aurora config, not JSON. */
  private static boolean isAurora(RoutingContext rc) {
    String type = rc.request().getHeader("Content-Type");
    return type != null && type.startsWith(AURORA_TYPE);
  }

  /**
   * {@code ?format=aurora} says the body is a .aurora config whatever its Content-Type, for clients
   * such as {@code curl -d @hello.aurora} that cannot easily set one. Runs before validation, which
   * reads the body as its Content-Type says.
   */
  static void auroraFormatParameter(RoutingContext rc) {
    if ("aurora".equals(rc.request().getParam("format"))) {
      rc.request().headers().set("Content-Type", AURORA_TYPE);
    }
    rc.next();
  }

  /** Evaluating a config runs an interpreter: on a worker, never on the event loop. */
  private void createFromAurora(RoutingContext rc, String source) {
    String key = rc.request().getParam("key");
    List<String> binds = rc.queryParam("bind");
    String user = rc.request().getParam("user");
    vertx.executeBlocking(() -> AuroraSubmission.evaluate(source, key, binds, user), false)
        .onSuccess(result -> {
          if (result.ok()) {
            submit(rc, result.config(), result.warnings());
          } else {
            ApiError.badRequest(rc, result.error(), result.problems());
          }
        })
        .onFailure(error -> ApiError.fromFailure(rc, error));
  }

  private void submit(RoutingContext rc, JobConfig config, List<String> warnings) {
    if (!AccessGate.permits(rc, config.key().role())) {
      return;
    }
    bus.<StateRequests.JobCreated>request(BusAddresses.STATE, new StateRequests.CreateJob(config))
        .onSuccess(reply -> {
          JobKey key = reply.body().key();
          JsonObject created = ApiJson.key(key).put("url", dashboardUrl(rc, key)).put("pending_tasks", reply.body().pendingTasks());
          if (!warnings.isEmpty()) {
            created.put("warnings", new JsonArray(warnings));
          }
          rc.response().setStatusCode(201).putHeader("Content-Type", "application/json")
              .putHeader("Location", "/api/v1/jobs/" + key).end(created.encode());
        })
        .onFailure(error -> ApiError.fromFailure(rc, error));
  }

  /** {@code {"from_instance": N, "count": C}}: C more instances running instance N's config. */
  void addInstances(RoutingContext rc) {
    JobKey key = key(rc);
    if (key == null || !AccessGate.permits(rc, key.role())) {
      return;
    }
    JsonObject body;
    try {
      body = rc.body().asJsonObject();
    } catch (RuntimeException e) {
      body = null;
    }
    List<Problem> problems = new ArrayList<>();
    Integer from = body == null ? null : integer(body, "from_instance", 0, problems);
    Integer count = body == null ? null : integer(body, "count", 1, problems);
    if (body == null || !problems.isEmpty()) {
      ApiError.badRequest(rc, "give {\"from_instance\": N, \"count\": C} with N >= 0 and C >= 1",
          body == null ? List.of(new Problem("$", "not a JSON object")) : problems);
      return;
    }
    bus.<StateRequests.InstancesAdded>request(BusAddresses.STATE, new StateRequests.AddInstances(key, from, count))
        .onSuccess(reply -> json(rc, ApiJson.key(key).put("instances", InstanceRanges.of(reply.body().instances()).toString())
            .put("task_ids", new JsonArray(reply.body().taskIds()))))
        .onFailure(error -> ApiError.fromFailure(rc, error));
  }

  /** A required integer field of at least {@code min}, or null with a problem recorded. */
  private static Integer integer(JsonObject body, String field, int min, List<Problem> problems) {
    Object value = body.getValue(field);
    if (value instanceof Integer number && number >= min) {
      return number;
    }
    problems.add(new Problem("$." + field, value == null ? "is required" : "must be an integer >= " + min));
    return null;
  }

  void get(RoutingContext rc) {
    JobKey key = key(rc);
    if (key == null) {
      return;
    }
    bus.<StateRequests.JobView>request(BusAddresses.STATE, new StateRequests.GetJob(key))
        .onSuccess(reply -> json(rc, ApiJson.job(reply.body(), dashboardUrl(rc, key))))
        .onFailure(error -> ApiError.fromFailure(rc, error));
  }

  void list(RoutingContext rc) {
    var request = new StateRequests.ListJobs(rc.request().getParam("role"), rc.request().getParam("env"));
    bus.<List<StateRequests.JobSummary>>request(BusAddresses.STATE, request)
        .onSuccess(reply -> {
          JsonArray jobs = new JsonArray();
          reply.body().forEach(s -> jobs.add(ApiJson.summary(s)));
          json(rc, new JsonObject().put("jobs", jobs));
        })
        .onFailure(error -> ApiError.fromFailure(rc, error));
  }

  void kill(RoutingContext rc) {
    JobKey key = key(rc);
    Optional<InstanceRanges> instances = key == null || !AccessGate.permits(rc, key.role()) ? null : instances(rc);
    if (instances == null) {
      return;
    }
    String reason = "Killed by request" + instances.map(i -> " (instances " + i + ")").orElse("");
    var request = new StateRequests.KillTasks(key, instances.orElse(null), reason);
    bus.<StateRequests.KillStarted>request(BusAddresses.STATE, request)
        .onSuccess(reply -> json(rc, ApiJson.key(key).put("killing", new JsonArray(reply.body().taskIds()))))
        .onFailure(error -> ApiError.fromFailure(rc, error));
  }

  void restart(RoutingContext rc) {
    JobKey key = key(rc);
    Optional<InstanceRanges> instances = key == null || !AccessGate.permits(rc, key.role()) ? null : instances(rc);
    if (instances == null) {
      return;
    }
    bus.<StateRequests.KillStarted>request(BusAddresses.STATE, new StateRequests.RestartTasks(key, instances.orElse(null)))
        .onSuccess(reply -> json(rc, ApiJson.key(key).put("restarting", new JsonArray(reply.body().taskIds()))))
        .onFailure(error -> ApiError.fromFailure(rc, error));
  }

  /** The {@code instances} query parameter: empty when absent; null (after answering 400) when malformed. */
  static Optional<InstanceRanges> instances(RoutingContext rc) {
    String param = rc.request().getParam("instances");
    if (param == null || param.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(InstanceRanges.parse(param));
    } catch (IllegalArgumentException e) {
      ApiError.badRequest(rc, e.getMessage(), List.of(new Problem("instances", e.getMessage())));
      return null;
    }
  }

  void queryTasks(RoutingContext rc) {
    var params = rc.request().params();
    TaskState state = null;
    Integer instance = null;
    int offset;
    int limit;
    try {
      state = params.get("state") == null ? null : TaskState.valueOf(params.get("state").toUpperCase(Locale.ROOT));
      instance = params.get("instance") == null ? null : Integer.valueOf(params.get("instance"));
      offset = params.get("offset") == null ? 0 : Integer.parseInt(params.get("offset"));
      limit = params.get("limit") == null ? DEFAULT_PAGE : Integer.parseInt(params.get("limit"));
      if (offset < 0 || limit < 1 || limit > MAX_PAGE) {
        throw new IllegalArgumentException("offset must be >= 0 and limit between 1 and " + MAX_PAGE);
      }
    } catch (IllegalArgumentException e) {
      ApiError.badRequest(rc, "bad query: " + e.getMessage()
          + " (state is a task state such as RUNNING; instance, offset and limit are integers)", List.of());
      return;
    }
    var query = new StateRequests.QueryTasks(params.get("role"), params.get("env"), params.get("job"), state, instance);
    bus.<StateRequests.TaskList>request(BusAddresses.STATE, query)
        .onSuccess(reply -> {
          List<ScheduledTask> all = reply.body().tasks();
          JsonArray page = new JsonArray();
          all.stream().skip(offset).limit(limit).forEach(t -> page.add(ApiJson.task(t, null, null, false)));
          json(rc, new JsonObject().put("tasks", page).put("total", all.size()).put("offset", offset).put("limit", limit));
        })
        .onFailure(error -> ApiError.fromFailure(rc, error));
  }

  void getTask(RoutingContext rc) {
    bus.<ScheduledTask>request(BusAddresses.STATE, new StateRequests.GetTask(rc.pathParam("id")))
        .onSuccess(reply -> json(rc, ApiJson.task(reply.body(), null, null, true)))
        .onFailure(error -> ApiError.fromFailure(rc, error));
  }

  private static JobKey key(RoutingContext rc) {
    try {
      return new JobKey(rc.pathParam("cluster"), rc.pathParam("role"), rc.pathParam("env"), rc.pathParam("name"));
    } catch (IllegalArgumentException e) {
      ApiError.badRequest(rc, e.getMessage(), List.of(new Problem("path", e.getMessage())));
      return null;
    }
  }

  /** The dashboard page of a job, on the host and port the client used to reach us. */
  private static String dashboardUrl(RoutingContext rc, JobKey key) {
    String host = rc.request().authority() == null ? "localhost" : rc.request().authority().toString();
    return "http://" + host + "/scheduler/" + key.path();
  }

  private static void json(RoutingContext rc, JsonObject body) {
    rc.response().putHeader("Content-Type", "application/json").end(body.encode());
  }
}
