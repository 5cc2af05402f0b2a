package io.borealis.placement;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * First-fit placement of pending tasks, in the order given, onto offers. Several tasks may share one
 * offer: each placement consumes what it takes from the host's remaining resources, so the result
 * never asks a host for more than it offered.
 */
public final class OfferMatcher {
  private OfferMatcher() {}

  public static MatchResult match(List<PlacementRequest> pending, List<HostOffer> offers) {
    List<Remaining> hosts = offers.stream().map(Remaining::new).toList();
    List<Assignment> assignments = new ArrayList<>();
    Map<String, List<Veto>> vetoes = new LinkedHashMap<>();
    for (PlacementRequest request : pending) {
      List<Veto> reasons = new ArrayList<>();
      Assignment placed = null;
      for (Remaining host : hosts) {
        List<Veto> hostVetoes = host.vetoes(request);
        if (hostVetoes.isEmpty()) {
          placed = host.take(request);
          break;
        }
        reasons.addAll(hostVetoes);
      }
      if (placed != null) {
        assignments.add(placed);
      } else {
        vetoes.put(request.taskId(), offers.isEmpty() ? List.of(new Veto("No offers available", 0)) : mostRelevant(reasons));
      }
    }
    return new MatchResult(assignments, vetoes);
  }

  /** One veto per reason, the closest miss first. */
  private static List<Veto> mostRelevant(List<Veto> reasons) {
    Map<String, Veto> best = new HashMap<>();
    for (Veto veto : reasons) {
      best.merge(veto.reason(), veto, (a, b) -> a.score() <= b.score() ? a : b);
    }
    List<Veto> sorted = new ArrayList<>(best.values());
    sorted.sort((a, b) -> Integer.compare(a.score(), b.score()));
    return sorted;
  }

  /** What is left of one offer as tasks are placed on it during a pass. */
  private static final class Remaining {
    private final HostOffer offer;
    private double cpus;
    private double memMb;
    private double diskMb;
    private final TreeSet<Integer> freePorts = new TreeSet<>();

    Remaining(HostOffer offer) {
      this.offer = offer;
      this.cpus = offer.cpus();
      this.memMb = offer.memMb();
      this.diskMb = offer.diskMb();
      for (PortRange range : offer.ports()) {
        for (int port = range.begin(); port <= range.end(); port++) {
          freePorts.add(port);
        }
      }
    }

    List<Veto> vetoes(PlacementRequest request) {
      List<Veto> vetoes = new ArrayList<>(0);
      if (request.cpus() > cpus + 1e-9) {
        vetoes.add(Veto.insufficient("cpus", request.cpus(), cpus));
      }
      if (request.memMb() > memMb + 1e-9) {
        vetoes.add(Veto.insufficient("ram", request.memMb(), memMb));
      }
      if (request.diskMb() > diskMb + 1e-9) {
        vetoes.add(Veto.insufficient("disk", request.diskMb(), diskMb));
      }
      if (request.portNames().size() > freePorts.size()) {
        vetoes.add(Veto.insufficient("ports", request.portNames().size(), freePorts.size()));
      }
      return vetoes;
    }

    Assignment take(PlacementRequest request) {
      cpus -= request.cpus();
      memMb -= request.memMb();
      diskMb -= request.diskMb();
      Map<String, Integer> ports = new LinkedHashMap<>();
      for (String name : new TreeSet<>(request.portNames())) {
        ports.put(name, freePorts.pollFirst());
      }
      return new Assignment(request.taskId(), offer, ports);
    }
  }
}
