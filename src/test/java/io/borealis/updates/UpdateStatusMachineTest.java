package io.borealis.updates;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every status against every command: the whole table, so a change to one cell is a visible change here. */
class UpdateStatusMachineTest {
  private static final UpdateCommand[] COLUMNS = {UpdateCommand.PAUSE, UpdateCommand.RESUME, UpdateCommand.ABORT,
      UpdateCommand.ROLLBACK, UpdateCommand.PULSE, UpdateCommand.PULSE_EXPIRED, UpdateCommand.SUCCEEDED, UpdateCommand.FAILED,
      UpdateCommand.BATCH_DONE, UpdateCommand.ERROR};

  // Columns: PAUSE, RESUME, ABORT, ROLLBACK, PULSE, PULSE_EXPIRED, SUCCEEDED, FAILED (rollback on), BATCH_DONE, ERROR. "-" = refused.
  private static final String TABLE = """
      ROLLING_FORWARD             | ROLL_FORWARD_PAUSED | -               | ABORTED | ROLLING_BACK | ROLLING_FORWARD | ROLL_FORWARD_AWAITING_PULSE | ROLLED_FORWARD | ROLLING_BACK | ROLL_FORWARD_PAUSED | ERROR
      ROLLING_BACK                | ROLL_BACK_PAUSED    | -               | ABORTED | -            | ROLLING_BACK    | ROLL_BACK_AWAITING_PULSE    | ROLLED_BACK    | FAILED       | ROLL_BACK_PAUSED    | ERROR
      ROLL_FORWARD_PAUSED         | -                   | ROLLING_FORWARD | ABORTED | ROLLING_BACK | -               | -                           | -              | -            | -                   | ERROR
      ROLL_BACK_PAUSED            | -                   | ROLLING_BACK    | ABORTED | -            | -               | -                           | -              | -            | -                   | ERROR
      ROLL_FORWARD_AWAITING_PULSE | ROLL_FORWARD_PAUSED | -               | ABORTED | ROLLING_BACK | ROLLING_FORWARD | -                           | -              | -            | -                   | ERROR
      ROLL_BACK_AWAITING_PULSE    | ROLL_BACK_PAUSED    | -               | ABORTED | -            | ROLLING_BACK    | -                           | -              | -            | -                   | ERROR
      ROLLED_FORWARD              | -                   | -               | -       | -            | -               | -                           | -              | -            | -                   | -
      ROLLED_BACK                 | -                   | -               | -       | -            | -               | -                           | -              | -            | -                   | -
      ABORTED                     | -                   | -               | -       | -            | -               | -                           | -              | -            | -                   | -
      ERROR                       | -                   | -               | -       | -            | -               | -                           | -              | -            | -                   | -
      FAILED                      | -                   | -               | -       | -            | -               | -                           | -              | -            | -                   | -
      """;

  static Stream<Arguments> cells() {
    return TABLE.lines().filter(line -> !line.isBlank()).flatMap(line -> {
      String[] cells = Arrays.stream(line.split("\\|")).map(String::trim).toArray(String[]::new);
      UpdateStatus status = UpdateStatus.valueOf(cells[0]);
      return Stream.iterate(0, i -> i < COLUMNS.length, i -> i + 1)
          .map(i -> Arguments.of(status, COLUMNS[i], cells[i + 1].equals("-") ? null : UpdateStatus.valueOf(cells[i + 1])));
    });
  }

  @ParameterizedTest(name = "{0} + {1} -> {2}")
  @MethodSource("cells")
  void eachStatusAnswersEachCommandAsAuroraDoes(UpdateStatus status, UpdateCommand command, UpdateStatus expected) {
    assertThat(UpdateStatusMachine.next(status, command, true).orElse(null)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("statuses")
  void everyStatusHasARow(UpdateStatus status) {
    assertThat(TABLE).contains(status.name() + " ");
  }

  static Stream<UpdateStatus> statuses() {
    return Arrays.stream(UpdateStatus.values());
  }

  @org.junit.jupiter.api.Test
  void withoutRollbackAFailedForwardUpdateEndsFailed() {
    assertThat(UpdateStatusMachine.next(UpdateStatus.ROLLING_FORWARD, UpdateCommand.FAILED, false)).contains(UpdateStatus.FAILED);
  }
}
