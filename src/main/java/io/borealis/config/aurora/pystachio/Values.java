package io.borealis.config.aurora.pystachio;

import io.borealis.config.aurora.python.PyTuple;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Conversions between Python values and what Pystachio's {@code get()} answers. */
public final class Values {
  private Values() {}

  /** A {@code get()} result as a config sees it: mutable lists and dicts. */
  public static Object toPython(Object plain) {
    if (plain instanceof List<?> list) {
      List<Object> out = new ArrayList<>();
      list.forEach(item -> out.add(toPython(item)));
      return out;
    }
    if (plain instanceof Map<?, ?> map) {
      Map<Object, Object> out = new LinkedHashMap<>();
      map.forEach((k, v) -> out.put(toPython(k), toPython(v)));
      return out;
    }
    return plain;
  }

  /** The items of a Python list or tuple, or null when {@code value} is neither. */
  static List<?> sequence(Object value) {
    if (value instanceof List<?> list) {
      return list;
    } else if (value instanceof PyTuple tuple) {
      return tuple.items();
    }
    return null;
  }
}
