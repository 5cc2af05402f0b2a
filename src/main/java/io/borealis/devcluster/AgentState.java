package io.borealis.devcluster;

import io.borealis.mesos.wire.AgentInfo;
import io.borealis.mesos.wire.FrameworkInfo;
import io.borealis.mesos.wire.Resource;
import io.borealis.mesos.wire.TaskId;
import io.borealis.mesos.wire.TaskInfo;
import io.borealis.mesos.wire.TaskStatus;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The part of a Mesos agent's v0 {@code GET /state} (also {@code /slave(1)/state}) that says what
 * runs there and what it holds: each framework's executors with their live tasks, in Mesos' shape
 * (exchange 31 of the 1.11 capture): resources as maps such as
 * {@code {"cpus":0.2,"mem":64.0,"disk":0.0,"gpus":0.0}}, an executor's resources being its own plus
 * its tasks', {@code executor_id} empty for a command task, and
 * {@code unreserved_resources_allocated} the sum of every executor's. A command executor holds the
 * {@link CommandExecutorInfo} allowance here, as on a Mesos agent. Fields this dev agent has no
 * meaning for (flags, build, reservations, completed tasks) are left out.
 */
final class AgentState {
  /** One executor on the agent and the tasks it runs now. */
  record Executor(FrameworkInfo framework, String id, String name, String source, String type, String container,
      Path directory, ResourceBag own, List<TaskInfo> tasks) {}

  private AgentState() {}

  /** A custom executor the agent started, with the tasks it was given that have not ended. */
  static Executor of(ExecutorRun run, Map<TaskId, TaskStatus> latest) {
    List<TaskInfo> live = run.tasks.values().stream().filter(t -> latest.containsKey(t.taskId())).toList();
    return new Executor(run.framework, run.info.executorId().value(), run.info.name(), "",
        run.info.type() == null ? null : run.info.type().name(), run.containerId.value(), run.sandbox,
        ResourceBag.of(run.info.resources()), live);
  }

  static JsonObject render(AgentInfo agent, ResourceBag total, List<Executor> executors, Map<TaskId, TaskStatus> latest) {
    ResourceBag allocated = ResourceBag.EMPTY;
    Map<String, JsonObject> frameworks = new LinkedHashMap<>();
    for (Executor executor : executors) {
      ResourceBag held = executor.own();
      JsonArray tasks = new JsonArray();
      for (TaskInfo task : executor.tasks()) {
        ResourceBag needs = ResourceBag.of(task.resources());
        held = held.plus(needs);
        TaskStatus status = latest.get(task.taskId());
        tasks.add(new JsonObject()
            .put("id", task.taskId().value())
            .put("name", task.name())
            .put("framework_id", executor.framework().id().value())
            .put("executor_id", task.executor() == null ? "" : task.executor().executorId().value())
            .put("slave_id", agent.id() == null ? null : agent.id().value())
            .put("state", status == null || status.state() == null ? "TASK_STAGING" : status.state().name())
            .put("resources", v0(needs)));
      }
      allocated = allocated.plus(held);
      JsonObject json = new JsonObject()
          .put("id", executor.id())
          .put("name", executor.name())
          .put("source", executor.source())
          .put("container", executor.container())
          .put("directory", executor.directory().toString())
          .put("resources", v0(held))
          .put("tasks", tasks);
      if (executor.type() != null) {
        json.put("type", executor.type());
      }
      FrameworkInfo info = executor.framework();
      frameworks.computeIfAbsent(info.id().value(), id -> new JsonObject().put("id", id).put("name", info.name())
          .put("user", info.user()).put("executors", new JsonArray()))
          .getJsonArray("executors").add(json);
    }
    return new JsonObject()
        .put("id", agent.id() == null ? null : agent.id().value())
        .put("hostname", agent.hostname())
        .put("resources", v0(total))
        .put("unreserved_resources", v0(total))
        .put("unreserved_resources_allocated", v0(allocated))
        .put("frameworks", new JsonArray(List.copyOf(frameworks.values())));
  }

  /** Mesos' v0 resource map: scalars as doubles, ports as a range text such as {@code [31000-31004, 31006-31099]}. */
  static JsonObject v0(ResourceBag bag) {
    JsonObject map = new JsonObject().put("disk", round(bag.diskMb())).put("mem", round(bag.memMb())).put("gpus", 0.0)
        .put("cpus", round(bag.cpus()));
    if (!bag.ports().isEmpty()) {
      map.put("ports", bag.ports().stream().map(AgentState::range).collect(Collectors.joining(", ", "[", "]")));
    }
    return map;
  }

  /** Sums of tenths of a cpu are not exact in binary; Mesos keeps scalars to three decimals. */
  private static double round(double value) {
    return Math.round(value * 1000) / 1000.0;
  }

  private static String range(Resource.Range range) {
    return range.begin() + "-" + range.end();
  }
}
