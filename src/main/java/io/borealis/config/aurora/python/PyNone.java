package io.borealis.config.aurora.python;

/** Python's {@code None}. */
public enum PyNone {
  NONE;

  @Override
  public String toString() {
    return "None";
  }
}
