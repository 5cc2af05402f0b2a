package io.borealis.model;

import java.util.Map;
import java.util.TreeMap;

/**
 * Aurora's {@code Job}: the task template, how many instances run it and how the scheduler treats
 * them. {@code constraints} keep Aurora's map form: attribute name to {@code "limit:N"}, {@code "a,b"}
 * or {@code "!a,b"}. {@code container} is null when the task runs without one; a null
 * {@code partitionPolicy} means Aurora's default; a null {@code announce} that the job joins no ServerSet.
 */
public record JobConfig(
    JobKey key,
    int instances,
    boolean service,
    int maxTaskFailures,
    String tier,
    boolean production,
    int priority,
    String contact,
    TaskConfig task,
    Map<String, String> constraints,
    HealthCheckConfig healthCheck,
    UpdateConfig update,
    ContainerConfig container,
    PartitionPolicy partitionPolicy,
    AnnouncerConfig announce) {

  public static final int DEFAULT_MAX_TASK_FAILURES = 1;
  /**
   * Most instances one job may have. Aurora's {@code max_tasks_per_job} defaults to 4000; Borealis
   * allows 10,000 so that one job can fill a thousand-agent cluster (see bench/).
   */
  public static final int MAX_INSTANCES = 10_000;

  public JobConfig {
    constraints = constraints == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(constraints));
    partitionPolicy = partitionPolicy == null ? PartitionPolicy.DEFAULT : partitionPolicy;
  }

  /** Aurora's tier: the one the job names, else preferred for production jobs and preemptible for the rest. */
  public Tier effectiveTier() {
    Tier named = Tier.named(tier);
    return named != null ? named : production ? Tier.PREFERRED : Tier.PREEMPTIBLE;
  }

  /** Production as quota and preemption see it: the preferred tier ({@code production=True} or {@code tier='preferred'}). */
  public boolean preferred() {
    return effectiveTier() == Tier.PREFERRED;
  }

  /** This config with another instance count (an update moving between two counts holds the larger). */
  public JobConfig withInstances(int count) {
    return count == instances ? this : new JobConfig(key, count, service, maxTaskFailures, tier, production, priority, contact, task,
        constraints, healthCheck, update, container, partitionPolicy, announce);
  }

  /** The ports the scheduler assigns each task: those its processes name, plus the announcer's. */
  public java.util.Set<String> requestedPorts() {
    if (announce == null) {
      return task.requestedPorts();
    }
    java.util.Set<String> ports = new java.util.TreeSet<>(task.requestedPorts());
    ports.addAll(announce.requestedPorts());
    return ports;
  }
}
