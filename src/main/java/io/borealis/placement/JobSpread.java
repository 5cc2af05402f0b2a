package io.borealis.placement;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where each job's active tasks are, counted per attribute value (how many on rack "a", on host
 * "h1"...), which limit constraints are checked against. Grows as a pass places tasks, so a limit
 * holds within one pass too. Mutable; owned by one matching pass.
 */
final class JobSpread {
  /** job → attribute → value → active tasks of the job on hosts with that value. */
  private final Map<String, Map<String, Map<String, Integer>>> counts = new HashMap<>();

  /** @param placed for each job, the attributes of the host of each of its active tasks */
  JobSpread(Map<String, List<Map<String, String>>> placed) {
    placed.forEach((job, hosts) -> hosts.forEach(attributes -> add(job, attributes)));
  }

  int count(String job, String attribute, String value) {
    return counts.getOrDefault(job, Map.of()).getOrDefault(attribute, Map.of()).getOrDefault(value, 0);
  }

  void add(String job, Map<String, String> hostAttributes) {
    Map<String, Map<String, Integer>> byAttribute = counts.computeIfAbsent(job, j -> new HashMap<>());
    hostAttributes.forEach((attribute, value) ->
        byAttribute.computeIfAbsent(attribute, a -> new HashMap<>()).merge(value, 1, Integer::sum));
  }
}
