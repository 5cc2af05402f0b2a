package io.borealis.mesos.wire;

import java.util.List;

/** Mesos {@code ExecutorInfo}: how an agent starts a custom executor, and in what container (null: none). */
public record ExecutorInfo(
    ExecutorType type,
    ExecutorId executorId,
    FrameworkId frameworkId,
    CommandInfo command,
    List<Resource> resources,
    String name,
    DurationInfo shutdownGracePeriod,
    ContainerInfo container) {

  public enum ExecutorType { UNKNOWN, DEFAULT, CUSTOM }

  public ExecutorInfo withFrameworkId(FrameworkId id) {
    return new ExecutorInfo(type, executorId, id, command, resources, name, shutdownGracePeriod, container);
  }
}
