package io.borealis.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.borealis.model.TaskState;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class TaskStateMachineTest {
  /**
   * Aurora's task state machine, every from × to pair, for a non-service job with
   * max_task_failures = 1 and no earlier failures. Cells:
   * {@code .} illegal, {@code !K} illegal but the task is killed, {@code =} unchanged,
   * {@code -} allowed with no effect, otherwise allowed with these effects in this order:
   * K kill, R reschedule, F reschedule as a failure, D delete, L move on to LOST.
   */
  private static final String MATRIX = """
      from \\ to   INIT PENDING THROTTLED ASSIGNED STARTING RUNNING FINISHED FAILED KILLING KILLED LOST PREEMPTING RESTARTING DRAINING PARTITIONED
      INIT         =    -       -         !K       !K       !K      .        .      .       .      .    .          .          .        .
      PENDING      .    =       .         -        !K       !K      .        .      D       .      .    .          .          .        .
      THROTTLED    .    -       =         !K       !K       !K      .        .      D       .      .    .          .          .        .
      ASSIGNED     .    .       .         =        -        -       -        -      K       R      KR   K          K          K        .
      STARTING     .    .       .         .        =        -       -        -      K       R      R    K          K          K        -
      RUNNING      .    .       .         .        .        =       -        -      K       R      R    K          K          K        -
      FINISHED     .    .       .         !K       !K       !K      =        .      .       .      .    .          .          .        .
      FAILED       .    .       .         !K       !K       !K      .        =      .       .      .    .          .          .        .
      KILLING      .    .       .         .        .        .       -        -      =       -      -    .          .          .        L
      KILLED       .    .       .         !K       !K       !K      .        .      .       =      .    .          .          .        .
      LOST         .    .       .         !K       !K       !K      .        .      .       .      =    .          .          .        .
      PREEMPTING   .    .       .         .        .        .       R        R      -       R      KR   =          .          .        L
      RESTARTING   .    .       .         .        .        .       R        R      -       R      KR   .          =          .        L
      DRAINING     .    .       .         .        .        .       R        R      -       R      KR   .          .          =        L
      PARTITIONED  .    .       .         -        -        -       -        -      L       .      KR   L          L          L        =
      """;

  private static final TaskFacts BATCH_JOB = new TaskFacts(false, 1, 0, false);

  static Stream<Arguments> everyPair() {
    List<String> lines = MATRIX.lines().filter(l -> !l.isBlank()).toList();
    String[] header = lines.get(0).trim().split("\\s+");
    List<Arguments> cases = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      String[] cells = line.trim().split("\\s+");
      for (int column = 1; column < cells.length; column++) {
        cases.add(Arguments.of(TaskState.valueOf(cells[0]), TaskState.valueOf(header[column + 2]), cells[column]));
      }
    }
    return cases.stream();
  }

  @Test
  void matrixCoversEveryPairOfStates() {
    int states = TaskState.values().length;
    assertThat(everyPair()).hasSize(states * states);
  }

  @ParameterizedTest(name = "{0} -> {1}: {2}")
  @MethodSource("everyPair")
  void followsAuroraForEveryPair(TaskState from, TaskState to, String expected) {
    assertThat(describe(TaskStateMachine.transition(from, to, BATCH_JOB))).isEqualTo(expected);
  }

  @ParameterizedTest(name = "service={0} max_task_failures={1} failures so far={2}: rescheduled={3}")
  @CsvSource({
      "false, 1, 0, false",
      "false, 3, 0, true",
      "false, 3, 1, true",
      "false, 3, 2, false",
      "false, -1, 57, true",
      "true, 1, 0, true",
      "true, 0, 9, true",
  })
  void failedTaskComesBackPerAuroraFailureRule(boolean service, int maxFailures, int failures, boolean rescheduled) {
    Transition verdict = TaskStateMachine.transition(TaskState.RUNNING, TaskState.FAILED,
        new TaskFacts(service, maxFailures, failures, false));
    assertThat(describe(verdict)).isEqualTo(rescheduled ? "F" : "-");
  }

  @Test
  void finishedServiceIsRescheduledButBatchJobIsNot() {
    TaskFacts service = new TaskFacts(true, 1, 0, false);
    assertThat(describe(TaskStateMachine.transition(TaskState.RUNNING, TaskState.FINISHED, service))).isEqualTo("R");
    assertThat(describe(TaskStateMachine.transition(TaskState.RUNNING, TaskState.FINISHED, BATCH_JOB))).isEqualTo("-");
  }

  @Test
  void partitionedTaskThatWasBeingKilledIsNotRescheduledWhenLost() {
    TaskFacts wasKilling = new TaskFacts(true, 1, 0, true);
    assertThat(describe(TaskStateMachine.transition(TaskState.PARTITIONED, TaskState.LOST, wasKilling))).isEqualTo("-");
  }

  private static String describe(Transition transition) {
    if (transition instanceof Transition.Unchanged) {
      return "=";
    }
    if (transition instanceof Transition.Illegal illegal) {
      return illegal.effects().isEmpty() ? "." : "!" + letters(illegal.effects());
    }
    List<Effect> effects = ((Transition.Allowed) transition).effects();
    return effects.isEmpty() ? "-" : letters(effects);
  }

  private static String letters(List<Effect> effects) {
    StringBuilder text = new StringBuilder();
    for (Effect effect : effects) {
      text.append(switch (effect) {
        case KILL -> 'K';
        case RESCHEDULE -> 'R';
        case RESCHEDULE_AS_FAILURE -> 'F';
        case DELETE -> 'D';
        case TRANSITION_TO_LOST -> 'L';
      });
    }
    return text.toString();
  }
}
