package io.borealis.updates;

/** Aurora's {@code JobUpdateStatus}: where an update is, all eleven of them. */
public enum UpdateStatus {
  ROLLING_FORWARD,
  ROLLING_BACK,
  ROLL_FORWARD_PAUSED,
  ROLL_BACK_PAUSED,
  ROLL_FORWARD_AWAITING_PULSE,
  ROLL_BACK_AWAITING_PULSE,
  ROLLED_FORWARD,
  ROLLED_BACK,
  ABORTED,
  ERROR,
  FAILED;

  /** Still holds the job's update slot: another update of the job is refused. */
  public boolean isActive() {
    return !isTerminal();
  }

  public boolean isTerminal() {
    return this == ROLLED_FORWARD || this == ROLLED_BACK || this == ABORTED || this == ERROR || this == FAILED;
  }

  /** Moving instances right now (not paused, not waiting for a pulse). */
  public boolean isMoving() {
    return this == ROLLING_FORWARD || this == ROLLING_BACK;
  }

  /** Headed back to the configs the update started from. */
  public boolean isBackward() {
    return this == ROLLING_BACK || this == ROLL_BACK_PAUSED || this == ROLL_BACK_AWAITING_PULSE || this == ROLLED_BACK;
  }
}
