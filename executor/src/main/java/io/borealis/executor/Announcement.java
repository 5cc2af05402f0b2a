package io.borealis.executor;

import io.vertx.core.json.JsonObject;
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
  /** The payload's announcement; null when it has no {@code announce} or no {@code zk_ensemble}. */
  static Announcement parse(JsonObject root) {
    JsonObject announce = PayloadFields.object(root, "announce", "");
    Object ensemble = root.getValue("zk_ensemble");
    if (announce == null || ensemble == null) {
      return null;
    }
    String primary = asText(announce.getValue("primary_port"), "http");
    Map<String, String> portmap = new LinkedHashMap<>();
    JsonObject map = PayloadFields.object(announce, "portmap", "/announce");
    if (map == null) {
      portmap.put("aurora", primary);
    } else {
      map.forEach(entry -> portmap.put(entry.getKey(), asText(entry.getValue(), "").replace("{{primary_port}}", primary)));
    }
    String path = asText(announce.getValue("zk_path"), null);
    if (path == null) {
      path = "/aurora/" + asText(root.getValue("role"), "") + "/" + asText(root.getValue("environment"), "") + "/"
          + asText(root.getValue("name"), "");
    }
    return new Announcement(asText(ensemble, ""), path, primary, portmap);
  }

  /** A scalar as text, as Aurora's configs give ports either way ({@code "http"} or {@code 8080}). */
  private static String asText(Object value, String absent) {
    return value == null ? absent : value.toString();
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
    JsonObject additional = new JsonObject();
    endpoints.forEach((name, port) -> additional.put(name, new JsonObject().put("host", host).put("port", port)));
    return new JsonObject()
        .put("serviceEndpoint", new JsonObject().put("host", host).put("port", primary))
        .put("additionalEndpoints", additional)
        .put("status", "ALIVE")
        .put("shard", instance)
        .encode();
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
