package io.borealis.placement;

import java.util.List;
import java.util.Map;

/** The outcome of one matching pass: the placements made, and why each other task stayed pending. */
public record MatchResult(List<Assignment> assignments, Map<String, List<Veto>> vetoes) {
  public MatchResult {
    assignments = List.copyOf(assignments);
    vetoes = Map.copyOf(vetoes);
  }
}
