package io.borealis.devcluster;

import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The dev cluster's own fault-injection endpoint, {@code /devcluster/faults/...} on the master's port,
 * served only when the cluster was started with faults enabled ({@code borealis local --faults}). No
 * real Mesos master has it; the prefix says whose it is. Each POST applies one {@link FaultCommand}
 * and answers the faults now in force as JSON; {@code GET /devcluster/faults} just shows them.
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
    FaultCommand command;
    try {
      Map<String, String> params = new LinkedHashMap<>();
      request.params().forEach(param -> params.putIfAbsent(param.getKey(), param.getValue()));
      command = FaultCommand.parse(action, params);
    } catch (IllegalArgumentException e) {
      MesosHttp.answer(request.response(), 400, e.getMessage());
      return;
    }
    if (command.name().equals(FaultCommand.RESTART_MASTER)) {
      // Answered before the master goes down: the restart closes this very connection.
      request.response().putHeader("Content-Type", "application/json").end(faults.describe().encode())
          .onComplete(sent -> command.applyTo(faults));
      return;
    }
    answer(request, command.applyTo(faults));
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
}
