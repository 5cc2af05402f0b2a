package io.borealis.updates;

import io.borealis.model.JobConfig;

/**
 * What an update does to one instance: from the config it runs (null: the instance does not exist)
 * to the config it should run (null: the instance goes away).
 */
public record InstanceGoal(int instance, JobConfig from, JobConfig to) {
  public InstanceGoal {
    if (from == null && to == null) {
      throw new IllegalArgumentException("instance " + instance + ": an update goal needs a config on at least one side");
    }
  }

  public Kind kind() {
    return from == null ? Kind.ADD : to == null ? Kind.REMOVE : Kind.CHANGE;
  }

  /** The same instance the other way round: what rolling it back means. */
  public InstanceGoal reversed() {
    return new InstanceGoal(instance, to, from);
  }

  public enum Kind { ADD, CHANGE, REMOVE }
}
