package io.borealis.devcluster;

import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import java.time.Duration;

/**
 * The dev cluster's own fault-injection endpoint, {@code /devcluster/faults/...} on the master's port,
 * served only when the cluster was started with faults enabled ({@code borealis local --faults}). No
 * real Mesos master has it; the prefix says whose it is. Each POST applies one fault and answers the
 * faults now in force as JSON; {@code GET /devcluster/faults} just shows them.
 */
final class FaultEndpoint {
  static final String PREFIX = "/devcluster/faults";

  private final MasterFaults faults;

  FaultEndpoint(MasterFaults faults) {
    this.faults = faults;
  }

  void handle(HttpServerRequest request) {
    String action = request.path().equals(PREFIX) ? "" : request.path().substring(PREFIX.length() + 1);
    if (action.isEmpty() && request.method() == HttpMethod.GET) {
      answer(request, Future.succeededFuture());
      return;
    }
    if (request.method() != HttpMethod.POST) {
      request.response().putHeader("Allow", "POST");
      MesosHttp.answer(request.response(), 405, "Faults are applied with POST " + PREFIX + "/<fault>");
      return;
    }
    try {
      if (action.equals("restart-master")) {
        // Answered before the master goes down: the restart closes this very connection.
        Duration downtime = seconds(request, "downtime_seconds", 1.0);
        request.response().putHeader("Content-Type", "application/json").end(faults.describe().encode())
            .onComplete(sent -> faults.restartMaster(downtime));
        return;
      }
      answer(request, apply(action, request));
    } catch (IllegalArgumentException e) {
      MesosHttp.answer(request.response(), 400, e.getMessage());
    }
  }

  private Future<?> apply(String action, HttpServerRequest request) {
    return switch (action) {
      case "cut-streams" -> faults.cutStreams();
      case "withhold-heartbeats" -> faults.withholdHeartbeats(seconds(request, "seconds", null));
      case "unavailable" -> faults.answerUnavailable(seconds(request, "seconds", null));
      case "redirect" -> faults.redirect(request.getParam("location"), seconds(request, "seconds", null));
      case "partition-agent" -> faults.partitionAgent(agent(request));
      case "heal-agent" -> faults.healAgent(agent(request));
      case "clear" -> faults.clear();
      default -> throw new IllegalArgumentException("Unknown fault '" + action + "'; known: cut-streams, "
          + "withhold-heartbeats?seconds=, unavailable?seconds=, redirect?seconds=&location=, "
          + "restart-master?downtime_seconds=, partition-agent?agent=, heal-agent?agent=, clear");
    };
  }

  private void answer(HttpServerRequest request, Future<?> applied) {
    applied.onComplete(result -> {
      if (result.failed()) {
        MesosHttp.answer(request.response(), 404, result.cause().getMessage());
      } else if (!request.response().ended()) {
        request.response().putHeader("Content-Type", "application/json").end(faults.describe().encode());
      }
    });
  }

  private static Duration seconds(HttpServerRequest request, String name, Double fallback) {
    String value = request.getParam(name);
    if (value == null && fallback != null) {
      return Duration.ofMillis((long) (fallback * 1000));
    }
    try {
      double seconds = Double.parseDouble(value == null ? "" : value);
      if (seconds < 0 || Double.isNaN(seconds)) {
        throw new NumberFormatException();
      }
      return Duration.ofMillis((long) (seconds * 1000));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("'" + name + "' must be a number of seconds, got '" + value + "'");
    }
  }

  private static String agent(HttpServerRequest request) {
    String agent = request.getParam("agent");
    if (agent == null || agent.isEmpty()) {
      throw new IllegalArgumentException("'agent' (an agent id or hostname) is required");
    }
    return agent;
  }
}
