package io.borealis.mesos.wire;

/** Mesos {@code Filters}: how long declined resources stay away from this framework. */
public record Filters(Double refuseSeconds) {
  /** Mesos' own default when no filter is given. */
  public static final double DEFAULT_REFUSE_SECONDS = 5.0;

  public static Filters refuseSeconds(double seconds) {
    return new Filters(seconds);
  }

  public double effectiveRefuseSeconds() {
    return refuseSeconds == null || refuseSeconds < 0 ? DEFAULT_REFUSE_SECONDS : refuseSeconds;
  }
}
