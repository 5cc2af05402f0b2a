package io.borealis.api;

import io.borealis.updates.InstanceProgress;
import io.borealis.updates.UpdatePass;
import io.borealis.updates.UpdateRecord;
import io.borealis.updates.UpdateStep;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** Updates as the JSON API shows them: a summary for lists, and the whole history for one update. */
final class UpdateJsonView {
  private UpdateJsonView() {}

  static JsonObject summary(UpdateRecord update) {
    UpdatePass pass = update.state().currentPass();
    return ApiJson.key(update.state().job()).put("update_id", update.id()).put("status", update.status().name())
        .put("created", update.created().toString()).put("last_modified", update.lastModified().toString())
        .put("instances_to_change", update.state().forward().goals().size())
        .put("instances_done", pass.count(InstanceProgress.Phase.SUCCEEDED))
        .put("instances_failed", pass.count(InstanceProgress.Phase.FAILED))
        .put("instances_in_flight", pass.count(InstanceProgress.Phase.IN_FLIGHT))
        .put("message", update.statusEvents().get(update.statusEvents().size() - 1).message());
  }

  static JsonObject full(UpdateRecord update) {
    JsonObject json = summary(update);
    var settings = update.state().settings();
    json.put("settings", new JsonObject().put("batch_size", settings.batchSize()).put("watch_secs", settings.watchSecs())
        .put("max_per_shard_failures", settings.maxPerShardFailures()).put("max_total_failures", settings.maxTotalFailures())
        .put("rollback_on_failure", settings.rollbackOnFailure()).put("wait_for_batch_completion", settings.waitForBatchCompletion())
        .put("pulse_interval_secs", settings.pulseIntervalSecs()));
    JsonArray instances = new JsonArray();
    update.state().forward().goals().forEach(goal -> instances.add(goal.instance()));
    json.put("instances", instances);
    JsonArray statuses = new JsonArray();
    update.statusEvents().forEach(e -> statuses.add(new JsonObject().put("status", e.status().name())
        .put("timestamp", e.at().toString()).put("message", e.message())));
    json.put("status_events", statuses);
    JsonArray events = new JsonArray();
    update.instanceEvents().forEach(e -> events.add(instanceEvent(e)));
    json.put("instance_events", events);
    json.put("new_config", ApiJson.config(update.desired()));
    return json;
  }

  static JsonObject instanceEvent(UpdateStep.InstanceEvent event) {
    return new JsonObject().put("instance", event.instance()).put("action", event.action().name())
        .put("timestamp", event.at().toString()).put("message", event.message());
  }
}
