package io.borealis.app;

import java.time.Duration;
import picocli.CommandLine.Option;

/** Scheduling options {@code scheduler} and {@code local} share (a picocli mixin). */
final class SchedulingOptions {
  @Option(names = "--preemption-delay", defaultValue = "PT3M",
      description = "How long a task waits for a host before it may preempt less important tasks (ISO-8601, default 3 minutes).")
  Duration preemptionDelay;

  @Option(names = "--zk-ensemble", paramLabel = "HOST:PORT,...",
      description = "ZooKeeper ensemble where executors announce the tasks of jobs with an announce (Aurora's ServerSets); "
          + "without it nothing is announced.")
  String zkEnsemble;
}
