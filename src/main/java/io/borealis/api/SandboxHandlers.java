package io.borealis.api;

import io.borealis.events.BusAddresses;
import io.borealis.events.SandboxRequests;
import io.borealis.events.StateRequests;
import io.borealis.model.Problem;
import io.borealis.model.ScheduledTask;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A task's processes and their logs, read from its sandbox through the {@code /files/read} endpoint of
 * the agent that runs it (a Mesos agent or the dev cluster's): {@code GET /api/v1/tasks/{id}/processes}
 * and {@code GET /api/v1/tasks/{id}/logs/{process}/{stdout|stderr}?offset=&length=&run=}. The browser
 * and the CLI need not reach agents themselves; the scheduler proxies, without blocking.
 */
final class SandboxHandlers {
  /** What the executor writes: each process's state and run number (see the executor's ProcessCheckpoint). */
  static final String PROCESSES_FILE = ".borealis/processes.json";
  private static final Pattern PROCESS_NAME = Pattern.compile("[\\w\\-.]+");
  private static final long AGENT_TIMEOUT_MS = 5_000;

  private final EventBus bus;
  private final HttpClient agents;

  SandboxHandlers(Vertx vertx) {
    this.bus = vertx.eventBus();
    this.agents = vertx.createHttpClient();
  }

  /** {@code {"task_id", "processes": [{"name", "state", "run", "failures", "pid", "exit_code", "start_time"}]}}. */
  void processes(RoutingContext rc) {
    String taskId = rc.pathParam("id");
    locate(taskId)
        .compose(sandbox -> readProcesses(sandbox))
        .onSuccess(processes -> json(rc, new JsonObject().put("task_id", taskId).put("processes", processes)))
        .onFailure(error -> fail(rc, error));
  }

  void log(RoutingContext rc) {
    String taskId = rc.pathParam("id");
    String process = rc.pathParam("process");
    String stream = rc.pathParam("stream");
    Long offset;
    Long length;
    Integer run;
    try {
      offset = optionalLong(rc, "offset", -1);
      length = optionalLong(rc, "length", -1);
      run = rc.request().getParam("run") == null ? null : Integer.valueOf(rc.request().getParam("run"));
    } catch (NumberFormatException e) {
      ApiError.badRequest(rc, "offset, length and run are integers; offset -1 (the default) asks for the log's size only",
          List.of(new Problem("query", e.getMessage())));
      return;
    }
    if (!PROCESS_NAME.matcher(process).matches() || !("stdout".equals(stream) || "stderr".equals(stream))) {
      ApiError.badRequest(rc, "give a process name and stdout or stderr, as in /logs/web/stdout",
          List.of(new Problem("path", "process '" + process + "', stream '" + stream + "'")));
      return;
    }
    locate(taskId).compose(sandbox -> (run != null ? Future.succeededFuture(run) : currentRun(sandbox, process))
            .compose(runNumber -> {
              String path = sandbox.path() + "/.logs/" + process + "/" + runNumber + "/" + stream;
              return readFile(sandbox.agentUrl(), path, offset, length).map(chunk -> {
                String data = chunk.getString("data", "");
                long at = chunk.getLong("offset", 0L);
                return new JsonObject().put("task_id", taskId).put("process", process).put("run", runNumber).put("stream", stream)
                    .put("offset", at).put("next_offset", at + data.getBytes(StandardCharsets.UTF_8).length).put("data", data);
              });
            }))
        .onSuccess(body -> json(rc, body))
        .onFailure(error -> fail(rc, error));
  }

  private static Long optionalLong(RoutingContext rc, String name, long absent) {
    String value = rc.request().getParam(name);
    return value == null ? absent : Long.parseLong(value);
  }

  /** The task's agent and sandbox; fails with 404 for a task never placed on an agent. */
  private Future<SandboxRequests.SandboxLocation> locate(String taskId) {
    return bus.<ScheduledTask>request(BusAddresses.STATE, new StateRequests.GetTask(taskId)).compose(reply -> {
      ScheduledTask task = reply.body();
      if (task.agentId() == null) {
        return Future.failedFuture(new ReplyException(ReplyFailure.RECIPIENT_FAILURE, 404,
            "task " + taskId + " is " + task.state() + " and has not been placed on an agent, so it has no sandbox"));
      }
      return bus.<SandboxRequests.SandboxLocation>request(BusAddresses.SANDBOXES, new SandboxRequests.Locate(taskId, task.agentId()))
          .map(located -> located.body());
    });
  }

  /** The processes the executor reported, in its order; empty before it has written any. */
  private Future<JsonArray> readProcesses(SandboxRequests.SandboxLocation sandbox) {
    return readFile(sandbox.agentUrl(), sandbox.path() + "/" + PROCESSES_FILE, 0, -1)
        .map(chunk -> {
          JsonArray list = new JsonArray();
          JsonObject byName = new JsonObject(chunk.getString("data")).getJsonObject("processes", new JsonObject());
          byName.forEach(entry -> list.add(((JsonObject) entry.getValue()).copy().put("name", entry.getKey())));
          return list;
        })
        .recover(error -> isNotFound(error) ? Future.succeededFuture(new JsonArray()) : Future.failedFuture(error));
  }

  private Future<Integer> currentRun(SandboxRequests.SandboxLocation sandbox, String process) {
    return readProcesses(sandbox).compose(processes -> {
      for (int i = 0; i < processes.size(); i++) {
        JsonObject candidate = processes.getJsonObject(i);
        if (process.equals(candidate.getString("name")) && candidate.getInteger("run", -1) >= 0) {
          return Future.succeededFuture(candidate.getInteger("run"));
        }
      }
      return Future.failedFuture(new ReplyException(ReplyFailure.RECIPIENT_FAILURE, 404,
          "process " + process + " has not started in this task (or the task has no such process)"));
    });
  }

  /** Mesos' {@code /files/read} on the agent: {@code {"data", "offset"}}; a 404 from the agent stays a 404. */
  private Future<JsonObject> readFile(String agentUrl, String path, long offset, long length) {
    String uri = agentUrl + "/files/read?path=" + URLEncoder.encode(path, StandardCharsets.UTF_8) + "&offset=" + offset
        + "&length=" + length;
    RequestOptions options = new RequestOptions().setMethod(HttpMethod.GET).setAbsoluteURI(uri).setTimeout(AGENT_TIMEOUT_MS);
    return agents.request(options)
        .compose(request -> request.send())
        .compose(response -> response.body().compose(body -> answer(response, body.toString(), path, agentUrl)));
  }

  private static Future<JsonObject> answer(HttpClientResponse response, String body, String path, String agentUrl) {
    if (response.statusCode() == 200) {
      return Future.succeededFuture(new JsonObject(body));
    }
    int status = response.statusCode() == 404 ? 404 : 502;
    return Future.failedFuture(new ReplyException(ReplyFailure.RECIPIENT_FAILURE, status,
        "agent " + agentUrl + " answered " + response.statusCode() + " for " + path + (body.isBlank() ? "" : ": " + body.trim())));
  }

  private static boolean isNotFound(Throwable error) {
    return error instanceof ReplyException reply && reply.failureCode() == 404;
  }

  private static void fail(RoutingContext rc, Throwable error) {
    if (error instanceof ReplyException reply && reply.failureCode() == 502) {
      ApiError.send(rc, 502, "bad_gateway", reply.getMessage(), List.of());
    } else if (error instanceof ReplyException) {
      ApiError.fromFailure(rc, error);
    } else {
      ApiError.send(rc, 502, "bad_gateway", "cannot read the task's sandbox from its agent: " + error.getMessage(), List.of());
    }
  }

  private static void json(RoutingContext rc, JsonObject body) {
    rc.response().putHeader("Content-Type", "application/json").end(body.encode());
  }
}
