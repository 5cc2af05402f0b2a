package io.borealis.devcluster;

import io.borealis.mesos.wire.Resource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How one dev-cluster agent presents itself: hostname, HTTP port (0 = any free port), its resources
 * and attributes. Every agent also carries the attribute {@code host} = its hostname, which Aurora's
 * {@code 'host': 'limit:1'} constraint relies on.
 */
public record AgentSpec(String hostname, int port, double cpus, double memMb, double diskMb,
    List<Resource.Range> ports, Map<String, String> attributes) {

  /** {@code borealis local}'s agent: cpus 16, mem 32 GiB, disk 64 GiB, ports 31000-32000. */
  public static final String DEFAULT_RESOURCES = "cpus:16;mem:32768;disk:65536;ports:[31000-32000]";

  private static final Pattern RANGE = Pattern.compile("(\\d+)-(\\d+)");

  public AgentSpec {
    ports = List.copyOf(ports);
    Map<String, String> withHost = new LinkedHashMap<>(attributes);
    withHost.putIfAbsent("host", hostname);
    attributes = Map.copyOf(withHost);
  }

  /**
   * Parses Mesos' {@code --resources} syntax: {@code cpus:16;mem:32768;disk:65536;ports:[31000-32000]}.
   *
   * @throws IllegalArgumentException naming the part it cannot read
   */
  public static AgentSpec parse(String hostname, int port, String resources, Map<String, String> attributes) {
    double cpus = 0;
    double mem = 0;
    double disk = 0;
    List<Resource.Range> ports = new ArrayList<>();
    for (String part : resources.split(";")) {
      String[] nameValue = part.trim().split(":", 2);
      if (nameValue.length != 2) {
        throw new IllegalArgumentException("resource '" + part + "' is not name:value (in '" + resources + "')");
      }
      String value = nameValue[1].trim();
      try {
        switch (nameValue[0].trim()) {
          case "cpus" -> cpus = Double.parseDouble(value);
          case "mem" -> mem = Double.parseDouble(value);
          case "disk" -> disk = Double.parseDouble(value);
          case "ports" -> ports.addAll(parseRanges(value));
          default -> throw new IllegalArgumentException("unknown resource '" + nameValue[0] + "': expected cpus, mem, disk or ports");
        }
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("resource '" + part + "' needs a number");
      }
    }
    return new AgentSpec(hostname, port, cpus, mem, disk, ports, attributes);
  }

  private static List<Resource.Range> parseRanges(String value) {
    String inner = value.startsWith("[") && value.endsWith("]") ? value.substring(1, value.length() - 1) : value;
    List<Resource.Range> ranges = new ArrayList<>();
    for (String range : inner.split(",")) {
      Matcher matcher = RANGE.matcher(range.trim());
      if (!matcher.matches() || Long.parseLong(matcher.group(1)) > Long.parseLong(matcher.group(2))) {
        throw new IllegalArgumentException("port range '" + range + "' is not begin-end");
      }
      ranges.add(new Resource.Range(Long.parseLong(matcher.group(1)), Long.parseLong(matcher.group(2))));
    }
    return ranges;
  }

  ResourceBag total() {
    return new ResourceBag(cpus, memMb, diskMb, ports);
  }
}
