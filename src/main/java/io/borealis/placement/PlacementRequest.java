package io.borealis.placement;

import java.util.Set;

/**
 * A pending task as placement sees it: what it needs in total (its own resources plus the
 * executor's overhead) and the names of the ports to assign.
 */
public record PlacementRequest(String taskId, double cpus, double memMb, double diskMb, Set<String> portNames) {
  public PlacementRequest {
    portNames = Set.copyOf(portNames);
  }
}
