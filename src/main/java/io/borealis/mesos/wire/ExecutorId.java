package io.borealis.mesos.wire;

/** Mesos `ExecutorID`: written as `{"value": "..."}`. */
public record ExecutorId(String value) {
  public static ExecutorId of(String value) {
    return new ExecutorId(value);
  }
}
