package io.borealis.model;

/**
 * Aurora's host maintenance modes. An operator drains a host (DRAINING): it takes no new tasks and
 * its tasks are killed and rescheduled elsewhere; once none is left it is DRAINED, ready for work
 * on it. SCHEDULED announces maintenance without acting on it. Activating returns it to NONE.
 */
public enum MaintenanceMode {
  NONE, SCHEDULED, DRAINING, DRAINED;

  /** Whether placement keeps new tasks off a host in this mode (Aurora vetoes only these two). */
  public boolean refusesTasks() {
    return this == DRAINING || this == DRAINED;
  }
}
