package io.borealis.executor;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
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
 */
record TaskPayload(String role, int instance, Map<String, Integer> ports, List<ProcessSpec> processes, ProcessOrder order) {

  /** One entry of {@code task.processes}. */
  record ProcessSpec(String name, String cmdline) {}

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
      return new TaskPayload(text(root, "role", "/role"), instance(root.get("instance")), ports(root.get("ports")), processes, order);
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
      processes.add(new ProcessSpec(name, cmdline));
    }
    return processes;
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
