package io.borealis.devcluster;

import io.borealis.mesos.wire.Resource;
import java.util.ArrayList;
import java.util.List;

/**
 * Unreserved resources of an agent as arithmetic: scalar cpus, mem and disk (MB), and port ranges.
 * Immutable; {@link #minus} and {@link #plus} make new bags.
 */
record ResourceBag(double cpus, double memMb, double diskMb, List<Resource.Range> ports) {
  private static final double EPSILON = 1e-6;

  static final ResourceBag EMPTY = new ResourceBag(0, 0, 0, List.of());

  ResourceBag {
    ports = PortRanges.normalize(ports);
  }

  static ResourceBag of(List<Resource> resources) {
    double cpus = 0;
    double mem = 0;
    double disk = 0;
    List<Resource.Range> ports = new ArrayList<>();
    if (resources != null) {
      for (Resource resource : resources) {
        switch (resource.name()) {
          case "cpus" -> cpus += resource.scalarValue();
          case "mem" -> mem += resource.scalarValue();
          case "disk" -> disk += resource.scalarValue();
          case "ports" -> ports.addAll(resource.rangeList());
          default -> { }
        }
      }
    }
    return new ResourceBag(cpus, mem, disk, ports);
  }

  /** Mesos' Resource list; {@code allocationRole} null leaves allocation info out (executor-side views). */
  List<Resource> toResources(String allocationRole) {
    List<Resource> resources = new ArrayList<>(4);
    if (!ports.isEmpty()) {
      resources.add(Resource.ranges("ports", ports));
    }
    resources.add(Resource.scalar("cpus", cpus));
    resources.add(Resource.scalar("mem", memMb));
    resources.add(Resource.scalar("disk", diskMb));
    return allocationRole == null ? resources
        : resources.stream().map(r -> r.withAllocationRole(allocationRole)).toList();
  }

  ResourceBag plus(ResourceBag other) {
    List<Resource.Range> merged = new ArrayList<>(ports);
    merged.addAll(other.ports);
    return new ResourceBag(cpus + other.cpus, memMb + other.memMb, diskMb + other.diskMb, merged);
  }

  ResourceBag minus(ResourceBag other) {
    return new ResourceBag(cpus - other.cpus, memMb - other.memMb, diskMb - other.diskMb,
        PortRanges.subtract(ports, other.ports));
  }

  boolean contains(ResourceBag other) {
    return other.cpus <= cpus + EPSILON && other.memMb <= memMb + EPSILON && other.diskMb <= diskMb + EPSILON
        && PortRanges.containsAll(ports, other.ports);
  }

  /** Worth offering: Mesos' allocator skips agents with (next to) nothing free. */
  boolean isOfferable() {
    return cpus >= 0.01 || memMb >= 32;
  }
}
