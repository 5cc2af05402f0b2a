package io.borealis.api;

import io.borealis.events.BusAddresses;
import io.borealis.events.StateRequests;
import io.borealis.model.Problem;
import io.borealis.model.Resources;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Handlers for {@code /api/v1/quotas/{role}}: a role's production quota and what its production jobs use. */
final class QuotaHandlers {
  private static final Set<String> FIELDS = Set.of("cpu", "ram", "disk");

  private final EventBus bus;

  QuotaHandlers(EventBus bus) {
    this.bus = bus;
  }

  void get(RoutingContext rc) {
    bus.<StateRequests.QuotaView>request(BusAddresses.STATE, new StateRequests.GetQuota(rc.pathParam("role")))
        .onSuccess(reply -> json(rc, view(reply.body())))
        .onFailure(error -> ApiError.fromFailure(rc, error));
  }

  /** The body is {@code {"cpu": cores, "ram": bytes, "disk": bytes}}, as a job's resources are written. */
  void put(RoutingContext rc) {
    if (!AccessGate.permitsAdmin(rc, "set quotas")) {
      return;
    }
    JsonObject body;
    try {
      body = rc.body().asJsonObject();
    } catch (DecodeException e) {
      ApiError.badRequest(rc, "the body must be a JSON object", List.of(new Problem("$", e.getMessage())));
      return;
    }
    List<Problem> problems = new ArrayList<>();
    if (body == null) {
      problems.add(new Problem("$", "body is empty; give {\"cpu\": ..., \"ram\": ..., \"disk\": ...}"));
    } else {
      body.fieldNames().stream().filter(f -> !FIELDS.contains(f)).forEach(f -> problems.add(new Problem("$." + f, "unknown field")));
      FIELDS.forEach(f -> {
        Object value = body.getValue(f);
        if (!(value instanceof Number number) || number.doubleValue() < 0) {
          problems.add(new Problem("$." + f, value == null ? "is required" : "must be a number of at least 0, not " + value));
        }
      });
    }
    if (!problems.isEmpty()) {
      ApiError.badRequest(rc, "not a quota: " + problems.size() + " problem(s)", problems);
      return;
    }
    Resources quota = new Resources(body.getDouble("cpu"), body.getLong("ram"), body.getLong("disk"), 0);
    bus.<StateRequests.QuotaView>request(BusAddresses.STATE, new StateRequests.SetQuota(rc.pathParam("role"), quota))
        .onSuccess(reply -> json(rc, view(reply.body())))
        .onFailure(error -> ApiError.fromFailure(rc, error));
  }

  private static JsonObject view(StateRequests.QuotaView view) {
    return new JsonObject().put("role", view.role()).put("quota", resources(view.quota())).put("production_use", resources(view.used()));
  }

  private static JsonObject resources(Resources resources) {
    return new JsonObject().put("cpu", resources.cpu()).put("ram", resources.ramBytes()).put("disk", resources.diskBytes());
  }

  private static void json(RoutingContext rc, JsonObject body) {
    rc.response().putHeader("Content-Type", "application/json").end(body.encode());
  }
}
