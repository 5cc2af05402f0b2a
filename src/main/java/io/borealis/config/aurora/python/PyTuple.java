package io.borealis.config.aurora.python;

import java.util.List;

/** A Python tuple: an immutable list (Python lists are plain {@code ArrayList}s). */
public record PyTuple(List<Object> items) {
  public PyTuple {
    items = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(items));
  }

  @Override
  public String toString() {
    return Py.repr(this);
  }
}
