package io.borealis.executor;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
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
  private static final ObjectMapper JSON = new ObjectMapper();

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
    JsonNode root;
    try {
      root = JSON.readTree(data);
    } catch (JsonProcessingException e) {
      throw new InvalidPayloadException("TaskInfo.data is not JSON: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new InvalidPayloadException("TaskInfo.data cannot be read: " + e.getMessage(), e);
    }
    if (root == null || !root.isObject()) {
      throw new InvalidPayloadException("TaskInfo.data must be a JSON object");
    }
    List<ProcessSpec> processes = processes(root.path("task").path("processes"));
    List<String> names = processes.stream().map(ProcessSpec::name).toList();
    try {
      ProcessOrder order = new ProcessOrder(names, orders(root.path("task").path("constraints")));
      return new TaskPayload(text(root, "role", "/role"), instance(root.get("instance")), ports(root.get("ports")), processes, order,
          limits(root.path("task")), HealthCheckConfig.parse(root.get("health_check_config")), Announcement.parse(root));
    } catch (InvalidPayloadException e) {
      throw e;
    } catch (IllegalArgumentException e) {
      throw new InvalidPayloadException("/task/constraints: " + e.getMessage(), e);
    }
  }

  private static List<ProcessSpec> processes(JsonNode list) {
    if (!list.isArray() || list.isEmpty()) {
      throw new InvalidPayloadException("/task/processes must be a non-empty list of processes");
    }
    List<ProcessSpec> processes = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < list.size(); i++) {
      String path = "/task/processes/" + i;
      String name = text(list.get(i), "name", path + "/name");
      String cmdline = text(list.get(i), "cmdline", path + "/cmdline");
      if (name == null || !PROCESS_NAME.matcher(name).matches() || name.equals(".") || name.equals("..")) {
        throw new InvalidPayloadException(path + "/name must match [\\w\\-.]+ (it names the log directory), got " + name);
      }
      if (cmdline == null) {
        throw new InvalidPayloadException(path + "/cmdline is missing for process '" + name + "'");
      }
      if (!seen.add(name)) {
        throw new InvalidPayloadException(path + "/name: process name '" + name + "' is used twice");
      }
      JsonNode process = list.get(i);
      processes.add(new ProcessSpec(name, cmdline,
          count(process, "max_failures", path, ProcessSpec.DEFAULT_MAX_FAILURES),
          flag(process, "daemon", path), flag(process, "ephemeral", path),
          seconds(process, "min_duration", path, ProcessSpec.DEFAULT_MIN_DURATION),
          flag(process, "final", path), LogPolicy.parse(process.get("logger"), path + "/logger")));
    }
    return processes;
  }

  private static TaskLimits limits(JsonNode task) {
    TaskLimits defaults = TaskLimits.DEFAULTS;
    return new TaskLimits(count(task, "max_failures", "/task", defaults.maxFailures()),
        count(task, "max_concurrency", "/task", defaults.maxConcurrency()),
        seconds(task, "finalization_wait", "/task", defaults.finalizationWait()));
  }

  /** A non-negative integer field, or {@code absent} when missing or null. */
  private static int count(JsonNode object, String field, String path, int absent) {
    JsonNode value = object.get(field);
    if (value == null || value.isNull()) {
      return absent;
    }
    if (!value.canConvertToInt() || !value.isIntegralNumber() || value.intValue() < 0) {
      throw new InvalidPayloadException(path + "/" + field + " must be a non-negative integer, got " + value);
    }
    return value.intValue();
  }

  private static boolean flag(JsonNode object, String field, String path) {
    JsonNode value = object.get(field);
    if (value == null || value.isNull()) {
      return false;
    }
    if (!value.isBoolean()) {
      throw new InvalidPayloadException(path + "/" + field + " must be true or false, got " + value);
    }
    return value.booleanValue();
  }

  /** A non-negative number of seconds (fractions allowed), or {@code absent} when missing or null. */
  private static Duration seconds(JsonNode object, String field, String path, Duration absent) {
    JsonNode value = object.get(field);
    if (value == null || value.isNull()) {
      return absent;
    }
    if (!value.isNumber() || value.doubleValue() < 0) {
      throw new InvalidPayloadException(path + "/" + field + " must be a non-negative number of seconds, got " + value);
    }
    return Duration.ofMillis(Math.round(value.doubleValue() * 1000));
  }

  private static List<List<String>> orders(JsonNode constraints) {
    List<List<String>> orders = new ArrayList<>();
    if (constraints.isMissingNode() || constraints.isNull()) {
      return orders;
    }
    if (!constraints.isArray()) {
      throw new InvalidPayloadException("/task/constraints must be a list");
    }
    for (int i = 0; i < constraints.size(); i++) {
      JsonNode order = constraints.get(i).path("order");
      if (order.isMissingNode() || order.isNull()) {
        continue;
      }
      if (!order.isArray()) {
        throw new InvalidPayloadException("/task/constraints/" + i + "/order must be a list of process names");
      }
      List<String> names = new ArrayList<>();
      order.forEach(name -> names.add(name.asText()));
      orders.add(names);
    }
    return orders;
  }

  private static Map<String, Integer> ports(JsonNode ports) {
    Map<String, Integer> byName = new LinkedHashMap<>();
    if (ports == null || ports.isNull()) {
      return byName;
    }
    if (!ports.isObject()) {
      throw new InvalidPayloadException("/ports must be an object of name to port number");
    }
    ports.properties().forEach(entry -> {
      if (!entry.getValue().canConvertToInt()) {
        throw new InvalidPayloadException("/ports/" + entry.getKey() + " must be a port number, got " + entry.getValue());
      }
      byName.put(entry.getKey(), entry.getValue().intValue());
    });
    return byName;
  }

  private static int instance(JsonNode instance) {
    if (instance == null || instance.isNull()) {
      return 0;
    }
    if (!instance.canConvertToInt()) {
      throw new InvalidPayloadException("/instance must be an integer, got " + instance);
    }
    return instance.intValue();
  }

  private static String text(JsonNode object, String field, String path) {
    JsonNode value = object.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isTextual()) {
      throw new InvalidPayloadException(path + " must be a string, got " + value);
    }
    return value.textValue();
  }
}
