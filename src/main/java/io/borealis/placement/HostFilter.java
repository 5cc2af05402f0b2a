package io.borealis.placement;

import io.borealis.model.Constraint;
import io.borealis.model.MaintenanceMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Aurora's scheduling filter: why a host cannot take a task, checked in Aurora's order (dedicated
 * host, then maintenance, then value constraints, then limit constraints, then resources) and
 * stopping at the first kind that vetoes, so the reason shown is the one that matters most.
 */
final class HostFilter {
  private HostFilter() {}

  /** Nothing that a host can offer changes these; they depend only on the host's attributes. */
  static List<Veto> constraintVetoes(PlacementRequest task, Map<String, String> attributes, MaintenanceMode maintenance,
      JobSpread spread) {
    boolean dedicatedTask = task.constraints().stream().anyMatch(c -> c.attribute().equals(Constraint.DEDICATED));
    if (attributes.containsKey(Constraint.DEDICATED) && !dedicatedTask) {
      return List.of(new Veto("Host is dedicated", 100));
    }
    if (maintenance.refusesTasks()) {
      return List.of(new Veto("Host " + maintenance.name().toLowerCase(java.util.Locale.ROOT) + " for maintenance", 100));
    }
    List<Veto> vetoes = new ArrayList<>(0);
    for (Constraint constraint : task.constraints()) {
      if (constraint instanceof Constraint.Value value && !value.allows(attributes.get(value.attribute()))) {
        vetoes.add(new Veto("Constraint not satisfied: " + value.attribute(), 100));
      }
    }
    if (!vetoes.isEmpty()) {
      return vetoes;
    }
    for (Constraint constraint : task.constraints()) {
      if (constraint instanceof Constraint.Limit limit) {
        String value = attributes.get(limit.attribute());
        if (value == null || spread.count(task.job(), limit.attribute(), value) >= limit.limit()) {
          vetoes.add(new Veto("Limit not satisfied: " + limit.attribute(), 100));
        }
      }
    }
    return vetoes;
  }
}
