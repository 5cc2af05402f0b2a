package io.borealis.updates;

import static org.assertj.core.api.Assertions.assertThat;

import io.borealis.model.JobConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class UpdateRetentionTest {
  private static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");
  private static final UpdateRetention KEEP_TWO_FOR_A_DAY = new UpdateRetention(2, Duration.ofDays(1));

  private static UpdateRecord update(String id, UpdateStatus status, Duration ago) {
    JobConfig v1 = SimulatedJob.config("v1", 1);
    UpdateState state = UpdateState.start(id, v1.key(), v1.update(),
        List.of(new InstanceGoal(0, v1, SimulatedJob.config("v2", 1))), NOW.minus(ago));
    return UpdateRecord.start(state, v1, v1, NOW.minus(ago), "started")
        .advanced(new UpdateState(id, v1.key(), status, v1.update(), state.forward(), null, NOW.minus(ago)), List.of(), "ended",
            NOW.minus(ago));
  }

  @Test
  void keepsTheNewestFinishedPerJobAndDropsOldOnesButNeverActiveOnes() {
    List<UpdateRecord> updates = new ArrayList<>(List.of(
        update("oldest", UpdateStatus.ROLLED_FORWARD, Duration.ofHours(30)),
        update("third", UpdateStatus.ROLLED_BACK, Duration.ofHours(3)),
        update("second", UpdateStatus.ABORTED, Duration.ofHours(2)),
        update("newest", UpdateStatus.FAILED, Duration.ofHours(1)),
        update("running", UpdateStatus.ROLLING_FORWARD, Duration.ofDays(40))));
    assertThat(KEEP_TWO_FOR_A_DAY.prunable(updates, NOW)).containsExactlyInAnyOrder("third", "oldest");

    List<UpdateRecord> twoOld = List.of(update("a", UpdateStatus.ROLLED_FORWARD, Duration.ofHours(25)),
        update("b", UpdateStatus.ROLLED_FORWARD, Duration.ofHours(2)));
    assertThat(KEEP_TWO_FOR_A_DAY.prunable(twoOld, NOW)).containsExactly("a");
    assertThat(KEEP_TWO_FOR_A_DAY.prunable(List.of(), NOW)).isEmpty();
  }
}
