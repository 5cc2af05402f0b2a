package io.borealis.placement;

import static org.assertj.core.api.Assertions.assertThat;

import io.borealis.model.Constraint;
import io.borealis.model.MaintenanceMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OfferMatcherTest {
  private static final String JOB = "c/r/e/web";

  private static HostOffer host(String id, double cpus, double mem, double disk, PortRange... ports) {
    return new HostOffer(List.of("offer-" + id), "agent-" + id, "host-" + id, cpus, mem, disk, List.of(ports), Map.of("host", "host-" + id));
  }

  private static HostOffer host(String id, Map<String, String> attributes) {
    Map<String, String> all = new LinkedHashMap<>(attributes);
    all.put("host", "host-" + id);
    return new HostOffer(List.of("offer-" + id), "agent-" + id, "host-" + id, 8, 8192, 8192, List.of(), all);
  }

  private static PlacementRequest task(String id, double cpus, double mem, String... ports) {
    return new PlacementRequest(id, JOB, cpus, mem, 10, Set.of(ports), List.of());
  }

  private static PlacementRequest task(String id, Map<String, String> constraints) {
    return new PlacementRequest(id, JOB, 1, 10, 10, Set.of(), Constraint.parse(constraints));
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
  void offersOfOneHostMergedFitWhatNoneOfThemFitsAlone() {
    HostOffer merged = HostOffer.merge(List.of(host("1", 0.5, 100, 100), host("1", 0.25, 100, 100, new PortRange(31000, 31000))));
    assertThat(merged.offerIds()).containsExactly("offer-1", "offer-1");
    MatchResult result = OfferMatcher.match(List.of(task("a", 0.75, 150, "http")), List.of(merged));
    assertThat(result.assignments()).singleElement().satisfies(a -> assertThat(a.ports()).containsEntry("http", 31000));
  }

  @Test
  void saysSoWhenThereAreNoOffers() {
    assertThat(OfferMatcher.match(List.of(task("a", 1, 1)), List.of()).vetoes().get("a"))
        .extracting(Veto::reason).containsExactly("No offers available");
  }

  /** One host with attributes {@code rack=a}; the task's constraint decides. */
  @ParameterizedTest(name = "{0} on rack=a: {1}")
  @CsvSource(delimiter = '|', value = {
      "rack=a       | placed",
      "rack=a,b     | placed",
      "rack=b       | Constraint not satisfied: rack",
      "rack=!b      | placed",
      "rack=!a,b    | Constraint not satisfied: rack",
      "zone=x       | Constraint not satisfied: zone",
      "zone=!x      | placed",
      "host=limit:1 | placed",
      "zone=limit:1 | Limit not satisfied: zone",
  })
  void valueAndLimitConstraints(String constraint, String outcome) {
    String[] parts = constraint.split("=", 2);
    MatchResult result = OfferMatcher.match(List.of(task("t", Map.of(parts[0], parts[1]))), List.of(host("1", Map.of("rack", "a"))));
    if (outcome.equals("placed")) {
      assertThat(result.assignments()).hasSize(1);
    } else {
      assertThat(result.vetoes().get("t")).extracting(Veto::reason).containsExactly(outcome);
    }
  }

  @Test
  void limitSpreadsInstancesAcrossHostsWithinOnePass() {
    List<PlacementRequest> three = List.of(task("0", Map.of("host", "limit:1")), task("1", Map.of("host", "limit:1")),
        task("2", Map.of("host", "limit:1")));
    MatchResult result = OfferMatcher.match(three, List.of(host("1", Map.of()), host("2", Map.of())));
    assertThat(result.assignments()).extracting(a -> a.offer().hostname()).containsExactly("host-1", "host-2");
    assertThat(result.vetoes().get("2")).extracting(Veto::reason).containsExactly("Limit not satisfied: host");
  }

  @Test
  void limitCountsTheJobsTasksAlreadyRunning() {
    Map<String, List<Map<String, String>>> running = Map.of(JOB, List.of(Map.of("host", "host-1", "rack", "a")),
        "c/r/e/other", List.of(Map.of("host", "host-2", "rack", "b")));
    MatchResult result = OfferMatcher.match(List.of(task("t", Map.of("rack", "limit:1"))),
        List.of(host("1", Map.of("rack", "a")), host("2", Map.of("rack", "b"))), running, Map.of());
    assertThat(result.assignments()).singleElement().satisfies(a -> assertThat(a.offer().hostname()).isEqualTo("host-2"));
  }

  @Test
  void dedicatedHostsTakeOnlyDedicatedTasks() {
    HostOffer dedicated = host("1", Map.of("dedicated", "www-data/web"));
    MatchResult plain = OfferMatcher.match(List.of(task("t", Map.of())), List.of(dedicated));
    assertThat(plain.vetoes().get("t")).extracting(Veto::reason).containsExactly("Host is dedicated");
    MatchResult matching = OfferMatcher.match(List.of(task("t", Map.of("dedicated", "www-data/web"))), List.of(dedicated));
    assertThat(matching.assignments()).hasSize(1);
  }

  @Test
  void drainingAndDrainedHostsTakeNoTasksButScheduledOnesDo() {
    List<HostOffer> hosts = List.of(host("1", Map.of()), host("2", Map.of()), host("3", Map.of()));
    Map<String, MaintenanceMode> maintenance = Map.of("host-1", MaintenanceMode.DRAINING, "host-2", MaintenanceMode.DRAINED,
        "host-3", MaintenanceMode.SCHEDULED);
    MatchResult result = OfferMatcher.match(List.of(task("a", Map.of()), task("b", Map.of())), hosts, Map.of(), maintenance);
    assertThat(result.assignments()).extracting(a -> a.offer().hostname()).containsExactly("host-3", "host-3");

    MatchResult none = OfferMatcher.match(List.of(task("a", Map.of())), hosts.subList(0, 2), Map.of(), maintenance);
    assertThat(none.vetoes().get("a")).extracting(Veto::reason)
        .containsExactlyInAnyOrder("Host draining for maintenance", "Host drained for maintenance");
  }

  @Test
  void constraintsAreCheckedBeforeResourcesSoTheReasonIsTheConstraint() {
    PlacementRequest big = new PlacementRequest("t", JOB, 100, 10, 10, Set.of(), Constraint.parse(Map.of("rack", "b")));
    assertThat(OfferMatcher.match(List.of(big), List.of(host("1", Map.of("rack", "a")))).vetoes().get("t"))
        .extracting(Veto::reason).containsExactly("Constraint not satisfied: rack");
  }
}
