package io.borealis.mesos.wire;

/** Mesos `ContainerID`: written as `{"value": "..."}`. */
public record ContainerId(String value) {
  public static ContainerId of(String value) {
    return new ContainerId(value);
  }
}
