package io.borealis.devcluster;

import io.borealis.mesos.wire.Attribute;
import java.time.Instant;
import java.util.List;

/**
 * An agent and what of it is allocated (to tasks, executors and outstanding offers). The free part
 * is kept rather than derived: allocation looks at every agent after every change, and port-range
 * arithmetic on each of a thousand agents each time would dominate.
 */
final class AgentSlot {
  final AgentEndpoint endpoint;
  final ResourceBag total;
  final List<Attribute> attributes;
  private ResourceBag allocated = ResourceBag.EMPTY;
  private ResourceBag unallocated;
  /** Not heard from for longer than the ping timeout: its tasks were reported unreachable, it gets no offers. */
  boolean unreachable;
  Instant lastSeen;

  AgentSlot(AgentEndpoint endpoint, ResourceBag total, List<Attribute> attributes) {
    this.endpoint = endpoint;
    this.total = total;
    this.attributes = attributes;
    this.unallocated = total;
  }

  ResourceBag unallocated() {
    return unallocated;
  }

  void take(ResourceBag resources) {
    allocated = allocated.plus(resources);
    unallocated = total.minus(allocated);
  }

  void giveBack(ResourceBag resources) {
    allocated = allocated.minus(resources);
    unallocated = total.minus(allocated);
  }

  /** What the agent said it runs when it re-registered replaces what the master remembered. */
  void reset(ResourceBag inUse) {
    allocated = inUse;
    unallocated = total.minus(allocated);
  }
}
