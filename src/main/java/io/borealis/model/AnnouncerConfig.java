package io.borealis.model;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Aurora's {@code Announcer}: the executor registers each task in the ServerSet at {@code zkPath}
 * (null: {@code /aurora/<role>/<env>/<job>}) with the port named {@code primaryPort} as its service
 * endpoint. {@code portmap} maps aliases to port names, other aliases or static port numbers; Aurora's
 * default is {@code {'aurora': primary_port}}.
 */
public record AnnouncerConfig(String primaryPort, Map<String, String> portmap, String zkPath) {
  public static final String DEFAULT_PRIMARY_PORT = "http";

  public AnnouncerConfig {
    primaryPort = primaryPort == null ? DEFAULT_PRIMARY_PORT : primaryPort;
    if (portmap == null) {
      portmap = Map.of("aurora", primaryPort);
    }
    String primary = primaryPort;
    Map<String, String> resolved = new LinkedHashMap<>();
    portmap.forEach((alias, target) -> resolved.put(alias, target.replace("{{primary_port}}", primary)));
    portmap = java.util.Collections.unmodifiableMap(resolved);
  }

  /**
   * The port names the scheduler must assign for the announcement: each portmap alias followed to
   * its target, static numbers left out (as Aurora derives them). With {@code {'aurora': 'http'}}
   * that is http.
   */
  public java.util.Set<String> requestedPorts() {
    java.util.Set<String> names = new java.util.TreeSet<>();
    for (String alias : portmap.keySet()) {
      String target = alias;
      java.util.Set<String> seen = new java.util.HashSet<>();
      while (portmap.containsKey(target) && seen.add(target)) {
        target = portmap.get(target);
      }
      if (!portmap.containsKey(target) && !target.isEmpty() && !target.chars().allMatch(Character::isDigit)) {
        names.add(target);
      }
    }
    return names;
  }
}
