package io.borealis.placement;

import static org.assertj.core.api.Assertions.assertThat;

import io.borealis.model.Constraint;
import io.borealis.model.MaintenanceMode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Aurora's preemption rules: who may displace whom, which host, and how many victims. */
class PreemptorTest {
  private static final String JOB = "c/www-data/prod/urgent";

  private static PreemptionCandidate production(double cpus) {
    return new PreemptionCandidate(request(cpus, Map.of()), "www-data", true, 0);
  }

  private static PlacementRequest request(double cpus, Map<String, String> constraints) {
    return new PlacementRequest("urgent-0", JOB, cpus, 100, 100, Set.of(), Constraint.parse(constraints));
  }

  private static RunningTask batch(String id, double cpus) {
    return new RunningTask(id, "batch", false, 0, cpus, 100, 100, 0, false);
  }

  private static HostSlack host(String agent, double freeCpus, RunningTask... tasks) {
    return new HostSlack(agent, Map.of("host", agent), MaintenanceMode.NONE, freeCpus, 1000, 1000, 10, List.of(tasks));
  }

  private static Optional<Preemption> find(PreemptionCandidate candidate, HostSlack... hosts) {
    return Preemptor.findVictims(candidate, List.of(hosts), Map.of());
  }

  @Test
  void aProductionTaskStopsTheLargestNonProductionTasksFirstUntilItFits() {
    Optional<Preemption> found = find(production(4), host("a", 1, batch("small", 1), batch("large", 2), batch("medium", 1.5)));
    assertThat(found).hasValueSatisfying(p -> {
      assertThat(p.agentId()).isEqualTo("a");
      assertThat(p.victimIds()).containsExactly("large", "medium");
    });
  }

  @Test
  void theHostNeedingFewestVictimsWins() {
    Optional<Preemption> found = find(production(2), host("a", 0, batch("a1", 1), batch("a2", 1)), host("b", 0, batch("b1", 2)));
    assertThat(found).hasValueSatisfying(p -> assertThat(p.victimIds()).containsExactly("b1"));
  }

  @Test
  void productionTasksAreNeverVictims() {
    RunningTask prod = new RunningTask("prod", "other", true, 0, 8, 100, 100, 0, false);
    assertThat(find(production(2), host("a", 0, prod))).isEmpty();
  }

  @Test
  void aNonProductionTaskMayOnlyDisplaceLowerPriorityTasksOfItsOwnRole() {
    PreemptionCandidate high = new PreemptionCandidate(request(2, Map.of()), "batch", false, 5);
    RunningTask lowSameRole = new RunningTask("low", "batch", false, 1, 2, 100, 100, 0, false);
    RunningTask lowOtherRole = new RunningTask("other", "web", false, 1, 2, 100, 100, 0, false);
    RunningTask sameOrHigher = new RunningTask("peer", "batch", false, 5, 2, 100, 100, 0, false);
    assertThat(find(high, host("a", 0, lowOtherRole, sameOrHigher))).isEmpty();
    assertThat(find(high, host("a", 0, lowOtherRole, sameOrHigher, lowSameRole)))
        .hasValueSatisfying(p -> assertThat(p.victimIds()).containsExactly("low"));
  }

  @Test
  void nothingIsStoppedWhenEvenAllVictimsWouldNotMakeRoom() {
    assertThat(find(production(10), host("a", 1, batch("x", 2), batch("y", 2)))).isEmpty();
  }

  @Test
  void tasksAlreadyBeingPreemptedCountAsFreedSoNoMoreAreStopped() {
    RunningTask dying = new RunningTask("dying", "batch", false, 0, 2, 100, 100, 0, true);
    assertThat(find(production(2), host("a", 0, dying, batch("next", 2)))).isEmpty();
  }

  @Test
  void hostsTheTaskCouldNotRunOnAreNotConsidered() {
    PreemptionCandidate onRackB = new PreemptionCandidate(request(2, Map.of("host", "b")), "www-data", true, 0);
    assertThat(find(onRackB, host("a", 0, batch("a1", 4)), host("b", 0, batch("b1", 4))))
        .hasValueSatisfying(p -> assertThat(p.agentId()).isEqualTo("b"));
    HostSlack draining = new HostSlack("d", Map.of("host", "d"), MaintenanceMode.DRAINING, 0, 1000, 1000, 10, List.of(batch("d1", 4)));
    assertThat(find(production(2), draining)).isEmpty();
  }
}
