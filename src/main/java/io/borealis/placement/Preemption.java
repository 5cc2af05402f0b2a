package io.borealis.placement;

import java.util.List;

/** Stop {@code victimIds} on agent {@code agentId} so that {@code preemptorTaskId} fits there. */
public record Preemption(String preemptorTaskId, String agentId, List<String> victimIds) {
  public Preemption {
    victimIds = List.copyOf(victimIds);
  }
}
