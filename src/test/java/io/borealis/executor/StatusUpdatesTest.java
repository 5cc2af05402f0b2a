package io.borealis.executor;

import static org.assertj.core.api.Assertions.assertThat;

import io.borealis.mesos.wire.TaskId;
import io.borealis.mesos.wire.TaskStatus;
import io.borealis.mesos.wire.Uuids;
import org.junit.jupiter.api.Test;

class StatusUpdatesTest {
  private final StatusUpdates updates = new StatusUpdates();

  private static TaskStatus update(String task, TaskStatus.State state) {
    return TaskStatus.of(TaskId.of(task), state, TaskStatus.Source.SOURCE_EXECUTOR, null).withUuid(Uuids.random());
  }

  @Test
  void anUpdateIsPendingUntilItsOwnUuidIsAcknowledged() {
    TaskStatus running = update("t", TaskStatus.State.TASK_RUNNING);
    TaskStatus finished = update("t", TaskStatus.State.TASK_FINISHED);
    updates.sent(running);
    updates.sent(finished);

    assertThat(updates.acknowledge(TaskId.of("t"), running.uuid())).isEqualTo(running);
    assertThat(updates.isEmpty()).isFalse();
    assertThat(updates.pending()).containsExactly(finished);
    assertThat(updates.acknowledge(TaskId.of("t"), finished.uuid().clone())).isEqualTo(finished);
    assertThat(updates.isEmpty()).isTrue();
  }

  @Test
  void ignoresUnknownUuidsAndOtherTasks() {
    TaskStatus running = update("t", TaskStatus.State.TASK_RUNNING);
    updates.sent(running);

    assertThat(updates.acknowledge(TaskId.of("t"), Uuids.random())).isNull();
    assertThat(updates.acknowledge(TaskId.of("other"), running.uuid())).isNull();
    assertThat(updates.acknowledge(TaskId.of("t"), null)).isNull();
    assertThat(updates.isPending(running)).isTrue();
  }
}
