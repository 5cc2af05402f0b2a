package io.borealis.executor;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What the executor reads from the task payload ({@code TaskInfo.data}: Aurora's job JSON plus what
 * the scheduler assigned). Unknown fields are ignored; only what running the processes needs is
 * kept.
 *
 * @param role the job's role, {@code {{thermos.user}}}; may be null
 * @param instance the instance number, {@code {{mesos.instance}}}; 0 when absent
 * @param ports assigned ports by name; empty when absent
 * @param processes in declaration order, cmdlines not yet rendered
 * @param limits the task-wide {@code max_failures}, {@code max_concurrency} and {@code finalization_wait}
 * @param healthCheck the job's {@code health_check_config}; null when absent
 * @param announcement the ServerSet to join; null without {@code announce} or a ZooKeeper ensemble
 */
record TaskPayload(String role, int instance, Map<String, Integer> ports, List<ProcessSpec> processes, ProcessOrder order,
    TaskLimits limits, HealthCheckConfig healthCheck, Announcement announcement) {

  /** The port Aurora's default HTTP health check and lifecycle talk to. */
  static final String HEALTH_PORT = "health";

  /**
   * One entry of {@code task.processes}, with Thermos' defaults for what the JSON leaves out.
   *
   * @param maxFailures failed runs after which the process is FAILED; 0 retries forever
   * @param daemon re-run after exiting 0 too
   * @param ephemeral the task does not wait for it to finish
   * @param minDuration the least time between the starts of two runs
   * @param isFinal runs in the finalization stage, after the regular processes ended
   * @param logs where its output goes, and whether it rotates
   */
  record ProcessSpec(String name, String cmdline, int maxFailures, boolean daemon, boolean ephemeral,
      Duration minDuration, boolean isFinal, LogPolicy logs) {
    static final int DEFAULT_MAX_FAILURES = 1;
    static final Duration DEFAULT_MIN_DURATION = Duration.ofSeconds(5);

    /** A process with every option at its Thermos default. */
    ProcessSpec(String name, String cmdline) {
      this(name, cmdline, DEFAULT_MAX_FAILURES, false, false, DEFAULT_MIN_DURATION, false);
    }

    /** A process whose output goes to plain files, Aurora's default logger. */
    ProcessSpec(String name, String cmdline, int maxFailures, boolean daemon, boolean ephemeral, Duration minDuration,
        boolean isFinal) {
      this(name, cmdline, maxFailures, daemon, ephemeral, minDuration, isFinal, LogPolicy.DEFAULT);
    }

    ProcessSpec withCmdline(String rendered) {
      return new ProcessSpec(name, rendered, maxFailures, daemon, ephemeral, minDuration, isFinal, logs);
    }
  }

  /**
   * Task-wide limits.
   *
   * @param maxFailures FAILED processes that fail the task; 0 never fails it for that
   * @param maxConcurrency processes running at once; 0 is unlimited
   * @param finalizationWait how long the final processes may take together
   */
  record TaskLimits(int maxFailures, int maxConcurrency, Duration finalizationWait) {
    static final TaskLimits DEFAULTS = new TaskLimits(1, 0, Duration.ofSeconds(30));
  }

  /** The payload cannot be run; the message names the JSON path and what is wrong. */
  static final class InvalidPayloadException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    InvalidPayloadException(String message) {
      super(message);
    }

    InvalidPayloadException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** Process names become directory names under {@code .logs}, so they must be safe as such. */
  private static final Pattern PROCESS_NAME = Pattern.compile("[\\w\\-.]+");

  TaskPayload {
    ports = Map.copyOf(ports);
    processes = List.copyOf(processes);
  }

  /**
   * Reads a payload.
   *
   * @throws InvalidPayloadException if it is absent, not JSON, or lacks what is needed to run it
   */
  static TaskPayload parse(byte[] data) {
    if (data == null || data.length == 0) {
      throw new InvalidPayloadException("the task carries no data; expected the task payload JSON in TaskInfo.data");
    }
    Object decoded;
    try {
      decoded = Json.decodeValue(Buffer.buffer(data));
    } catch (DecodeException e) {
      throw new InvalidPayloadException("TaskInfo.data is not JSON: " + e.getMessage(), e);
    }
    if (!(decoded instanceof JsonObject root)) {
      throw new InvalidPayloadException("TaskInfo.data must be a JSON object");
    }
    JsonObject task = PayloadFields.object(root, "task", "");
    List<ProcessSpec> processes = processes(PayloadFields.list(task, "processes", "/task"));
    List<String> names = processes.stream().map(ProcessSpec::name).toList();
    try {
      ProcessOrder order = new ProcessOrder(names, orders(PayloadFields.list(task, "constraints", "/task")));
      return new TaskPayload(PayloadFields.text(root, "role", "", null), PayloadFields.integer(root, "instance", "", 0),
          ports(PayloadFields.object(root, "ports", "")), processes, order, limits(task), HealthCheckConfig.parse(root),
          Announcement.parse(root));
    } catch (InvalidPayloadException e) {
      throw e;
    } catch (IllegalArgumentException e) {
      throw new InvalidPayloadException("/task/constraints: " + e.getMessage(), e);
    }
  }

  private static List<ProcessSpec> processes(JsonArray list) {
    if (list == null || list.isEmpty()) {
      throw new InvalidPayloadException("/task/processes must be a non-empty list of processes");
    }
    List<ProcessSpec> processes = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < list.size(); i++) {
      String path = "/task/processes/" + i;
      if (!(list.getValue(i) instanceof JsonObject process)) {
        throw new InvalidPayloadException(path + " must be an object, got " + PayloadFields.show(list.getValue(i)));
      }
      String name = PayloadFields.text(process, "name", path, null);
      String cmdline = PayloadFields.text(process, "cmdline", path, null);
      if (name == null || !PROCESS_NAME.matcher(name).matches() || name.equals(".") || name.equals("..")) {
        throw new InvalidPayloadException(path + "/name must match [\\w\\-.]+ (it names the log directory), got " + name);
      }
      if (cmdline == null) {
        throw new InvalidPayloadException(path + "/cmdline is missing for process '" + name + "'");
      }
      if (!seen.add(name)) {
        throw new InvalidPayloadException(path + "/name: process name '" + name + "' is used twice");
      }
      processes.add(new ProcessSpec(name, cmdline,
          PayloadFields.smallCount(process, "max_failures", path, ProcessSpec.DEFAULT_MAX_FAILURES),
          PayloadFields.flag(process, "daemon", path), PayloadFields.flag(process, "ephemeral", path),
          seconds(process, "min_duration", path, ProcessSpec.DEFAULT_MIN_DURATION),
          PayloadFields.flag(process, "final", path), LogPolicy.parse(process, path)));
    }
    return processes;
  }

  private static TaskLimits limits(JsonObject task) {
    TaskLimits defaults = TaskLimits.DEFAULTS;
    return new TaskLimits(PayloadFields.smallCount(task, "max_failures", "/task", defaults.maxFailures()),
        PayloadFields.smallCount(task, "max_concurrency", "/task", defaults.maxConcurrency()),
        seconds(task, "finalization_wait", "/task", defaults.finalizationWait()));
  }

  /** A non-negative number of seconds (fractions allowed), or {@code absent} when missing or null. */
  private static Duration seconds(JsonObject object, String field, String path, Duration absent) {
    double seconds = PayloadFields.number(object, field, path, -1);
    return seconds < 0 ? absent : Duration.ofMillis(Math.round(seconds * 1000));
  }

  private static List<List<String>> orders(JsonArray constraints) {
    List<List<String>> orders = new ArrayList<>();
    if (constraints == null) {
      return orders;
    }
    for (int i = 0; i < constraints.size(); i++) {
      Object constraint = constraints.getValue(i);
      JsonArray order = constraint instanceof JsonObject object
          ? PayloadFields.list(object, "order", "/task/constraints/" + i) : null;
      if (order == null) {
        continue;
      }
      List<String> names = new ArrayList<>();
      order.forEach(name -> names.add(String.valueOf(name)));
      orders.add(names);
    }
    return orders;
  }

  private static Map<String, Integer> ports(JsonObject ports) {
    Map<String, Integer> byName = new LinkedHashMap<>();
    if (ports != null) {
      for (String name : ports.fieldNames()) {
        byName.put(name, PayloadFields.integer(ports, name, "/ports", 0));
      }
    }
    return byName;
  }
}
