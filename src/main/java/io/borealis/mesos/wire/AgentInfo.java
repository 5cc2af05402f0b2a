package io.borealis.mesos.wire;

import java.util.List;

/** Mesos {@code AgentInfo}. */
public record AgentInfo(String hostname, Integer port, List<Resource> resources, List<Attribute> attributes, AgentId id) {}
