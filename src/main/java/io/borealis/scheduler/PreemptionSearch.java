package io.borealis.scheduler;

import io.borealis.model.MaintenanceMode;
import io.borealis.model.Resources;
import io.borealis.model.ScheduledTask;
import io.borealis.model.TaskState;
import io.borealis.placement.HostOffer;
import io.borealis.placement.HostSlack;
import io.borealis.placement.PlacementRequest;
import io.borealis.placement.Preemption;
import io.borealis.placement.PreemptionCandidate;
import io.borealis.placement.Preemptor;
import io.borealis.placement.RunningTask;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Preemption's view of the cluster for one placement pass: each agent's unused offer and the tasks
 * on it, handed to the pure {@link Preemptor} for each waiting task in turn. Victims chosen for one
 * task count as freed for the next, so two tasks never claim the same room.
 */
final class PreemptionSearch {
  private final Map<String, HostSlack> hosts = new LinkedHashMap<>();

  /**
   * @param onAgents every task the scheduler believes on an agent
   * @param unused this pass's unused offers, one per agent
   * @param attributes each agent's attributes, as its offers showed them
   */
  PreemptionSearch(List<ScheduledTask> onAgents, List<HostOffer> unused, Map<String, Map<String, String>> attributes,
      Map<String, MaintenanceMode> maintenance, SchedulerSettings settings) {
    Map<String, HostOffer> offerOf = new LinkedHashMap<>();
    unused.forEach(offer -> offerOf.put(offer.agentId(), offer));
    Map<String, List<RunningTask>> tasksOf = new LinkedHashMap<>();
    Map<String, String> hostnameOf = new LinkedHashMap<>();
    for (ScheduledTask task : onAgents) {
      if (task.agentId() != null && (task.state().isLive() || task.state() == TaskState.PREEMPTING)) {
        tasksOf.computeIfAbsent(task.agentId(), a -> new ArrayList<>()).add(running(task, settings));
        hostnameOf.put(task.agentId(), task.host());
      }
    }
    offerOf.values().forEach(offer -> hostnameOf.put(offer.agentId(), offer.hostname()));
    hostnameOf.forEach((agent, hostname) -> {
      HostOffer offer = offerOf.get(agent);
      hosts.put(agent, new HostSlack(agent, attributes.getOrDefault(agent, Map.of("host", hostname)),
          maintenance.getOrDefault(hostname, MaintenanceMode.NONE), offer == null ? 0 : offer.cpus(), offer == null ? 0 : offer.memMb(),
          offer == null ? 0 : offer.diskMb(), offer == null ? 0 : offer.ports().stream().mapToInt(r -> r.end() - r.begin() + 1).sum(),
          tasksOf.getOrDefault(agent, List.of())));
    });
  }

  /** What stopping {@code task} frees: its resources and the executor's overhead. */
  private static RunningTask running(ScheduledTask task, SchedulerSettings settings) {
    Resources resources = task.config().task().resources();
    return new RunningTask(task.taskId(), task.jobKey().role(), task.config().preferred(), task.config().priority(),
        resources.cpu() + settings.executorCpus(), resources.ramMb() + settings.executorMemMb(), resources.diskMb(),
        task.ports().size(), task.state() == TaskState.PREEMPTING);
  }

  /** Victims for {@code task}, if stopping some would make it fit; they then count as freed. */
  Optional<Preemption> victimsFor(ScheduledTask task, PlacementRequest request,
      Map<String, List<Map<String, String>>> placed) {
    PreemptionCandidate candidate = new PreemptionCandidate(request, task.jobKey().role(), task.config().preferred(),
        task.config().priority());
    Optional<Preemption> found = Preemptor.findVictims(candidate, List.copyOf(hosts.values()), placed);
    found.ifPresent(preemption -> hosts.computeIfPresent(preemption.agentId(), (agent, host) -> markPreempted(host,
        preemption.victimIds())));
    return found;
  }

  private static HostSlack markPreempted(HostSlack host, List<String> victims) {
    Function<RunningTask, RunningTask> mark = t -> victims.contains(t.taskId())
        ? new RunningTask(t.taskId(), t.role(), t.production(), t.priority(), t.cpus(), t.memMb(), t.diskMb(), t.ports(), true) : t;
    return new HostSlack(host.agentId(), host.attributes(), host.maintenance(), host.cpus(), host.memMb(), host.diskMb(), host.ports(),
        host.tasks().stream().map(mark).toList());
  }
}
