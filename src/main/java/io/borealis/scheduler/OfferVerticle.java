package io.borealis.scheduler;

import io.borealis.events.BusAddresses;
import io.borealis.events.ClusterEvent;
import io.borealis.events.MesosCommands;
import io.borealis.events.OfferEvents;
import io.borealis.events.StateRequests;
import io.borealis.model.Constraint;
import io.borealis.model.JobKey;
import io.borealis.model.MaintenanceMode;
import io.borealis.model.Resources;
import io.borealis.model.ScheduledTask;
import io.borealis.model.TaskState;
import io.borealis.placement.Assignment;
import io.borealis.placement.HostOffer;
import io.borealis.placement.MatchResult;
import io.borealis.placement.OfferMatcher;
import io.borealis.placement.PlacementRequest;
import io.borealis.placement.Veto;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Holds the offers Mesos made and places pending tasks on them. Level-triggered: whenever offers
 * arrive or a task becomes PENDING it runs one pass (pending tasks × held offers through the pure
 * {@link OfferMatcher}), asks the state verticle to assign the matches, and launches what was
 * assigned. Passes never overlap; a trigger during a pass runs one more pass after it.
 */
public final class OfferVerticle extends VerticleBase {
  private static final Logger LOG = Logger.getLogger(OfferVerticle.class.getName());

  /** At most this many preemptions per pass: each kills tasks, so go gently. */
  private static final int MAX_PREEMPTIONS_PER_PASS = 10;

  private final SchedulerSettings settings;
  private final SchedulerMetrics metrics;
  private final Clock clock;
  private final Map<String, HostOffer> held = new LinkedHashMap<>();
  /** Every agent's attributes, as its offers showed them: limit constraints count by them. */
  private final Map<String, Map<String, String>> agentAttributes = new HashMap<>();
  private final Map<String, Long> holdTimers = new HashMap<>();
  private boolean passRunning;
  private boolean passWanted;
  /** Whether Mesos was told to stop offering; a new subscription starts unsuppressed. */
  private boolean suppressed;

  public OfferVerticle(SchedulerSettings settings, SchedulerMetrics metrics, Clock clock) {
    this.metrics = metrics;
    this.clock = clock;
    this.settings = settings;
  }

  @Override
  public Future<?> start() {
    var offers = vertx.eventBus().<OfferEvents.OfferEvent>consumer(BusAddresses.OFFERS, m -> onOffers(m.body()));
    var events = vertx.eventBus().<ClusterEvent>consumer(BusAddresses.EVENTS, m -> {
      if (m.body() instanceof ClusterEvent.TaskStateChanged change && change.state() == TaskState.PENDING) {
        if (suppressed) {
          suppressed = false;
          vertx.eventBus().send(BusAddresses.MESOS, new MesosCommands.Revive());
        }
        requestPass();
      }
    });
    // Nothing else triggers a pass when a task has waited long enough to preempt: look again now and then.
    long recheck = Math.max(200, Math.min(30_000, settings.preemptionDelay().toMillis() / 3));
    vertx.setPeriodic(recheck, id -> {
      if (!suppressed) {
        requestPass();
      }
    });
    return Future.all(offers.completion(), events.completion());
  }

  private void onOffers(OfferEvents.OfferEvent event) {
    if (event instanceof OfferEvents.Offered offered) {
      for (HostOffer offer : offered.offers()) {
        String offerId = offer.offerIds().get(0);
        held.put(offerId, offer);
        metrics.offersHeld(held.size());
        agentAttributes.put(offer.agentId(), offer.attributes());
        holdTimers.put(offerId, vertx.setTimer(settings.offerHoldTime().toMillis(), id -> declineIfHeld(offerId)));
      }
      requestPass();
    } else if (event instanceof OfferEvents.Rescinded rescinded) {
      forget(rescinded.offerId());
    } else if (event instanceof OfferEvents.HostsChanged) {
      requestPass();
    } else if (event instanceof OfferEvents.AllRescinded) {
      List.copyOf(held.keySet()).forEach(this::forget);
      suppressed = false;
    }
  }

  private void declineIfHeld(String offerId) {
    if (held.containsKey(offerId)) {
      forget(offerId);
      vertx.eventBus().send(BusAddresses.MESOS, new MesosCommands.Decline(List.of(offerId)));
    }
  }

  private void forget(String offerId) {
    held.remove(offerId);
    metrics.offersHeld(held.size());
    Long timer = holdTimers.remove(offerId);
    if (timer != null) {
      vertx.cancelTimer(timer);
    }
  }

  private void requestPass() {
    if (passRunning) {
      passWanted = true;
      return;
    }
    passRunning = true;
    passWanted = false;
    runPass()
        .onFailure(error -> LOG.log(Level.WARNING, "Placement pass failed", error))
        .onComplete(done -> {
          passRunning = false;
          if (passWanted) {
            requestPass();
          }
        });
  }

