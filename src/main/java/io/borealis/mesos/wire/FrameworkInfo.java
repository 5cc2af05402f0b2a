package io.borealis.mesos.wire;

import java.util.List;

/** Mesos {@code FrameworkInfo}. {@code principal} names the framework to an authenticating master. */
public record FrameworkInfo(
    String user,
    String name,
    FrameworkId id,
    Double failoverTimeout,
    Boolean checkpoint,
    List<String> roles,
    List<Capability> capabilities,
    String hostname,
    String webuiUrl,
    String principal) {

  /** Without a principal: frameworks of a master that does not authenticate them. */
  public FrameworkInfo(String user, String name, FrameworkId id, Double failoverTimeout, Boolean checkpoint, List<String> roles,
      List<Capability> capabilities, String hostname, String webuiUrl) {
    this(user, name, id, failoverTimeout, checkpoint, roles, capabilities, hostname, webuiUrl, null);
  }

  /** {@code {"type": "MULTI_ROLE"}}; a capability unknown to this version decodes with a null type. */
  public record Capability(String type) {}

  public FrameworkInfo withId(FrameworkId newId) {
    return new FrameworkInfo(user, name, newId, failoverTimeout, checkpoint, roles, capabilities, hostname, webuiUrl, principal);
  }

  public boolean hasCapability(String type) {
    return capabilities != null && capabilities.stream().anyMatch(c -> type.equals(c.type()));
  }

  /** The role resources are allocated to: the first of {@code roles}, else Mesos' default {@code *}. */
  public String allocationRole() {
    return roles == null || roles.isEmpty() ? "*" : roles.get(0);
  }
}
