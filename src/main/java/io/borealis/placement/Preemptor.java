package io.borealis.placement;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Aurora's preemptor, for a pending task that fits nowhere: find the host where stopping the fewest
 * tasks it may preempt makes it fit, taking the largest first. A host is considered only if the task
 * could run there at all (dedicated, maintenance and constraints pass), and tasks already being
 * preempted count as freed, so a task waiting for its victims to stop does not claim more.
 */
public final class Preemptor {
  private static final Comparator<RunningTask> LARGEST_FIRST = Comparator.comparingDouble(RunningTask::cpus)
      .thenComparingDouble(RunningTask::memMb).thenComparingDouble(RunningTask::diskMb).reversed()
      .thenComparing(RunningTask::taskId);

  private Preemptor() {}

  /**
   * @param placed for each job, the attributes of the host of each of its active tasks (limit constraints)
   * @return the victims to stop, or empty when no host would make room (or room is already being made)
   */
  public static Optional<Preemption> findVictims(PreemptionCandidate candidate, List<HostSlack> hosts,
      Map<String, List<Map<String, String>>> placed) {
    PlacementRequest task = candidate.request();
    JobSpread spread = new JobSpread(placed);
    Preemption best = null;
    for (HostSlack host : hosts) {
      if (!HostFilter.constraintVetoes(task, host.attributes(), host.maintenance(), spread).isEmpty()) {
        continue;
      }
      Room room = new Room(host);
      host.tasks().stream().filter(RunningTask::beingPreempted).forEach(room::free);
      if (room.fits(task)) {
        return Optional.empty();
      }
      List<String> victims = new ArrayList<>();
      for (RunningTask victim : host.tasks().stream().filter(t -> !t.beingPreempted() && candidate.mayPreempt(t))
          .sorted(LARGEST_FIRST).toList()) {
        room.free(victim);
        victims.add(victim.taskId());
        if (room.fits(task)) {
          break;
        }
      }
      if (room.fits(task) && (best == null || victims.size() < best.victimIds().size())) {
        best = new Preemption(task.taskId(), host.agentId(), victims);
      }
    }
    return Optional.ofNullable(best);
  }

  /** What a host would have free after some of its tasks stop. */
  private static final class Room {
    private double cpus;
    private double memMb;
    private double diskMb;
    private int ports;

    Room(HostSlack host) {
      cpus = host.cpus();
      memMb = host.memMb();
      diskMb = host.diskMb();
      ports = host.ports();
    }

    void free(RunningTask task) {
      cpus += task.cpus();
      memMb += task.memMb();
      diskMb += task.diskMb();
      ports += task.ports();
    }

    boolean fits(PlacementRequest task) {
      return task.cpus() <= cpus + 1e-9 && task.memMb() <= memMb + 1e-9 && task.diskMb() <= diskMb + 1e-9
          && task.portNames().size() <= ports;
    }
  }
}
