package io.borealis.devcluster;

import io.vertx.core.Future;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * One fault as a person names it, on the fault endpoint ({@code POST /devcluster/faults/<name>?<params>})
 * or in {@code borealis local --faults=<name>?<params>@<when>}: checked when parsed (unknown fault,
 * unknown parameter, a number that is not one, a missing agent all fail then, with the reason), and
 * applied later to a master's {@link MasterFaults}.
 *
 * @param text the fault as written, for logs and for showing a plan
 */
record FaultCommand(String name, String text, Function<MasterFaults, Future<?>> action) {
  /** Every fault and the parameters it takes, in the order help shows them. */
  static final Map<String, List<String>> PARAMETERS = parameters();
  static final String RESTART_MASTER = "restart-master";

  private static Map<String, List<String>> parameters() {
    Map<String, List<String>> known = new LinkedHashMap<>();
    known.put("cut-streams", List.of());
    known.put("replace-stream-ids", List.of());
    known.put("withhold-heartbeats", List.of("seconds"));
    known.put("unavailable", List.of("seconds"));
    known.put("redirect", List.of("seconds", "location"));
    known.put(RESTART_MASTER, List.of("downtime_seconds", "recovery_seconds"));
    known.put("partition-agent", List.of("agent"));
    known.put("heal-agent", List.of("agent"));
    known.put("clear", List.of());
    return java.util.Collections.unmodifiableMap(known);
  }

  /** {@code cut-streams, withhold-heartbeats?seconds=, ...}: what an error lists as known. */
  static String known() {
    StringBuilder text = new StringBuilder();
    PARAMETERS.forEach((name, params) -> {
      text.append(text.length() == 0 ? "" : ", ").append(name);
      for (int i = 0; i < params.size(); i++) {
        text.append(i == 0 ? "?" : "&").append(params.get(i)).append('=');
      }
    });
    return text.toString();
  }

  /**
   * @param params the query parameters given (name to value)
   * @throws IllegalArgumentException saying what is wrong, when the fault or a parameter is
   */
  static FaultCommand parse(String name, Map<String, String> params) {
    List<String> allowed = PARAMETERS.get(name);
    if (allowed == null) {
      throw new IllegalArgumentException("unknown fault '" + name + "'; known: " + known());
    }
    for (String given : params.keySet()) {
      if (!allowed.contains(given)) {
        throw new IllegalArgumentException("fault '" + name + "' has no parameter '" + given + "'"
            + (allowed.isEmpty() ? "; it takes none" : "; it takes " + String.join(", ", allowed)));
      }
    }
    String text = name + (params.isEmpty() ? "" : "?" + String.join("&",
        params.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList()));
    Function<MasterFaults, Future<?>> action;
    switch (name) {
      case "cut-streams" -> action = MasterFaults::cutStreams;
      case "replace-stream-ids" -> action = MasterFaults::replaceStreamIds;
      case "withhold-heartbeats" -> {
        Duration seconds = seconds(params, "seconds", null);
        action = faults -> faults.withholdHeartbeats(seconds);
      }
      case "unavailable" -> {
        Duration seconds = seconds(params, "seconds", null);
        action = faults -> faults.answerUnavailable(seconds);
      }
      case "redirect" -> {
        Duration seconds = seconds(params, "seconds", null);
        String location = params.get("location");
        action = faults -> faults.redirect(location, seconds);
      }
      case RESTART_MASTER -> {
        Duration downtime = seconds(params, "downtime_seconds", Duration.ofSeconds(1));
        Duration recovery = params.containsKey("recovery_seconds") ? seconds(params, "recovery_seconds", null) : null;
        action = faults -> recovery == null ? faults.restartMaster(downtime) : faults.restartMaster(downtime, recovery);
      }
      case "partition-agent" -> {
        String agent = agent(params);
        action = faults -> faults.partitionAgent(agent);
      }
      case "heal-agent" -> {
        String agent = agent(params);
        action = faults -> faults.healAgent(agent);
      }
      default -> action = MasterFaults::clear;
    }
    return new FaultCommand(name, text, action);
  }

  Future<?> applyTo(MasterFaults faults) {
    return action.apply(faults);
  }

  private static Duration seconds(Map<String, String> params, String name, Duration fallback) {
    String value = params.get(name);
    if (value == null && fallback != null) {
      return fallback;
    }
    if (value == null) {
      throw new IllegalArgumentException("'" + name + "' (a number of seconds) is required");
    }
    try {
      double seconds = Double.parseDouble(value);
      if (seconds < 0 || Double.isNaN(seconds) || Double.isInfinite(seconds)) {
        throw new NumberFormatException();
      }
      return Duration.ofMillis((long) (seconds * 1000));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("'" + name + "' must be a number of seconds, got '" + value + "'");
    }
  }

  private static String agent(Map<String, String> params) {
    String agent = params.get("agent");
    if (agent == null || agent.isEmpty()) {
      throw new IllegalArgumentException("'agent' (an agent id or hostname) is required");
    }
    return agent;
  }
}
