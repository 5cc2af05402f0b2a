package io.borealis.events;

/** Event-bus addresses inside the scheduler JVM. Requests get one reply; events are published. */
public final class BusAddresses {
  private BusAddresses() {}

  /** Requests to the single owner of jobs and tasks ({@link StateRequests}). */
  public static final String STATE = "borealis.state";
  /** {@link ClusterEvent}s, published after each change. */
  public static final String EVENTS = "borealis.events";
  /** {@link MesosCommands} for the Mesos client: launch, kill, decline. */
  public static final String MESOS = "borealis.mesos";
  /** {@link MesosCommands.GetConnection} requests: is the Mesos client subscribed? */
  public static final String MESOS_STATUS = "borealis.mesos.status";
  /** Offers as placement sees them, published by the Mesos client ({@link OfferEvents}). */
  public static final String OFFERS = "borealis.offers";
  /** {@link SandboxRequests} for the Mesos client: where an agent serves a task's sandbox files. */
  public static final String SANDBOXES = "borealis.sandboxes";
}
