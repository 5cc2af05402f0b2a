package io.borealis.api;

import io.borealis.events.BusAddresses;
import io.borealis.events.StateRequests;
import io.borealis.model.Problem;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.List;

/**
 * {@code /api/v1/admin/hosts}: host maintenance, as Aurora's {@code aurora_admin host_drain},
 * {@code host_activate} and {@code host_status}. Changing a host's mode is for admins.
 */
final class HostHandlers {
  private final EventBus bus;

  HostHandlers(EventBus bus) {
    this.bus = bus;
  }

  /** {@code POST /api/v1/admin/hosts/drain} with {@code {"hosts": [...]}}. */
  void drain(RoutingContext rc) {
    List<String> hosts = hosts(rc);
    if (hosts != null && AccessGate.permitsAdmin(rc, "drain hosts")) {
      answer(rc, new StateRequests.DrainHosts(hosts));
    }
  }

  /** {@code POST /api/v1/admin/hosts/activate} with {@code {"hosts": [...]}}. */
  void activate(RoutingContext rc) {
    List<String> hosts = hosts(rc);
    if (hosts != null && AccessGate.permitsAdmin(rc, "activate hosts")) {
      answer(rc, new StateRequests.ActivateHosts(hosts));
    }
  }

  /** {@code GET /api/v1/admin/hosts?host=...}: those hosts, or every host in maintenance. */
  void status(RoutingContext rc) {
    answer(rc, new StateRequests.GetHostStatus(List.copyOf(rc.queryParam("host"))));
  }

  private void answer(RoutingContext rc, StateRequests.Request request) {
    bus.<List<StateRequests.HostStatus>>request(BusAddresses.STATE, request)
        .onSuccess(reply -> {
          JsonArray hosts = new JsonArray();
          reply.body().forEach(status -> hosts.add(new JsonObject().put("host", status.host()).put("mode", status.mode().name())
              .put("active_tasks", status.activeTasks())));
          rc.response().putHeader("Content-Type", "application/json").end(new JsonObject().put("hosts", hosts).encode());
        })
        .onFailure(error -> ApiError.fromFailure(rc, error));
  }

  /** The body's host names (the contract has checked its shape); null after answering 400 for an empty list. */
  private static List<String> hosts(RoutingContext rc) {
    List<String> hosts = rc.body().asJsonObject().getJsonArray("hosts").stream().map(Object::toString).distinct().toList();
    if (hosts.isEmpty()) {
      ApiError.badRequest(rc, "name at least one host", List.of(new Problem("$.hosts", "is empty")));
      return null;
    }
    return hosts;
  }
}
