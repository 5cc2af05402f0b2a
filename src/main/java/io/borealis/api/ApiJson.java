package io.borealis.api;

import io.borealis.config.JobJson;
import io.borealis.events.ClusterEvent;
import io.borealis.events.StateRequests.JobSummary;
import io.borealis.events.StateRequests.JobView;
import io.borealis.model.JobConfig;
import io.borealis.model.JobKey;
import io.borealis.model.ScheduledTask;
import io.borealis.model.TaskEvent;
import io.borealis.model.TaskState;
import io.borealis.updates.ConfigGroups;
import io.borealis.updates.UpdateStep;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;

/** How the API renders Borealis records. Field names are snake_case, like the job JSON. */
final class ApiJson {
  private ApiJson() {}

  static JsonObject key(JobKey key) {
    return new JsonObject().put("key", key.toString()).put("cluster", key.cluster()).put("role", key.role())
        .put("environment", key.environment()).put("name", key.name());
  }

  static JsonObject config(JobConfig config) {
    return new JsonObject(JobJson.write(config).toString());
  }

  static JsonObject task(ScheduledTask task, String pendingReason, Boolean healthy, boolean withConfig) {
    JsonObject ports = new JsonObject();
    task.ports().forEach(ports::put);
    JsonArray events = new JsonArray();
    for (TaskEvent event : task.events()) {
      events.add(new JsonObject().put("timestamp", event.timestamp().toString()).put("state", event.state().name())
          .put("message", event.message()));
    }
    JsonObject json = new JsonObject()
        .put("task_id", task.taskId())
        .put("job", task.jobKey().toString())
        .put("instance", task.instance())
        .put("state", task.state().name())
        .put("since", task.since().toString())
        .put("host", task.host())
        .put("agent_id", task.agentId())
        .put("ports", ports)
        .put("failure_count", task.failureCount())
        .put("ancestor_id", task.ancestorId())
        .put("message", task.lastMessage())
        .put("pending_reason", pendingReason)
        .put("health", healthy == null ? null : healthy ? "HEALTHY" : "UNHEALTHY")
        .put("events", events);
    if (withConfig) {
      json.put("config", config(task.config()));
    }
    return json;
  }

  static JsonObject job(JobView view, String dashboardPath) {
    JsonArray active = new JsonArray();
    JsonArray completed = new JsonArray();
    for (ScheduledTask task : view.tasks()) {
      JsonObject json = task(task, view.pendingReasons().get(task.taskId()), view.health().get(task.taskId()), false);
      (task.state().isTerminal() ? completed : active).add(json);
    }
    JsonArray groups = new JsonArray();
    ConfigGroups.of(view.tasks().stream().filter(t -> !t.state().isTerminal()).toList())
        .forEach(group -> groups.add(new JsonObject().put("instances", group.instances().toString()).put("config", config(group.config()))));
    return key(view.config().key())
        .put("url", dashboardPath)
        .put("instances", view.config().instances())
        .put("service", view.config().service())
        .put("tier", view.config().effectiveTier().configName())
        .put("config", config(view.config()))
        .put("config_groups", groups)
        .put("active_tasks", active)
        .put("completed_tasks", completed);
  }

  static JsonObject summary(JobSummary summary) {
    JsonObject counts = new JsonObject();
    for (Map.Entry<TaskState, Integer> entry : summary.taskCounts().entrySet()) {
      counts.put(entry.getKey().name(), entry.getValue());
    }
    JobConfig config = summary.config();
    return key(config.key())
        .put("instances", config.instances())
        .put("service", config.service())
        .put("production", config.production())
        .put("tier", config.effectiveTier().configName())
        .put("task_counts", counts);
  }

  /**
   * One cluster event as the SSE stream sends it. Every type carries {@code timestamp}, {@code state}
   * (the object's state after the change: a task state, HEALTHY/UNHEALTHY, the job's change, the
   * update's status) and {@code reason} (why; {@code message} holds the same for older clients).
   */
  static JsonObject event(ClusterEvent event) {
    JsonObject json = key(event.job()).put("id", event.id()).put("type", event.type())
        .put("timestamp", event.timestamp().toString());
    if (event instanceof ClusterEvent.TaskStateChanged task) {
      json.put("task_id", task.taskId())
          .put("instance", task.instance())
          .put("previous", task.previous() == null ? null : task.previous().name())
          .put("state", task.state() == null ? null : task.state().name())
          .put("deleted", task.state() == null)
          .put("host", task.host())
          .put("message", task.message())
          .put("reason", task.message());
    } else if (event instanceof ClusterEvent.TaskHealthChanged health) {
      String state = health.healthy() ? "HEALTHY" : "UNHEALTHY";
      json.put("task_id", health.taskId())
          .put("instance", health.instance())
          .put("health", state)
          .put("state", state)
          .put("message", health.message())
          .put("reason", health.message());
    } else if (event instanceof ClusterEvent.JobChanged job) {
      json.put("change", job.change()).put("state", job.change()).put("message", job.message()).put("reason", job.message());
    } else if (event instanceof ClusterEvent.UpdateChanged update) {
      JsonArray instances = new JsonArray();
      update.instanceEvents().forEach(e -> instances.add(UpdateJsonView.instanceEvent(e)));
      json.put("update_id", update.updateId()).put("status", update.status().name()).put("state", update.status().name())
          .put("message", update.message())
          .put("reason", update.message() != null ? update.message() : instancesReason(update.instanceEvents()))
          .put("instance_events", instances);
    }
    return json;
  }

  /** When an update moves without changing status, the reason is what happened to its instances. */
  private static String instancesReason(List<UpdateStep.InstanceEvent> events) {
    StringBuilder reason = new StringBuilder();
    for (UpdateStep.InstanceEvent e : events) {
      reason.append(reason.length() == 0 ? "" : "; ").append("instance ").append(e.instance()).append(' ')
          .append(e.action().name()).append(e.message() == null ? "" : ": " + e.message());
    }
    return reason.length() == 0 ? null : reason.toString();
  }
}
