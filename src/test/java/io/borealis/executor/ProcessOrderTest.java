package io.borealis.executor;

import static io.borealis.executor.ProcessState.FAILED;
import static io.borealis.executor.ProcessState.RUNNING;
import static io.borealis.executor.ProcessState.SUCCEEDED;
import static io.borealis.executor.ProcessState.WAITING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProcessOrderTest {
  private final ProcessOrder order = new ProcessOrder(List.of("fetch", "unpack", "run", "sidecar"),
      List.of(List.of("fetch", "unpack", "run")));

  @Test
  void processesOutsideAnyOrderAndTheFirstOfEachStartAtOnce() {
    assertThat(order.startable(states(WAITING, WAITING, WAITING, WAITING))).containsExactly("fetch", "sidecar");
  }

  @Test
  void aProcessWaitsForEveryProcessBeforeItToSucceed() {
    assertThat(order.predecessors("run")).containsExactlyInAnyOrder("fetch", "unpack");
    assertThat(order.startable(states(RUNNING, WAITING, WAITING, RUNNING))).isEmpty();
    assertThat(order.startable(states(SUCCEEDED, WAITING, WAITING, RUNNING))).containsExactly("unpack");
    assertThat(order.startable(states(SUCCEEDED, SUCCEEDED, WAITING, RUNNING))).containsExactly("run");
  }

  @Test
  void nothingAfterAFailedProcessStarts() {
    assertThat(order.startable(states(FAILED, WAITING, WAITING, SUCCEEDED))).isEmpty();
  }

  @Test
  void ordersAcrossListsCombine() {
    ProcessOrder chained = new ProcessOrder(List.of("a", "b", "c"), List.of(List.of("a", "b"), List.of("b", "c")));
    Map<String, ProcessState> states = new LinkedHashMap<>(Map.of("a", SUCCEEDED, "b", WAITING, "c", WAITING));
    assertThat(chained.startable(states)).containsExactly("b");
  }

  @Test
  void rejectsCyclesAndUnknownNames() {
    assertThatThrownBy(() -> new ProcessOrder(List.of("a", "b"), List.of(List.of("a", "b"), List.of("b", "a"))))
        .hasMessageContaining("cycle");
    assertThatThrownBy(() -> new ProcessOrder(List.of("a"), List.of(List.of("a", "ghost"))))
        .hasMessageContaining("'ghost'");
  }

  private static Map<String, ProcessState> states(ProcessState fetch, ProcessState unpack, ProcessState run, ProcessState sidecar) {
    Map<String, ProcessState> states = new LinkedHashMap<>();
    states.put("fetch", fetch);
    states.put("unpack", unpack);
    states.put("run", run);
    states.put("sidecar", sidecar);
    return states;
  }
}
