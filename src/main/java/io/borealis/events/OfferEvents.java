package io.borealis.events;

import io.borealis.placement.HostOffer;
import java.util.List;

/** Offer changes published on {@link BusAddresses#OFFERS}, by the Mesos client (and, for maintenance, the state owner). */
public final class OfferEvents {
  private OfferEvents() {}

  public sealed interface OfferEvent {}

  public record Offered(List<HostOffer> offers) implements OfferEvent {}

  public record Rescinded(String offerId) implements OfferEvent {}

  /** The subscription was (re)established: every offer held before is gone. */
  public record AllRescinded() implements OfferEvent {}

  /**
   * Published by the state owner when hosts enter or leave maintenance: offers already held may now
   * take pending tasks (or no longer may), so placement should look again.
   */
  public record HostsChanged() implements OfferEvent {}
}
