package io.borealis.executor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.borealis.executor.TaskPayload.InvalidPayloadException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * What the executor announces in ZooKeeper for a task with an {@code announce} (Aurora's
 * {@code Announcer}) when the payload names an ensemble: where, and the ServerSet member JSON.
 *
 * @param ensemble ZooKeeper connect string, {@code host:port,...}
 * @param path the ServerSet: {@code zk_path}, else {@code /aurora/<role>/<environment>/<job>}
 * @param primaryPort the port name (or portmap alias) of the service endpoint
 * @param portmap alias to port name, alias or static port number
 */
record Announcement(String ensemble, String path, String primaryPort, Map<String, String> portmap) {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The payload's announcement; null when it has no {@code announce} or no {@code zk_ensemble}. */
  static Announcement parse(JsonNode root) {
    JsonNode announce = root.get("announce");
    JsonNode ensemble = root.get("zk_ensemble");
    if (announce == null || announce.isNull() || ensemble == null || ensemble.isNull()) {
      return null;
    }
    if (!announce.isObject()) {
      throw new InvalidPayloadException("/announce must be an object");
    }
    String primary = announce.path("primary_port").asText("http");
    Map<String, String> portmap = new LinkedHashMap<>();
    JsonNode map = announce.get("portmap");
    if (map == null || map.isNull()) {
      portmap.put("aurora", primary);
    } else {
      map.properties().forEach(entry -> portmap.put(entry.getKey(),
          entry.getValue().asText().replace("{{primary_port}}", primary)));
    }
    JsonNode zkPath = announce.get("zk_path");
    String path = zkPath != null && !zkPath.isNull() ? zkPath.asText()
        : "/aurora/" + root.path("role").asText() + "/" + root.path("environment").asText() + "/" + root.path("name").asText();
    return new Announcement(ensemble.asText(), path, primary, portmap);
  }

  /**
   * Every endpoint by name, as Aurora's executor resolves them: the assigned ports, plus each
   * portmap alias pointing at a port name, another alias or a static port number.
   */
  Map<String, Integer> endpoints(Map<String, Integer> assigned) {
    Map<String, Integer> endpoints = new LinkedHashMap<>(assigned);
    for (String alias : portmap.keySet()) {
      Integer port = resolve(alias, assigned);
      if (port != null) {
        endpoints.put(alias, port);
      }
    }
    return endpoints;
  }

  /**
   * The ServerSet member, as Aurora writes it:
   * {@code {"serviceEndpoint": {"host", "port"}, "additionalEndpoints": {name: {"host", "port"}},
   * "status": "ALIVE", "shard": instance}}.
   *
   * @throws IllegalStateException if the primary port resolves to no port
   */
  String memberJson(String host, Map<String, Integer> assigned, int instance) {
    Map<String, Integer> endpoints = endpoints(assigned);
    Integer primary = endpoints.containsKey(primaryPort) ? endpoints.get(primaryPort) : resolve(primaryPort, assigned);
    if (primary == null) {
      throw new IllegalStateException("the primary port '" + primaryPort + "' is neither an assigned port nor in the portmap "
          + portmap + "; assigned: " + assigned.keySet());
    }
    ObjectNode member = JSON.createObjectNode();
    member.putObject("serviceEndpoint").put("host", host).put("port", primary);
    ObjectNode additional = member.putObject("additionalEndpoints");
    endpoints.forEach((name, port) -> additional.putObject(name).put("host", host).put("port", port));
    member.put("status", "ALIVE");
    member.put("shard", instance);
    return member.toString();
  }

  /** Follows aliases to a port; null for an unknown name or a cycle. */
  private Integer resolve(String name, Map<String, Integer> assigned) {
    Set<String> seen = new HashSet<>();
    String current = name;
    while (portmap.containsKey(current) && seen.add(current)) {
      current = portmap.get(current);
    }
    if (portmap.containsKey(current)) {
      return null;
    }
    if (!current.isEmpty() && current.chars().allMatch(Character::isDigit)) {
      return Integer.valueOf(current);
    }
    return assigned.get(current);
  }
}
