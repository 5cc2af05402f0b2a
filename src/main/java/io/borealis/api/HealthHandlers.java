package io.borealis.api;

import io.borealis.events.BusAddresses;
import io.borealis.events.MesosCommands;
import io.borealis.events.StateRequests;
import io.vertx.core.Future;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code /health}, {@code /leaderhealth} and {@code GET /api/v1/cluster}: what the scheduler says
 * about itself, from the state owner and the Mesos client.
 */
final class HealthHandlers {
  private static final long TIMEOUT_MS = 2_000;
  private final EventBus bus;
  private final String cluster;

  HealthHandlers(EventBus bus, String cluster) {
    this.bus = bus;
    this.cluster = cluster;
  }

  private Future<MesosCommands.Connection> mesos() {
    return bus.<MesosCommands.Connection>request(BusAddresses.MESOS_STATUS, new MesosCommands.GetConnection(),
        new DeliveryOptions().setSendTimeout(TIMEOUT_MS)).map(Message::body);
  }

  /**
   * OK when the state owner answers and Mesos has not ended the framework: the HTTP server starts
   * first, a scheduler whose storage failed must not look healthy, and neither must one that has
   * stopped scheduling for good. A transient loss of the Mesos stream (it re-subscribes by itself)
   * leaves this OK; {@code /leaderhealth} reports it.
   */
  void health(RoutingContext rc) {
    bus.request(BusAddresses.STATE, new StateRequests.CheckHealth(), new DeliveryOptions().setSendTimeout(TIMEOUT_MS))
        .onSuccess(ok -> mesos().onComplete(answer -> {
          // Only the Mesos client's own "fatal" makes this red; its absence (still starting) does not.
          MesosCommands.Connection connection = answer.succeeded() ? answer.result() : null;
          if (connection != null && connection.fatal()) {
            text(rc, 503, "UNHEALTHY: Mesos: " + connection.problem());
          } else {
            text(rc, 200, "OK");
          }
        }))
        .onFailure(e -> text(rc, 503, "UNHEALTHY: " + ApiError.unavailableBecause(e)));
  }

  /**
   * Aurora's {@code /leaderhealth}: OK only on the scheduler that leads the framework, which (until
   * schedulers elect a leader among themselves) is the one holding the Mesos subscription.
   */
  void leaderHealth(RoutingContext rc) {
    mesos()
        .onSuccess(mesos -> {
          boolean leading = mesos.subscribed();
          text(rc, leading ? 200 : 503, leading ? "OK: leading framework " + mesos.frameworkId() + " on the Mesos master at " + mesos.master()
              : "NOT LEADING: " + mesos.problem() + " (Mesos master " + mesos.master() + ")");
        })
        .onFailure(e -> text(rc, 503, "NOT LEADING: " + ApiError.unavailableBecause(e)));
  }

  /** The cluster's name and, once the Mesos client answers, its connection: what the dashboard header shows. */
  void cluster(RoutingContext rc) {
    mesos().onComplete(answer -> {
      JsonObject body = new JsonObject().put("name", cluster);
      if (answer.succeeded()) {
        MesosCommands.Connection mesos = answer.result();
        body.put("mesos", new JsonObject().put("subscribed", mesos.subscribed()).put("master", mesos.master())
            .put("framework_id", mesos.frameworkId()).put("problem", mesos.problem()).put("fatal", mesos.fatal()));
      }
      rc.response().putHeader("Content-Type", "application/json").end(body.encode());
    });
  }

  private static void text(RoutingContext rc, int status, String body) {
    rc.response().setStatusCode(status).putHeader("Content-Type", "text/plain").end(body);
  }
}
