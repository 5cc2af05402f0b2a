/**
 * What the scheduler's parts say to each other over the Vert.x event bus: the addresses
 * ({@link BusAddresses}), the requests the state verticle answers ({@link StateRequests}), and the
 * {@link ClusterEvent}s it publishes after each change, which the SSE stream and the dashboard show.
 * Every event carries a monotonically increasing id and the reason for the change. Pure records.
 */
package io.borealis.events;