  private Future<Void> runPass() {
    return vertx.eventBus().<StateRequests.PendingWork>request(BusAddresses.STATE, new StateRequests.GetPendingTasks())
        .compose(reply -> {
          List<ScheduledTask> pending = reply.body().pending();
          if (pending.isEmpty()) {
            // Offers keep coming only while there is work; the ones held stay for the next job.
            if (!suppressed) {
              suppressed = true;
              vertx.eventBus().send(BusAddresses.MESOS, new MesosCommands.Suppress());
            }
            return Future.succeededFuture();
          }
          Map<String, List<HostOffer>> byAgent = new LinkedHashMap<>();
          held.values().forEach(offer -> byAgent.computeIfAbsent(offer.agentId(), a -> new ArrayList<>()).add(offer));
          List<HostOffer> hosts = byAgent.values().stream().map(HostOffer::merge).toList();
          Map<String, List<Map<String, String>>> placed = placedHosts(reply.body().agentsOfActiveTasks());
          MatchResult result = OfferMatcher.match(pending.stream().map(this::request).toList(), hosts, placed,
              reply.body().hostsInMaintenance());
          Map<HostOffer, List<HostOffer>> used = new HashMap<>();
          for (Assignment assignment : result.assignments()) {
            HostOffer merged = assignment.offer();
            used.computeIfAbsent(merged, m -> {
              m.offerIds().forEach(this::forget);
              return byAgent.get(m.agentId());
            });
          }
          List<ScheduledTask> waitedLongEnough = pending.stream().filter(task -> result.vetoes().containsKey(task.taskId())
              && (task.config().preferred() || task.config().priority() > 0)
              && !task.since().plus(settings.preemptionDelay()).isAfter(clock.instant())).toList();
          return assignAndLaunch(result, used)
              .compose(v -> waitedLongEnough.isEmpty() ? Future.succeededFuture()
                  : preempt(waitedLongEnough, placed, reply.body().hostsInMaintenance()));
        });
  }

  /** For tasks that found no host for longer than the preemption delay: stop less important tasks to make room. */
  private Future<Void> preempt(List<ScheduledTask> waiting, Map<String, List<Map<String, String>>> placed,
      Map<String, MaintenanceMode> maintenance) {
    return vertx.eventBus().<StateRequests.TaskList>request(BusAddresses.STATE, new StateRequests.GetTasksOnAgents())
        .compose(reply -> {
          Map<String, List<HostOffer>> byAgent = new LinkedHashMap<>();
          held.values().forEach(offer -> byAgent.computeIfAbsent(offer.agentId(), a -> new ArrayList<>()).add(offer));
          PreemptionSearch search = new PreemptionSearch(reply.body().tasks(), byAgent.values().stream().map(HostOffer::merge).toList(),
              agentAttributes, maintenance, settings);
          List<Future<?>> sent = new ArrayList<>();
          for (ScheduledTask task : waiting) {
            if (sent.size() >= MAX_PREEMPTIONS_PER_PASS) {
              break;
            }
            search.victimsFor(task, request(task), placed).ifPresent(preemption -> {
              LOG.info(() -> "Preempting " + preemption.victimIds() + " on agent " + preemption.agentId() + " for " + task.taskId());
              sent.add(vertx.eventBus().request(BusAddresses.STATE,
                  new StateRequests.PreemptTasks(preemption.preemptorTaskId(), preemption.victimIds())));
            });
          }
          return Future.all(sent).mapEmpty();
        });
  }

  private PlacementRequest request(ScheduledTask task) {
    Resources resources = task.config().task().resources();
    return new PlacementRequest(task.taskId(), task.jobKey().toString(), resources.cpu() + settings.executorCpus(),
        resources.ramMb() + settings.executorMemMb(), resources.diskMb(), task.config().requestedPorts(),
        Constraint.parse(task.config().constraints()));
  }

  /** For each job, the attributes of the host of each of its active tasks. */
  private Map<String, List<Map<String, String>>> placedHosts(Map<JobKey, List<String>> agentsByJob) {
    Map<String, List<Map<String, String>>> placed = new HashMap<>();
    agentsByJob.forEach((job, agents) -> placed.put(job.toString(),
        agents.stream().map(agent -> agentAttributes.getOrDefault(agent, Map.of())).toList()));
    return placed;
  }

  /** @param used the offers Mesos made that each host offer in the result stands for */
  private Future<Void> assignAndLaunch(MatchResult result, Map<HostOffer, List<HostOffer>> used) {
    List<StateRequests.Placement> placements = new ArrayList<>();
    Map<String, HostOffer> offerOfTask = new HashMap<>();
    for (Assignment assignment : result.assignments()) {
      HostOffer offer = assignment.offer();
      placements.add(new StateRequests.Placement(assignment.taskId(), offer.agentId(), offer.hostname(), assignment.ports()));
      offerOfTask.put(assignment.taskId(), offer);
    }
    Map<String, String> reasons = new HashMap<>();
    result.vetoes().forEach((task, vetoes) -> reasons.put(task, String.join(", ", vetoes.stream().map(Veto::reason).toList())));
    return vertx.eventBus().<StateRequests.TaskList>request(BusAddresses.STATE, new StateRequests.PlaceTasks(placements, reasons))
        .map(reply -> {
          Map<HostOffer, List<ScheduledTask>> byOffer = new LinkedHashMap<>();
          for (ScheduledTask task : reply.body().tasks()) {
            byOffer.computeIfAbsent(offerOfTask.get(task.taskId()), o -> new ArrayList<>()).add(task);
          }
          byOffer.forEach((offer, tasks) ->
              vertx.eventBus().send(BusAddresses.MESOS, new MesosCommands.Launch(offer.offerIds(), offer.agentId(), tasks)));
          // Offers whose tasks all stopped being PENDING meanwhile are still good: keep them.
          used.forEach((merged, originals) -> {
            if (!byOffer.containsKey(merged)) {
              originals.forEach(o -> held.put(o.offerIds().get(0), o));
            }
          });
          return null;
        });
  }
}
