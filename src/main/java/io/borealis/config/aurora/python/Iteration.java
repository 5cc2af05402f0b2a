package io.borealis.config.aurora.python;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** What {@code for x in value} walks over, for each kind of value. */
final class Iteration {
  private Iteration() {}

  static List<Object> items(Object value) {
    if (value instanceof List<?> list) {
      return new ArrayList<>(list); // a snapshot, so appending while looping cannot loop forever
    } else if (value instanceof PyTuple tuple) {
      return tuple.items();
    } else if (value instanceof Map<?, ?> map) {
      return new ArrayList<>(map.keySet());
    } else if (value instanceof String s) {
      List<Object> chars = new ArrayList<>(s.length());
      s.codePoints().forEach(c -> chars.add(new String(Character.toChars(c))));
      return chars;
    } else if (value instanceof PySequence sequence) {
      return sequence.elements();
    }
    throw PyException.type("'" + Py.typeName(value) + "' object is not iterable");
  }

  /** {@code a, b = value}: the items, which must be exactly {@code count}. */
  static List<Object> unpack(Object value, int count) {
    List<Object> items = items(value);
    if (items.size() != count) {
      throw PyException.value((items.size() > count ? "too many" : "need more than " + items.size())
          + " values to unpack" + (items.size() > count ? " (expected " + count + ")" : ""));
    }
    return items;
  }
}
