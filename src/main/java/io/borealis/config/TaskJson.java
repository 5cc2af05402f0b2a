package io.borealis.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.borealis.model.ProcessConfig;
import io.borealis.model.Resources;
import io.borealis.model.TaskConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Aurora's {@code Task}, {@code Process} and {@code Resources} objects in JSON. */
final class TaskJson {
  private static final Set<String> TASK_FIELDS = Set.of("name", "processes", "constraints", "resources",
      "max_failures", "max_concurrency", "finalization_wait", "user");
  private static final Set<String> PROCESS_FIELDS = Set.of("name", "cmdline", "max_failures", "daemon",
      "ephemeral", "min_duration", "final", "resources", "logger");
  private static final Set<String> RESOURCE_FIELDS = Set.of("cpu", "ram", "disk", "gpu");

  private TaskJson() {}

  /** The job's {@code task}, or null (with problems recorded) when it is missing or unusable. */
  static TaskConfig read(JsonFieldReader job) {
    if (!job.has("task")) {
      job.problems().add(new io.borealis.model.Problem(job.path("task"), "is required"));
      return null;
    }
    JsonFieldReader task = job.object("task");
    if (task == null) {
      return null;
    }
    task.rejectUnknown(TASK_FIELDS);
    List<ProcessConfig> processes = task.list("processes", (node, path) -> readProcess(node, path, task.problems()));
    List<List<String>> order = task.list("constraints", (node, path) -> readOrder(node, path, task.problems()));
    Resources resources = readResources(task);
    String defaultName = processes.isEmpty() ? "" : processes.get(0).name();
    String name = task.string("name", defaultName);
    return new TaskConfig(name, processes, order, resources,
        task.integer("max_failures", TaskConfig.DEFAULT_MAX_FAILURES),
        task.integer("max_concurrency", 0),
        task.integer("finalization_wait", TaskConfig.DEFAULT_FINALIZATION_WAIT_SECS));
  }

  private static ProcessConfig readProcess(JsonNode node, String path, List<io.borealis.model.Problem> problems) {
    JsonFieldReader process = JsonFieldReader.of(node, path, problems);
    if (process == null) {
      return null;
    }
    process.rejectUnknown(PROCESS_FIELDS);
    return new ProcessConfig(
        process.requiredString("name"),
        process.requiredString("cmdline"),
        process.integer("max_failures", ProcessConfig.DEFAULT_MAX_FAILURES),
        process.bool("daemon", false),
        process.bool("ephemeral", false),
        process.integer("min_duration", ProcessConfig.DEFAULT_MIN_DURATION_SECS),
        process.bool("final", false),
        LoggerJson.read(process.object("logger")));
  }

  private static List<String> readOrder(JsonNode node, String path, List<io.borealis.model.Problem> problems) {
    JsonFieldReader constraint = JsonFieldReader.of(node, path, problems);
    if (constraint == null) {
      return null;
    }
    constraint.rejectUnknown(Set.of("order"));
    return constraint.list("order", (item, itemPath) -> {
      if (!item.isTextual()) {
        problems.add(new io.borealis.model.Problem(itemPath, "expected a process name, found " + JsonFieldReader.describe(item)));
        return null;
      }
      return item.asText();
    });
  }

  private static Resources readResources(JsonFieldReader task) {
    if (!task.has("resources")) {
      task.problems().add(new io.borealis.model.Problem(task.path("resources"), "is required: a task must specify resources"));
      return new Resources(0, 0, 0, 0);
    }
    JsonFieldReader resources = task.object("resources");
    if (resources == null) {
      return new Resources(0, 0, 0, 0);
    }
    resources.rejectUnknown(RESOURCE_FIELDS);
    return new Resources(
        resources.requiredNumber("cpu"),
        resources.requiredLong("ram"),
        resources.requiredLong("disk"),
        resources.integer("gpu", 0));
  }

  static ObjectNode write(TaskConfig task) {
    ObjectNode node = JobJson.object();
    node.put("name", task.name());
    ArrayNode processes = node.putArray("processes");
    for (ProcessConfig process : task.processes()) {
      processes.addObject()
          .put("name", process.name())
          .put("cmdline", process.cmdline())
          .put("max_failures", process.maxFailures())
          .put("daemon", process.daemon())
          .put("ephemeral", process.ephemeral())
          .put("min_duration", process.minDurationSecs())
          .put("final", process.isFinal());
      if (process.logger() != null) {
        ((ObjectNode) processes.get(processes.size() - 1)).set("logger", LoggerJson.write(process.logger()));
      }
    }
    ArrayNode constraints = node.putArray("constraints");
    for (List<String> order : task.order()) {
      ArrayNode names = constraints.addObject().putArray("order");
      new ArrayList<>(order).forEach(names::add);
    }
    node.putObject("resources")
        .put("cpu", task.resources().cpu())
        .put("ram", task.resources().ramBytes())
        .put("disk", task.resources().diskBytes())
        .put("gpu", task.resources().gpu());
    node.put("max_failures", task.maxFailures());
    node.put("max_concurrency", task.maxConcurrency());
    node.put("finalization_wait", task.finalizationWaitSecs());
    return node;
  }
}
