package io.borealis.config.aurora.python;

/** A value with attributes ({@code x.name}); only what an implementation lists exists, nothing reflective. */
public interface PyObject {
  /** The attribute's value, or null when there is no such attribute. */
  Object attribute(String name);

  /** The name used in error messages, like Python's {@code type(x).__name__}. */
  String typeName();
}
