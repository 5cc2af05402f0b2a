package io.borealis.placement;

import io.borealis.model.MaintenanceMode;
import java.util.List;
import java.util.Map;

/**
 * One host for preemption: what it offers now (zero when no offer of it is held) and the tasks on
 * it, any of which might be stopped for a more important one.
 */
public record HostSlack(String agentId, Map<String, String> attributes, MaintenanceMode maintenance, double cpus, double memMb,
    double diskMb, int ports, List<RunningTask> tasks) {
  public HostSlack {
    attributes = Map.copyOf(attributes);
    tasks = List.copyOf(tasks);
  }
}
