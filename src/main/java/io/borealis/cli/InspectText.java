package io.borealis.cli;

import io.borealis.config.aurora.JobConversion;
import java.util.List;
import java.util.Map;

/**
 * The text form of {@code job inspect}, laid out like Aurora's: job level, task level, then each
 * process with its command line as written, then what Borealis makes of it.
 */
final class InspectText {
  private static final List<String> JOB_LINES = List.of("name", "role", "contact", "cluster", "environment", "instances",
      "service", "production", "tier", "priority", "max_task_failures", "cron_schedule", "constraints", "announce",
      "container", "update_config", "health_check_config", "partition_policy", "sla_policy");
  private static final List<String> PROCESS_FLAGS = List.of("max_failures", "daemon", "ephemeral", "min_duration", "final");

  private InspectText() {}

  static String of(Map<String, Object> view, JobConversion conversion) {
    StringBuilder out = new StringBuilder();
    out.append("Job ").append(view.get("key")).append('\n');
    out.append("Job level information\n");
    for (String field : JOB_LINES) {
      if (view.get(field) != null || List.of("name", "role", "cluster", "environment", "instances").contains(field)) {
        out.append(String.format("  %-20s %s%n", field + ":", show(view.get(field))));
      }
    }
    Map<?, ?> task = (Map<?, ?>) view.get("task");
    out.append("\nTask level information\n");
    out.append(String.format("  %-20s %s%n", "name:", show(task.get("name"))));
    out.append(String.format("  %-20s %s%n", "resources:", show(view.get("resources"))));
    for (Object order : (List<?>) task.get("constraints")) {
      out.append(String.format("  %-20s %s%n", "constraint:", "order(" + String.join(", ", ((List<?>) order).stream()
          .map(String::valueOf).toList()) + ")"));
    }
    out.append(String.format("  %-20s max_failures=%s max_concurrency=%s finalization_wait=%s%n", "",
        task.get("max_failures"), task.get("max_concurrency"), task.get("finalization_wait")));
    for (Object p : (List<?>) view.get("processes")) {
      Map<?, ?> process = (Map<?, ?>) p;
      out.append("\nProcess '").append(process.get("name")).append("':\n  cmdline:\n");
      for (String line : String.valueOf(process.get("cmdline")).split("\n", -1)) {
        out.append("    ").append(line).append('\n');
      }
      StringBuilder flags = new StringBuilder();
      PROCESS_FLAGS.forEach(f -> flags.append(flags.length() == 0 ? "" : " ").append(f).append('=').append(show(process.get(f))));
      out.append("  ").append(flags).append('\n');
    }
    out.append('\n');
    out.append(String.format("%-22s %s%n", "Unbound references:", list((List<?>) view.get("unbound"), "none")));
    out.append(String.format("%-22s %s%n", "Requested ports:", list((List<?>) view.get("ports"), "none")));
    Map<?, ?> check = (Map<?, ?>) view.get("check");
    out.append(String.format("%-22s %s%n", "Check:", Boolean.TRUE.equals(check.get("ok")) ? "ok" : check.get("message")));
    if (conversion.creatable()) {
      out.append("Borealis can create this job.\n");
    } else {
      out.append("Borealis cannot create this job:\n");
      conversion.problems().forEach(p -> out.append("  ").append(p).append('\n'));
      conversion.unsupported().forEach(p -> out.append("  ").append(p).append('\n'));
    }
    conversion.warnings().forEach(w -> out.append("Warning: ").append(w).append('\n'));
    return out.toString();
  }

  private static String list(List<?> items, String empty) {
    return items.isEmpty() ? empty : String.join(" ", items.stream().map(String::valueOf).toList());
  }

  /** Python-like rendering: strings quoted, maps as {@code k=v}, True/False/None. */
  private static String show(Object value) {
    if (value == null) {
      return "None";
    } else if (value instanceof String s) {
      return "'" + s + "'";
    } else if (value instanceof Boolean b) {
      return b ? "True" : "False";
    } else if (value instanceof Map<?, ?> map) {
      if (map.containsKey("type") && map.containsKey("value") && map.size() == 2) {
        return map.get("type") + "(" + inner((Map<?, ?>) map.get("value")) + ")";
      }
      return "{" + inner(map) + "}";
    } else if (value instanceof List<?> list) {
      return "[" + String.join(", ", list.stream().map(InspectText::show).toList()) + "]";
    }
    return String.valueOf(value);
  }

  private static String inner(Map<?, ?> map) {
    StringBuilder out = new StringBuilder();
    map.forEach((k, v) -> out.append(out.length() == 0 ? "" : ", ").append(k).append('=').append(show(v)));
    return out.toString();
  }
}
