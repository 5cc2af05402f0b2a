package io.borealis.api;

import io.borealis.events.BusAddresses;
import io.borealis.events.StateRequests;
import io.borealis.model.InstanceRanges;
import io.borealis.model.JobConfig;
import io.borealis.model.Problem;
import io.borealis.updates.UpdateCommand;
import io.borealis.updates.UpdateRecord;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** Handlers for {@code /api/v1/updates}: start rolling updates, control them, and read their history. */
final class UpdateHandlers {
  private static final Set<String> COMMANDS = Set.of("pause", "resume", "abort", "rollback", "pulse");

  private final EventBus bus;

  UpdateHandlers(EventBus bus) {
    this.bus = bus;
  }

  /** The body is the new job config (as for create); {@code ?instances=0-1} limits it to those instances. */
  void start(RoutingContext rc) {
    String body = rc.body().asString();
    if (body == null || body.isBlank()) {
      ApiError.badRequest(rc, "the request body must be the job's new config in JSON", List.of(new Problem("$", "body is empty")));
      return;
    }
    JobConfig desired = JobHandlers.oneJob(rc, body, "update");
    Optional<InstanceRanges> instances = desired == null ? null : JobHandlers.instances(rc);
    if (instances == null) {
      return;
    }
    if (!AccessGate.permits(rc, desired.key().role())) {
      return;
    }
    String user = AccessGate.userName(rc);
    bus.<UpdateRecord>request(BusAddresses.STATE, new StateRequests.StartUpdate(desired, instances.orElse(null), user))
        .onSuccess(reply -> rc.response().setStatusCode(201).putHeader("Content-Type", "application/json")
            .putHeader("Location", "/api/v1/updates/" + reply.body().id())
            .end(UpdateJsonView.summary(reply.body()).encode()))
        .onFailure(error -> ApiError.fromFailure(rc, error));
  }

  void list(RoutingContext rc) {
    var params = rc.request().params();
    String status = params.get("status");
    Boolean active = status == null ? null : switch (status.toLowerCase(Locale.ROOT)) {
      case "active" -> Boolean.TRUE;
      case "finished" -> Boolean.FALSE;
      default -> null;
    };
    if (status != null && active == null) {
      ApiError.badRequest(rc, "status must be 'active' or 'finished'", List.of(new Problem("status", "is '" + status + "'")));
      return;
    }
    bus.<List<UpdateRecord>>request(BusAddresses.STATE, new StateRequests.ListUpdates(params.get("role"), params.get("env"),
            params.get("job"), active))
        .onSuccess(reply -> {
          JsonArray updates = new JsonArray();
          reply.body().forEach(update -> updates.add(UpdateJsonView.summary(update)));
          json(rc, new JsonObject().put("updates", updates));
        })
        .onFailure(error -> ApiError.fromFailure(rc, error));
  }

  void get(RoutingContext rc) {
    bus.<UpdateRecord>request(BusAddresses.STATE, new StateRequests.GetUpdate(rc.pathParam("id")))
        .onSuccess(reply -> json(rc, UpdateJsonView.full(reply.body())))
        .onFailure(error -> ApiError.fromFailure(rc, error));
  }

  /** {@code POST /api/v1/updates/{id}/{command}}: pause, resume, abort, rollback or pulse. */
  void command(RoutingContext rc) {
    String command = rc.pathParam("command");
    if (!COMMANDS.contains(command)) {
      ApiError.badRequest(rc, "unknown update command '" + command + "'; use one of " + COMMANDS,
          List.of(new Problem("command", "is '" + command + "'")));
      return;
    }
    String id = rc.pathParam("id");
    UpdateCommand updateCommand = UpdateCommand.valueOf(command.toUpperCase(Locale.ROOT));
    bus.<UpdateRecord>request(BusAddresses.STATE, new StateRequests.GetUpdate(id))
        .onFailure(error -> ApiError.fromFailure(rc, error))
        .onSuccess(update -> {
          if (AccessGate.permits(rc, update.body().state().job().role())) {
            bus.<UpdateRecord>request(BusAddresses.STATE, new StateRequests.CommandUpdate(id, updateCommand))
                .onSuccess(reply -> json(rc, UpdateJsonView.summary(reply.body())))
                .onFailure(error -> ApiError.fromFailure(rc, error));
          }
        });
  }

  private static void json(RoutingContext rc, JsonObject body) {
    rc.response().putHeader("Content-Type", "application/json").end(body.encode());
  }
}
