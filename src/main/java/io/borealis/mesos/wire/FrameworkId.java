package io.borealis.mesos.wire;

/** Mesos `FrameworkID`: written as `{"value": "..."}`. */
public record FrameworkId(String value) {
  public static FrameworkId of(String value) {
    return new FrameworkId(value);
  }
}
