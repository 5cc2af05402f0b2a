package io.borealis.config.aurora;

import io.borealis.config.aurora.pystachio.PObject;
import io.borealis.config.aurora.pystachio.Struct;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A fully resolved job as plain maps and lists, for {@code job inspect --json}: every MesosJob field
 * (null when Empty), Choice fields as {@code {"type": ..., "value": ...}}, the task split into
 * {@code task}, {@code processes} and {@code resources}, and the evaluation's unbound references,
 * ports and check result. It has the shape of the golden file Aurora's own client produced.
 */
public final class JobView {
  private static final List<String> JOB_FIELDS = List.of("name", "role", "contact", "cluster", "environment", "instances",
      "announce", "tier", "cron_schedule", "cron_collision_policy", "update_config", "constraints", "metadata", "service",
      "max_task_failures", "production", "priority", "health_check_config", "lifecycle", "task_links", "executor_config",
      "enable_hooks", "partition_policy", "sla_policy", "container");
  private static final List<String> CHOICES = List.of("sla_policy", "container");
  private static final List<String> PROCESS_FIELDS = List.of("name", "cmdline", "max_failures", "daemon", "ephemeral",
      "min_duration", "final", "logger");

  private JobView() {}

  public static Map<String, Object> of(JobEvaluation evaluation) {
    Struct job = evaluation.job();
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("key", evaluation.key());
    for (String field : JOB_FIELDS) {
      view.put(field, CHOICES.contains(field) ? choice(job.raw(field)) : plain(job.raw(field)));
    }
    if (view.get("update_config") instanceof Map<?, ?> update) {
      @SuppressWarnings("unchecked")
      Map<String, Object> u = new LinkedHashMap<>((Map<String, Object>) update);
      u.put("update_strategy", choice(Fields.struct(job, "update_config").raw("update_strategy")));
      view.put("update_config", u);
    }
    Struct task = Fields.struct(job, "task");
    Map<String, Object> taskView = new LinkedHashMap<>();
    taskView.put("name", plain(task == null ? null : task.raw("name")));
    List<Object> order = new ArrayList<>();
    Fields.list(task, "constraints").forEach(c -> order.add(Fields.strings(((Struct) c).raw("order"))));
    taskView.put("constraints", order);
    for (String field : List.of("max_failures", "max_concurrency", "finalization_wait", "user")) {
      taskView.put(field, plain(task == null ? null : task.raw(field)));
    }
    view.put("task", taskView);
    List<Object> processes = new ArrayList<>();
    for (PObject p : Fields.list(task, "processes")) {
      Map<String, Object> process = new LinkedHashMap<>();
      PROCESS_FIELDS.forEach(field -> process.put(field, plain(((Struct) p).raw(field))));
      processes.add(process);
    }
    view.put("processes", processes);
    view.put("resources", plain(task == null ? null : task.raw("resources")));
    view.put("unbound", evaluation.unbound());
    view.put("ports", new ArrayList<>(evaluation.ports()));
    Map<String, Object> check = new LinkedHashMap<>();
    check.put("ok", evaluation.check().ok());
    check.put("message", evaluation.check().message());
    view.put("check", check);
    return view;
  }

  private static Object plain(PObject value) {
    return value == null ? null : value.get();
  }

  private static Object choice(PObject value) {
    if (value == null) {
      return null;
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("type", value.type().name());
    out.put("value", value.get());
    return out;
  }
}
