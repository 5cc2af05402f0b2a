package io.borealis.devcluster;

import io.borealis.mesos.wire.AgentId;
import io.borealis.mesos.wire.Filters;
import io.borealis.mesos.wire.FrameworkId;
import io.borealis.mesos.wire.Offer;
import io.borealis.mesos.wire.OfferId;
import io.borealis.mesos.wire.Resource;
import io.borealis.mesos.wire.SchedulerEvent;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The master's outstanding offers and the refusal filters that hold offers back: every agent's
 * unallocated resources (neither used by tasks and executors nor already offered) go to a framework
 * that wants them, frameworks taken in turn so that none starves. Like Mesos, an agent may have
 * several outstanding offers: resources freed while an earlier offer is held are offered on their
 * own. Shares the master's agents and frameworks, and runs on its event loop.
 */
final class Allocator {
  /** What one offer holds of one agent, and for whom. */
  record OutstandingOffer(FrameworkId framework, AgentId agent, ResourceBag resources) {}

  private final Map<AgentId, AgentSlot> agents;
  private final Map<FrameworkId, FrameworkSession> frameworks;
  private final Master.FrameworkStreams streams;
  private final Clock clock;
  /** The master's id, which names its offers; a failover changes it. */
  private final Supplier<String> masterId;
  private final Map<OfferId, OutstandingOffer> offers = new HashMap<>();
  private long nextOffer;
  private boolean filtersAdded;

  Allocator(Map<AgentId, AgentSlot> agents, Map<FrameworkId, FrameworkSession> frameworks, Master.FrameworkStreams streams,
      Clock clock, Supplier<String> masterId) {
    this.agents = agents;
    this.frameworks = frameworks;
    this.streams = streams;
    this.clock = clock;
    this.masterId = masterId;
  }

  /**
   * Offers what is free on these agents. After an ACCEPT or an executor's exit only that agent has
   * anything new: walking all 1,000 agents of the scale benchmark for each of those calls made the
   * master spend its time walking.
   */
  void allocate(Collection<AgentId> agentIds) {
    Instant now = clock.instant();
    List<FrameworkSession> candidates = frameworks.values().stream().filter(FrameworkSession::connected).toList();
    if (candidates.isEmpty()) {
      return;
    }
    Map<FrameworkSession, List<Offer>> batches = new LinkedHashMap<>();
    int turn = (int) (nextOffer % candidates.size());
    for (AgentId agentId : agentIds) {
      AgentSlot agent = agents.get(agentId);
      if (agent == null || agent.unreachable) {
        continue;
      }
      ResourceBag free = agent.unallocated();
      if (!free.isOfferable()) {
        continue;
      }
      for (int i = 0; i < candidates.size(); i++) {
        FrameworkSession session = candidates.get((turn + i) % candidates.size());
        if (session.wants(agentId, now)) {
          OfferId offerId = OfferId.of(masterId.get() + "-O" + nextOffer++);
          offers.put(offerId, new OutstandingOffer(session.info.id(), agentId, free));
          agent.take(free);
          String role = session.info.allocationRole();
          Offer offer = new Offer(offerId, session.info.id(), agentId, agent.endpoint.info().hostname(),
              free.toResources(role), agent.attributes, null, new Resource.AllocationInfo(role), agent.endpoint.url());
          batches.computeIfAbsent(session, s -> new ArrayList<>()).add(offer);
          break;
        }
      }
    }
    batches.forEach((session, list) -> streams.send(session, SchedulerEvent.offers(list)));
  }

  /** The outstanding offer with this id, or null. */
  OutstandingOffer offer(OfferId id) {
    return offers.get(id);
  }

  /** Forgets an offer and gives what it held back to its agent. */
  void drop(OfferId id) {
    OutstandingOffer offer = offers.remove(id);
    if (offer != null) {
      AgentSlot slot = agents.get(offer.agent());
      if (slot != null) {
        slot.giveBack(offer.resources());
      }
    }
  }

  void dropOffersOf(FrameworkId framework) {
    offers.entrySet().stream().filter(e -> e.getValue().framework().equals(framework)).map(Map.Entry::getKey).toList()
        .forEach(this::drop);
  }

  /** A failover: the new master has made no offers. */
  void dropAll() {
    List.copyOf(offers.keySet()).forEach(this::drop);
  }

  /** An agent became unreachable: its offers are taken back and their holders told (RESCIND). */
  void rescindOffersOn(AgentId agent) {
    offers.entrySet().stream().filter(e -> e.getValue().agent().equals(agent)).map(Map.Entry::getKey).toList()
        .forEach(offerId -> {
          FrameworkSession holder = frameworks.get(offers.get(offerId).framework());
          drop(offerId);
          if (holder != null) {
            streams.send(holder, SchedulerEvent.rescind(offerId));
          }
        });
  }

  /** Takes back this framework's offers among {@code ids}; returns the agents they were for. */
  List<AgentId> release(FrameworkId framework, List<OfferId> ids) {
    List<AgentId> released = new ArrayList<>();
    for (OfferId id : ids) {
      OutstandingOffer offer = offers.get(id);
      if (offer != null && offer.framework().equals(framework)) {
        drop(id);
        released.add(offer.agent());
      }
    }
    return released;
  }

  /** Applies a DECLINE's or ACCEPT's filter: those agents are not offered to this framework for a while. */
  void refuse(FrameworkSession session, Filters filters, List<AgentId> agentIds) {
    double seconds = filters == null ? Filters.DEFAULT_REFUSE_SECONDS : filters.effectiveRefuseSeconds();
    if (seconds <= 0) {
      return;
    }
    Instant until = clock.instant().plusMillis((long) (seconds * 1000));
    agentIds.forEach(agent -> session.refusedUntil.put(agent, until));
    filtersAdded |= !agentIds.isEmpty();
  }

  /**
   * Whether a refusal filter was added since the last time this was asked, so the verticle re-arms
   * its timer only then: looking for the earliest filter walks every agent of every framework, far
   * too much to do for every call and event.
   */
  boolean takeFiltersAdded() {
    boolean added = filtersAdded;
    filtersAdded = false;
    return added;
  }

  /** When the earliest refusal filter ends, so the verticle can allocate again then. */
  Instant nextFilterExpiry() {
    Instant now = clock.instant();
    return frameworks.values().stream().flatMap(f -> f.refusedUntil.values().stream())
        .filter(t -> t.isAfter(now)).min(Instant::compareTo).orElse(null);
  }
}
