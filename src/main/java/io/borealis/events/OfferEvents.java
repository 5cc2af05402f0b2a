package io.borealis.events;

import io.borealis.placement.HostOffer;
import java.util.List;

/** Offer changes published by the Mesos client on {@link BusAddresses#OFFERS}. */
public final class OfferEvents {
  private OfferEvents() {}

  public sealed interface OfferEvent {}

  public record Offered(List<HostOffer> offers) implements OfferEvent {}

  public record Rescinded(String offerId) implements OfferEvent {}

  /** The subscription was (re)established: every offer held before is gone. */
  public record AllRescinded() implements OfferEvent {}
}
