package io.borealis.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.borealis.model.Problem;
import io.borealis.model.UpdateConfig;
import io.borealis.model.UpdateConfig.Strategy;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Aurora's {@code UpdateConfig} in JSON. {@code update_strategy} is a Pystachio Choice, written as an
 * object with one key naming the strategy: {@code {"queue": {...}}}, {@code {"batch": {...}}} or
 * {@code {"variable_batch": {"batch_sizes": [...]}}}; the struct names Aurora uses are accepted too.
 */
public final class UpdateConfigJson {
  private static final Set<String> FIELDS = Set.of("batch_size", "watch_secs", "max_per_shard_failures",
      "max_total_failures", "rollback_on_failure", "wait_for_batch_completion", "pulse_interval_secs", "sla_aware",
      "update_strategy");

  private UpdateConfigJson() {}

  static UpdateConfig read(JsonFieldReader config) {
    UpdateConfig d = UpdateConfig.DEFAULT;
    if (config == null) {
      return d;
    }
    config.rejectUnknown(FIELDS);
    return new UpdateConfig(
        config.integer("batch_size", d.batchSize()),
        config.integer("watch_secs", d.watchSecs()),
        config.integer("max_per_shard_failures", d.maxPerShardFailures()),
        config.integer("max_total_failures", d.maxTotalFailures()),
        config.bool("rollback_on_failure", d.rollbackOnFailure()),
        config.bool("wait_for_batch_completion", d.waitForBatchCompletion()),
        config.optionalInteger("pulse_interval_secs"),
        config.bool("sla_aware", d.slaAware()),
        readStrategy(config));
  }

  private static Strategy readStrategy(JsonFieldReader config) {
    JsonFieldReader choice = config.object("update_strategy");
    if (choice == null) {
      return null;
    }
    var names = choice.node("queue") != null ? "queue"
        : choice.node("QueueUpdateStrategy") != null ? "QueueUpdateStrategy"
        : choice.node("batch") != null ? "batch"
        : choice.node("BatchUpdateStrategy") != null ? "BatchUpdateStrategy"
        : choice.node("variable_batch") != null ? "variable_batch"
        : choice.node("VariableBatchUpdateStrategy") != null ? "VariableBatchUpdateStrategy" : null;
    if (names == null) {
      config.problems().add(new Problem(config.path("update_strategy"),
          "expected one of {\"queue\": {...}}, {\"batch\": {...}} or {\"variable_batch\": {...}}"));
      return null;
    }
    JsonFieldReader strategy = choice.object(names);
    if (strategy == null) {
      return null;
    }
    Strategy.Kind kind = names.toLowerCase(java.util.Locale.ROOT).startsWith("queue") ? Strategy.Kind.QUEUE
        : names.toLowerCase(java.util.Locale.ROOT).startsWith("batch") ? Strategy.Kind.BATCH : Strategy.Kind.VARIABLE_BATCH;
    if (kind == Strategy.Kind.VARIABLE_BATCH) {
      strategy.rejectUnknown(Set.of("batch_sizes", "autopause_after_batch"));
      if (!strategy.has("batch_sizes")) {
        config.problems().add(new Problem(strategy.path("batch_sizes"), "is required"));
      }
      List<Integer> sizes = strategy.list("batch_sizes", (node, path) -> {
        if (!node.isInt() || node.intValue() < 1) {
          config.problems().add(new Problem(path, "expected a batch size of at least 1, found " + JsonFieldReader.describe(node)));
          return null;
        }
        return node.intValue();
      });
      return new Strategy(kind, 0, sizes, strategy.bool("autopause_after_batch", false));
    }
    strategy.rejectUnknown(kind == Strategy.Kind.QUEUE ? Set.of("batch_size") : Set.of("batch_size", "autopause_after_batch"));
    return new Strategy(kind, strategy.integer("batch_size", 1), List.of(), strategy.bool("autopause_after_batch", false));
  }

  /** An {@code update_config} object on its own (as stored with an update); invalid ones are refused. */
  public static UpdateConfig fromJson(JsonNode node) {
    List<Problem> problems = new ArrayList<>();
    UpdateConfig config = read(JsonFieldReader.of(node, "$.update_config", problems));
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException("invalid update_config: " + problems);
    }
    return config;
  }

  public static ObjectNode toJson(UpdateConfig config) {
    return write(config);
  }

  static ObjectNode write(UpdateConfig config) {
    ObjectNode node = JobJson.object()
        .put("batch_size", config.batchSize())
        .put("watch_secs", config.watchSecs())
        .put("max_per_shard_failures", config.maxPerShardFailures())
        .put("max_total_failures", config.maxTotalFailures())
        .put("rollback_on_failure", config.rollbackOnFailure())
        .put("wait_for_batch_completion", config.waitForBatchCompletion())
        .put("pulse_interval_secs", config.pulseIntervalSecs())
        .put("sla_aware", config.slaAware());
    Strategy strategy = config.strategy();
    if (strategy == null) {
      node.putNull("update_strategy");
    } else {
      ObjectNode body = node.putObject("update_strategy").putObject(switch (strategy.kind()) {
        case QUEUE -> "queue";
        case BATCH -> "batch";
        case VARIABLE_BATCH -> "variable_batch";
      });
      if (strategy.kind() == Strategy.Kind.VARIABLE_BATCH) {
        strategy.batchSizes().forEach(body.putArray("batch_sizes")::add);
      } else {
        body.put("batch_size", strategy.batchSize());
      }
      if (strategy.kind() != Strategy.Kind.QUEUE) {
        body.put("autopause_after_batch", strategy.autopauseAfterBatch());
      }
    }
    return node;
  }
}
