package io.borealis.mesos.wire;

/** Mesos {@code KillPolicy}: the grace period between a graceful and a forced kill. */
public record KillPolicy(DurationInfo gracePeriod) {}
