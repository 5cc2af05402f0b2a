package io.borealis.config.aurora.schema;

import io.borealis.config.aurora.python.Py;
import io.borealis.config.aurora.python.PyCallable;
import io.borealis.config.aurora.python.PyException;
import io.borealis.config.aurora.python.SourceLocation;
import io.borealis.config.aurora.pystachio.PList;
import io.borealis.config.aurora.pystachio.PObject;
import io.borealis.config.aurora.pystachio.Scalar;
import io.borealis.config.aurora.pystachio.Struct;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Aurora's schema_helpers: {@code order}, {@code SequentialTask}, {@code SimpleTask} and
 * {@code Tasks.combine/concat}. Like the Python originals they compute eagerly when called, so a
 * SequentialTask's ordering is frozen when it is built.
 */
final class TaskHelpers {
  private TaskHelpers() {}

  /** {@code order(a, b)}: a Python list holding one {@code Constraint(order=[names])}. */
  static List<Object> order(List<Object> processes) {
    List<Object> names = new ArrayList<>();
    for (Object p : processes) {
      if (p instanceof Struct s && s.type() == ThermosSchema.PROCESS) {
        names.add(s.field("name") == null ? io.borealis.config.aurora.pystachio.EmptyValue.EMPTY : s.field("name"));
      } else if (p instanceof String || p instanceof Scalar) {
        names.add(p);
      } else {
        throw PyException.value("Unknown value for process order: " + Py.repr(p));
      }
    }
    List<Object> constraints = new ArrayList<>();
    constraints.add(ThermosSchema.CONSTRAINT.construct(List.of(), Map.of("order", names), null));
    return constraints;
  }

  static final PyCallable ORDER = (site, args, kwargs) -> order(args);

  static final PyCallable SEQUENTIAL_TASK = (site, args, kwargs) ->
      sequential(ThermosSchema.TASK.construct(args, kwargs, site), site);

  static Struct sequential(Struct task, SourceLocation site) {
    PObject constraints = task.raw("constraints");
    if (constraints != null && !((PList) constraints).values().isEmpty()) {
      throw PyException.value("Cannot turn a Task with existing constraints into a SequentialTask!");
    }
    PObject processes = task.field("processes");
    if (processes == null) {
      return task;
    }
    return (Struct) task.call(site, List.of(), Map.of("constraints", order(new ArrayList<>(((PList) processes).values()))));
  }

  static final PyCallable SIMPLE_TASK = (site, args, kwargs) -> {
    Object name = args.size() > 0 ? args.get(0) : kwargs.get("name");
    Object command = args.size() > 1 ? args.get(1) : kwargs.get("command");
    if (name == null || command == null) {
      throw PyException.type("SimpleTask() takes a name and a command");
    }
    Struct process = ThermosSchema.PROCESS.construct(List.of(), Map.of("name", name, "cmdline", command), site);
    Struct resources = ThermosSchema.RESOURCES.construct(List.of(),
        Map.of("cpu", 1.0, "ram", Schema.GB, "disk", Schema.GB), site);
    return ThermosSchema.TASK.construct(List.of(),
        Map.of("name", name, "processes", List.of(process), "resources", resources), site);
  };

  /** {@code Tasks.combine}: processes and constraints united, resources summed, the longest finalization wait. */
  static final PyCallable COMBINE = (site, args, kwargs) -> merge(args, kwargs, site, false);

  /** {@code Tasks.concat}: like combine, but resources are the max, waits add up and each task runs after the last. */
  static final PyCallable CONCAT = (site, args, kwargs) -> merge(args, kwargs, site, true);

  private static Object merge(List<Object> args, Map<String, Object> kwargs, SourceLocation site, boolean concat) {
    if (args.isEmpty()) {
      return ThermosSchema.TASK.construct(List.of(), Map.of(), site);
    }
    List<Struct> tasks = new ArrayList<>();
    for (Object arg : args) {
      if (!(arg instanceof Struct s) || s.type() != ThermosSchema.TASK) {
        throw PyException.type("Tasks.combine/concat take Tasks, got " + Py.typeName(arg));
      }
      tasks.add(s);
    }
    List<Object> processes = new ArrayList<>();
    List<Object> constraints = new ArrayList<>();
    List<Struct> resources = new ArrayList<>();
    long wait = 0;
    List<Object> previous = List.of();
    for (Struct task : tasks) {
      List<Object> own = task.raw("processes") == null ? List.of() : new ArrayList<>(((PList) task.raw("processes")).values());
      own.stream().filter(p -> !processes.contains(p)).forEach(processes::add);
      if (task.raw("constraints") != null) {
        ((PList) task.raw("constraints")).values().stream().filter(c -> !constraints.contains(c)).forEach(constraints::add);
      }
      if (concat) {
        for (Object before : previous) {
          for (Object after : own) {
            constraints.addAll(order(List.of(before, after)));
          }
        }
      }
      previous = own;
      if (task.field("resources") != null) {
        resources.add((Struct) task.field("resources"));
      }
      long taskWait = (Long) ((Scalar) task.field("finalization_wait")).raw();
      wait = concat ? wait + taskWait : Math.max(wait, taskWait);
    }
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("processes", processes);
    fields.put("constraints", constraints);
    if (!resources.isEmpty()) {
      fields.put("resources", UnitsHelpers.resources(resources, concat ? Math::max : Double::sum, site));
    }
    fields.put("finalization_wait", wait);
    fields.putAll(kwargs);
    return tasks.get(tasks.size() - 1).call(site, List.of(), fields);
  }
}
