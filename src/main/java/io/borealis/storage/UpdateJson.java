package io.borealis.storage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.borealis.config.UpdateConfigJson;
import io.borealis.model.JobConfig;
import io.borealis.model.JobKey;
import io.borealis.updates.InstanceAction;
import io.borealis.updates.InstanceGoal;
import io.borealis.updates.InstanceProgress;
import io.borealis.updates.UpdatePass;
import io.borealis.updates.UpdateRecord;
import io.borealis.updates.UpdateState;
import io.borealis.updates.UpdateStatus;
import io.borealis.updates.UpdateStep.InstanceEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.function.ToIntFunction;

/**
 * An {@link UpdateRecord} as the {@code update} journal record: configs by the file's config ids
 * (as tasks refer to theirs), instants as epoch nanoseconds, enums by name.
 */
final class UpdateJson {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private UpdateJson() {}

  static ObjectNode write(UpdateRecord update, ToIntFunction<JobConfig> configId) {
    UpdateState state = update.state();
    ObjectNode node = MAPPER.createObjectNode().put("id", state.id()).put("job", state.job().toString())
        .put("status", state.status().name()).put("version", update.version()).put("created", MutationCodec.nanos(update.created()))
        .put("last_pulse", MutationCodec.nanos(state.lastPulse()));
    node.set("settings", UpdateConfigJson.toJson(state.settings()));
    if (update.previous() != null) {
      node.put("previous", configId.applyAsInt(update.previous()));
    }
    node.put("desired", configId.applyAsInt(update.desired()));
    node.set("forward", writePass(state.forward(), configId));
    if (state.backward() != null) {
      node.set("backward", writePass(state.backward(), configId));
    }
    ArrayNode statuses = node.putArray("status_events");
    update.statusEvents().forEach(e -> statuses.addArray().add(e.status().name()).add(MutationCodec.nanos(e.at())).add(e.message()));
    ArrayNode instances = node.putArray("instance_events");
    update.instanceEvents().forEach(e -> instances.addArray().add(e.instance()).add(e.action().name()).add(MutationCodec.nanos(e.at()))
        .add(e.message()));
    return node;
  }

  private static ObjectNode writePass(UpdatePass pass, ToIntFunction<JobConfig> configId) {
    ObjectNode node = MAPPER.createObjectNode().put("batch_index", pass.batchIndex()).put("batch_end", pass.batchEnd());
    ArrayNode goals = node.putArray("goals");
    for (InstanceGoal goal : pass.goals()) {
      ObjectNode entry = goals.addObject().put("instance", goal.instance());
      if (goal.from() != null) {
        entry.put("from", configId.applyAsInt(goal.from()));
      }
      if (goal.to() != null) {
        entry.put("to", configId.applyAsInt(goal.to()));
      }
      InstanceProgress progress = pass.progress().get(goal.instance());
      if (progress != null) {
        entry.put("phase", progress.phase().name()).put("started", MutationCodec.nanos(progress.startedAt()));
        if (progress.reason() != null) {
          entry.put("reason", progress.reason());
        }
      }
    }
    return node;
  }

  static UpdateRecord read(JsonNode node, IntFunction<JobConfig> config) {
    UpdateState state = new UpdateState(node.get("id").asText(), JobKey.parse(node.get("job").asText()),
        UpdateStatus.valueOf(node.get("status").asText()), UpdateConfigJson.fromJson(node.get("settings")),
        readPass(node.get("forward"), config), node.has("backward") ? readPass(node.get("backward"), config) : null,
        MutationCodec.instant(node.get("last_pulse").asLong()));
    List<UpdateRecord.StatusEvent> statuses = new ArrayList<>();
    for (JsonNode e : node.get("status_events")) {
      statuses.add(new UpdateRecord.StatusEvent(UpdateStatus.valueOf(e.get(0).asText()), MutationCodec.instant(e.get(1).asLong()), text(e.get(2))));
    }
    List<InstanceEvent> instances = new ArrayList<>();
    for (JsonNode e : node.get("instance_events")) {
      instances.add(new InstanceEvent(e.get(0).asInt(), InstanceAction.valueOf(e.get(1).asText()), MutationCodec.instant(e.get(2).asLong()),
          text(e.get(3))));
    }
    return new UpdateRecord(state, node.get("version").asLong(), node.has("previous") ? config.apply(node.get("previous").asInt()) : null,
        config.apply(node.get("desired").asInt()), MutationCodec.instant(node.get("created").asLong()), statuses, instances);
  }

  private static UpdatePass readPass(JsonNode node, IntFunction<JobConfig> config) {
    List<InstanceGoal> goals = new ArrayList<>();
    Map<Integer, InstanceProgress> progress = new LinkedHashMap<>();
    for (JsonNode goal : node.get("goals")) {
      int instance = goal.get("instance").asInt();
      goals.add(new InstanceGoal(instance, goal.has("from") ? config.apply(goal.get("from").asInt()) : null,
          goal.has("to") ? config.apply(goal.get("to").asInt()) : null));
      if (goal.has("phase")) {
        progress.put(instance, new InstanceProgress(InstanceProgress.Phase.valueOf(goal.get("phase").asText()),
            MutationCodec.instant(goal.get("started").asLong()), goal.has("reason") ? goal.get("reason").asText() : null));
      }
    }
    return new UpdatePass(goals, progress, node.get("batch_index").asInt(), node.get("batch_end").asInt());
  }

  private static String text(JsonNode node) {
    return node == null || node.isNull() ? null : node.asText();
  }
}
