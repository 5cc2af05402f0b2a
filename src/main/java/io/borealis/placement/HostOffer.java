package io.borealis.placement;

import java.util.List;
import java.util.Map;

/** What one host offers right now: scalar resources (mem and disk in MB), free port ranges and attributes. */
public record HostOffer(
    String offerId,
    String agentId,
    String hostname,
    double cpus,
    double memMb,
    double diskMb,
    List<PortRange> ports,
    Map<String, String> attributes) {

  public HostOffer {
    ports = List.copyOf(ports);
    attributes = Map.copyOf(attributes);
  }

  public int freePortCount() {
    return ports.stream().mapToInt(PortRange::size).sum();
  }
}
