package io.borealis.placement;

/**
 * A pending task that might preempt others: what it needs ({@link PlacementRequest}) and what decides
 * whom it may displace, as Aurora ranks tasks. A production task may preempt any non-production task;
 * a non-production task only non-production tasks of its own role with a lower priority.
 */
public record PreemptionCandidate(PlacementRequest request, String role, boolean production, int priority) {
  boolean mayPreempt(RunningTask victim) {
    if (victim.production()) {
      return false;
    }
    return production || victim.role().equals(role) && victim.priority() < priority;
  }
}
