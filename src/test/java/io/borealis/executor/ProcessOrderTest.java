package io.borealis.executor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Who must have succeeded before whom; when processes start is TaskPlanner's business (TaskPlannerTest). */
class ProcessOrderTest {
  private final ProcessOrder order = new ProcessOrder(List.of("fetch", "unpack", "run", "sidecar"),
      List.of(List.of("fetch", "unpack", "run")));

  @Test
  void aProcessWaitsForEveryProcessBeforeItInItsList() {
    assertThat(order.predecessors("fetch")).isEmpty();
    assertThat(order.predecessors("unpack")).containsExactly("fetch");
    assertThat(order.predecessors("run")).containsExactlyInAnyOrder("fetch", "unpack");
  }

  @Test
  void processesOutsideAnyOrderWaitForNobody() {
    assertThat(order.predecessors("sidecar")).isEmpty();
  }

  @Test
  void ordersAcrossListsCombine() {
    ProcessOrder chained = new ProcessOrder(List.of("a", "b", "c"), List.of(List.of("a", "b"), List.of("b", "c")));
    assertThat(chained.predecessors("c")).containsExactly("b");
    assertThat(chained.predecessors("b")).containsExactly("a");
  }

  @Test
  void rejectsCyclesAndUnknownNames() {
    assertThatThrownBy(() -> new ProcessOrder(List.of("a", "b"), List.of(List.of("a", "b"), List.of("b", "a"))))
        .hasMessageContaining("cycle");
    assertThatThrownBy(() -> new ProcessOrder(List.of("a"), List.of(List.of("a", "ghost"))))
        .hasMessageContaining("'ghost'");
  }
}
