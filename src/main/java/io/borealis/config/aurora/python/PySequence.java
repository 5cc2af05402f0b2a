package io.borealis.config.aurora.python;

import java.util.List;

/** A non-Python-native value that can be iterated and indexed like a list (Pystachio's List). */
public interface PySequence {
  /** The elements as the config sees them when iterating. */
  List<Object> elements();

  /** {@code x[key]}. */
  Object item(Object key);
}
