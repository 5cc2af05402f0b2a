package io.borealis.mesos.wire;

/** Mesos `TaskID`: written as `{"value": "..."}`. */
public record TaskId(String value) {
  public static TaskId of(String value) {
    return new TaskId(value);
  }
}
