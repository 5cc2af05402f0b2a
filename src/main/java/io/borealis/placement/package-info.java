/**
 * Placement: which pending task goes on which offered host. The scheduler turns Mesos offers into
 * {@link HostOffer}s (Borealis's own view, no Mesos types) and pending tasks into
 * {@link PlacementRequest}s; {@link OfferMatcher} returns the {@link Assignment}s it could make and,
 * for every task it could not place, the {@link Veto}es that say why (shown as the pending reason).
 * Pure: no I/O, no clock.
 */
package io.borealis.placement;
