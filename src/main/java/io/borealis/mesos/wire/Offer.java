package io.borealis.mesos.wire;

import java.util.List;

/** Mesos {@code Offer}: resources of one agent offered to one framework, and how to reach that agent ({@code url}). */
public record Offer(
    OfferId id,
    FrameworkId frameworkId,
    AgentId agentId,
    String hostname,
    List<Resource> resources,
    List<Attribute> attributes,
    List<ExecutorId> executorIds,
    Resource.AllocationInfo allocationInfo,
    Url url) {

  /** An offer that does not say where its agent serves HTTP (older masters, simulated agents). */
  public Offer(OfferId id, FrameworkId frameworkId, AgentId agentId, String hostname, List<Resource> resources,
      List<Attribute> attributes, List<ExecutorId> executorIds, Resource.AllocationInfo allocationInfo) {
    this(id, frameworkId, agentId, hostname, resources, attributes, executorIds, allocationInfo, null);
  }
}
