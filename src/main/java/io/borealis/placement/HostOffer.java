package io.borealis.placement;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What one host offers right now: scalar resources (mem and disk in MB), free port ranges and
 * attributes. Mesos may make several offers for one host (resources freed at different times);
 * {@link #merge} makes them one, to be accepted together, so that no task misses a host because its
 * free resources are split.
 */
public record HostOffer(
    List<String> offerIds,
    String agentId,
    String hostname,
    double cpus,
    double memMb,
    double diskMb,
    List<PortRange> ports,
    Map<String, String> attributes) {

  public HostOffer {
    offerIds = List.copyOf(offerIds);
    ports = List.copyOf(ports);
    attributes = Map.copyOf(attributes);
  }

  /** All offers of one host as one (same agent, so the same hostname and attributes). */
  public static HostOffer merge(List<HostOffer> sameHost) {
    if (sameHost.size() == 1) {
      return sameHost.get(0);
    }
    HostOffer first = sameHost.get(0);
    List<String> ids = new ArrayList<>();
    List<PortRange> ports = new ArrayList<>();
    double cpus = 0;
    double mem = 0;
    double disk = 0;
    for (HostOffer offer : sameHost) {
      ids.addAll(offer.offerIds());
      ports.addAll(offer.ports());
      cpus += offer.cpus();
      mem += offer.memMb();
      disk += offer.diskMb();
    }
    return new HostOffer(ids, first.agentId(), first.hostname(), cpus, mem, disk, ports, first.attributes());
  }
}
