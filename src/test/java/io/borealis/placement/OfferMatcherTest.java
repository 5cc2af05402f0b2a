package io.borealis.placement;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OfferMatcherTest {
  private static HostOffer host(String id, double cpus, double mem, double disk, PortRange... ports) {
    return new HostOffer("offer-" + id, "agent-" + id, "host-" + id, cpus, mem, disk, List.of(ports), Map.of());
  }

  private static PlacementRequest task(String id, double cpus, double mem, String... ports) {
    return new PlacementRequest(id, cpus, mem, 10, Set.of(ports));
  }

  @Test
  void packsSeveralTasksOntoOneOfferWithoutOvercommitting() {
    MatchResult result = OfferMatcher.match(
        List.of(task("a", 2, 100), task("b", 2, 100), task("c", 2, 100)),
        List.of(host("1", 5, 1000, 1000)));
    assertThat(result.assignments()).extracting(Assignment::taskId).containsExactly("a", "b");
    assertThat(result.vetoes().get("c")).extracting(Veto::reason).containsExactly("Insufficient: cpus");
  }

  @Test
  void movesOnToTheNextOfferWhenTheFirstIsTooSmall() {
    MatchResult result = OfferMatcher.match(List.of(task("a", 4, 100)), List.of(host("1", 1, 1000, 1000), host("2", 8, 1000, 1000)));
    assertThat(result.assignments()).singleElement().satisfies(a -> assertThat(a.offer().hostname()).isEqualTo("host-2"));
  }

  @Test
  void assignsDistinctPortsByName() {
    MatchResult result = OfferMatcher.match(List.of(task("a", 1, 10, "http", "admin"), task("b", 1, 10, "http")),
        List.of(host("1", 8, 1000, 1000, new PortRange(31000, 31002))));
    assertThat(result.assignments().get(0).ports()).isEqualTo(Map.of("admin", 31000, "http", 31001));
    assertThat(result.assignments().get(1).ports()).isEqualTo(Map.of("http", 31002));
  }

  @Test
  void namesEveryMissingResourceClosestMissFirst() {
    MatchResult result = OfferMatcher.match(List.of(task("a", 4, 2000, "http")), List.of(host("1", 3, 100, 1000)));
    assertThat(result.vetoes().get("a")).extracting(Veto::reason)
        .containsExactly("Insufficient: cpus", "Insufficient: ram", "Insufficient: ports");
  }

  @Test
  void saysSoWhenThereAreNoOffers() {
    assertThat(OfferMatcher.match(List.of(task("a", 1, 1)), List.of()).vetoes().get("a"))
        .extracting(Veto::reason).containsExactly("No offers available");
  }
}
