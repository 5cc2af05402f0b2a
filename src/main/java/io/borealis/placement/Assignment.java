package io.borealis.placement;

import java.util.Map;

/** A decision: run {@code taskId} on the host of {@code offer}, with these ports. */
public record Assignment(String taskId, HostOffer offer, Map<String, Integer> ports) {
  public Assignment {
    ports = Map.copyOf(ports);
  }
}
