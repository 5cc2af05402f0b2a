package io.borealis.config.aurora.pystachio;

import io.borealis.config.aurora.python.PyObject;

/** Pystachio's {@code Empty}: the state of a field that is unset and has no default. */
public enum EmptyValue implements PyObject {
  EMPTY;

  @Override
  public Object attribute(String name) {
    return null;
  }

  @Override
  public String typeName() {
    return "Empty";
  }

  @Override
  public String toString() {
    return "Empty";
  }
}
