/**
 * A Vert.x client for the Mesos v1 scheduler API: opens the SUBSCRIBE stream, decodes its RecordIO
 * records into {@link io.borealis.mesos.wire.SchedulerEvent}s on the event loop, follows redirects to
 * the leading master, and sends the other calls on separate requests carrying {@code Mesos-Stream-Id}.
 * A call refused as transient is retried ({@link CallRetry}); one refused because the subscription is
 * stale or unknown ({@link StaleSubscription}) or redirected drops the stream, so that its owner
 * re-subscribes. It knows nothing of Borealis's model; the scheduler's Mesos verticle adapts.
 */
package io.borealis.mesos.client;
