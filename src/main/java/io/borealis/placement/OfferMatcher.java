package io.borealis.placement;

import io.borealis.model.Constraint;
import io.borealis.model.MaintenanceMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * First-fit placement of pending tasks, in the order given, onto offers. Several tasks may share one
 * offer: each placement consumes what it takes from the host's remaining resources, so the result
 * never asks a host for more than it offered, and counts toward the job's limit constraints.
 */
public final class OfferMatcher {
  private OfferMatcher() {}

  /** Places tasks of jobs that have no active tasks yet, on hosts none of which is in maintenance. */
  public static MatchResult match(List<PlacementRequest> pending, List<HostOffer> offers) {
    return match(pending, offers, Map.of(), Map.of());
  }

  /**
   * @param placed for each job, the attributes of the host of each of its active tasks (what limit
   *     constraints count)
   * @param maintenance hosts in maintenance, by hostname (others are in NONE)
   */
  public static MatchResult match(List<PlacementRequest> pending, List<HostOffer> offers,
      Map<String, List<Map<String, String>>> placed, Map<String, MaintenanceMode> maintenance) {
    List<Remaining> hosts = offers.stream().map(Remaining::new).toList();
    JobSpread spread = new JobSpread(placed);
    List<Assignment> assignments = new ArrayList<>();
    Map<String, List<Veto>> vetoes = new LinkedHashMap<>();
    // Within a pass hosts only lose resources and limits only tighten, so a host that refused one task
    // refuses every later task of the same shape: each shape resumes where the previous one stopped.
    // With 10,000 identical tasks on 1,000 hosts this turns millions of checks into thousands.
    Map<Shape, Integer> nextHost = new HashMap<>();
    Map<Shape, List<Veto>> shapeVetoes = new HashMap<>();
    Map<String, Shape> unplaced = new LinkedHashMap<>();
    for (PlacementRequest request : pending) {
      Shape shape = Shape.of(request);
      List<Veto> reasons = shapeVetoes.computeIfAbsent(shape, s -> new ArrayList<>());
      Assignment placedOn = null;
      for (int i = nextHost.getOrDefault(shape, 0); i < hosts.size() && placedOn == null; i++) {
        Remaining host = hosts.get(i);
        List<Veto> hostVetoes = HostFilter.constraintVetoes(request, host.offer.attributes(),
            maintenance.getOrDefault(host.offer.hostname(), MaintenanceMode.NONE), spread);
        if (hostVetoes.isEmpty()) {
          hostVetoes = host.resourceVetoes(request);
        }
        if (hostVetoes.isEmpty()) {
          placedOn = host.take(request);
          spread.add(request.job(), host.offer.attributes());
          nextHost.put(shape, i);
        } else {
          reasons.addAll(hostVetoes);
          nextHost.put(shape, i + 1);
        }
      }
      if (placedOn != null) {
        assignments.add(placedOn);
      } else {
        unplaced.put(request.taskId(), shape);
      }
    }
    // Tasks of one shape that found no host share their reasons: summarise them once per shape.
    Map<Shape, List<Veto>> summaries = new HashMap<>();
    unplaced.forEach((task, shape) -> vetoes.put(task, offers.isEmpty() ? List.of(new Veto("No offers available", 0))
        : summaries.computeIfAbsent(shape, s -> mostRelevant(shapeVetoes.get(s)))));
    return new MatchResult(assignments, vetoes);
  }

  /** What decides whether a host can take a task: its job (for limits), demand and constraints. */
  private record Shape(String job, double cpus, double memMb, double diskMb, int ports, List<Constraint> constraints) {
    static Shape of(PlacementRequest request) {
      return new Shape(request.job(), request.cpus(), request.memMb(), request.diskMb(), request.portNames().size(),
          request.constraints());
    }
  }

  /** One veto per reason, the closest miss first. */
  private static List<Veto> mostRelevant(List<Veto> reasons) {
    Map<String, Veto> best = new HashMap<>();
    for (Veto veto : reasons) {
      best.merge(veto.reason(), veto, (a, b) -> a.score() <= b.score() ? a : b);
    }
    List<Veto> sorted = new ArrayList<>(best.values());
    sorted.sort((a, b) -> a.score() != b.score() ? Integer.compare(a.score(), b.score()) : a.reason().compareTo(b.reason()));
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

    List<Veto> resourceVetoes(PlacementRequest request) {
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
