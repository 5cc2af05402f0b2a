package io.borealis.mesos.wire;

import java.util.List;

/** Mesos {@code Offer}: resources of one agent offered to one framework. */
public record Offer(
    OfferId id,
    FrameworkId frameworkId,
    AgentId agentId,
    String hostname,
    List<Resource> resources,
    List<Attribute> attributes,
    List<ExecutorId> executorIds,
    Resource.AllocationInfo allocationInfo) {}
