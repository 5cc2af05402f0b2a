package io.borealis.updates;

import static io.borealis.updates.UpdateStatus.ABORTED;
import static io.borealis.updates.UpdateStatus.ERROR;
import static io.borealis.updates.UpdateStatus.FAILED;
import static io.borealis.updates.UpdateStatus.ROLLED_BACK;
import static io.borealis.updates.UpdateStatus.ROLLED_FORWARD;
import static io.borealis.updates.UpdateStatus.ROLLING_BACK;
import static io.borealis.updates.UpdateStatus.ROLLING_FORWARD;
import static io.borealis.updates.UpdateStatus.ROLL_BACK_AWAITING_PULSE;
import static io.borealis.updates.UpdateStatus.ROLL_BACK_PAUSED;
import static io.borealis.updates.UpdateStatus.ROLL_FORWARD_AWAITING_PULSE;
import static io.borealis.updates.UpdateStatus.ROLL_FORWARD_PAUSED;

import java.util.Optional;

/**
 * Which status follows which on each command, as Aurora's {@code JobUpdateStateMachine} has it. An
 * empty answer means the command does not apply in that status (pausing a finished update, say);
 * callers turn it into a clear refusal.
 */
public final class UpdateStatusMachine {
  private UpdateStatusMachine() {}

  public static Optional<UpdateStatus> next(UpdateStatus status, UpdateCommand command, boolean rollbackOnFailure) {
    if (status.isTerminal()) {
      return Optional.empty();
    }
    boolean back = status.isBackward();
    UpdateStatus result = switch (command) {
      case PAUSE -> back ? ROLL_BACK_PAUSED : ROLL_FORWARD_PAUSED;
      case BATCH_DONE -> status.isMoving() ? (back ? ROLL_BACK_PAUSED : ROLL_FORWARD_PAUSED) : null;
      case RESUME -> status == ROLL_FORWARD_PAUSED ? ROLLING_FORWARD : status == ROLL_BACK_PAUSED ? ROLLING_BACK : null;
      case PULSE -> status == ROLL_FORWARD_AWAITING_PULSE ? ROLLING_FORWARD : status == ROLL_BACK_AWAITING_PULSE ? ROLLING_BACK
          : status.isMoving() ? status : null;
      case PULSE_EXPIRED -> status.isMoving() ? (back ? ROLL_BACK_AWAITING_PULSE : ROLL_FORWARD_AWAITING_PULSE) : null;
      case ABORT -> ABORTED;
      case ROLLBACK -> back ? null : ROLLING_BACK;
      case SUCCEEDED -> status == ROLLING_FORWARD ? ROLLED_FORWARD : status == ROLLING_BACK ? ROLLED_BACK : null;
      case FAILED -> status == ROLLING_FORWARD ? (rollbackOnFailure ? ROLLING_BACK : FAILED) : status == ROLLING_BACK ? FAILED : null;
      case ERROR -> ERROR;
    };
    return Optional.ofNullable(result == status && command != UpdateCommand.PULSE ? null : result);
  }
}
