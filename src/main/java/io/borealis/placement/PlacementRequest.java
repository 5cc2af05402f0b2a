package io.borealis.placement;

import io.borealis.model.Constraint;
import java.util.List;
import java.util.Set;

/**
 * A pending task as placement sees it: its job (limit constraints count that job's tasks), what it
 * needs in total (its own resources plus the executor's overhead), the names of the ports to assign
 * and the job's constraints.
 */
public record PlacementRequest(String taskId, String job, double cpus, double memMb, double diskMb, Set<String> portNames,
    List<Constraint> constraints) {
  public PlacementRequest {
    portNames = Set.copyOf(portNames);
    constraints = List.copyOf(constraints);
  }
}
