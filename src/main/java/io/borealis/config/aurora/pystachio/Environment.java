package io.borealis.config.aurora.pystachio;

import io.borealis.config.aurora.python.Py;
import io.borealis.config.aurora.python.PyException;
import io.borealis.config.aurora.python.PyObject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Pystachio's {@code Environment}: a flat table from {@link Ref} to a value (a string, a
 * {@link PObject} or another Environment). Nested dicts flatten to dotted keys. Lookups match a key
 * exactly, or else descend into the value of the longest key that is a prefix of the reference.
 */
public final class Environment implements Namable, PyObject {
  private final Map<Ref, Object> table;

  private Environment(Map<Ref, Object> table) {
    this.table = table;
  }

  /** From a Python dict (or {@code --bind} strings): values must be str, numbers, bools, Objects or Environments. */
  public static Environment of(Map<?, ?> values) {
    Map<Ref, Object> table = new LinkedHashMap<>();
    flatten(null, values, table);
    return new Environment(table);
  }

  static Environment single(String key, Object value) {
    Map<Ref, Object> table = new LinkedHashMap<>();
    table.put(Ref.parse(key), value);
    return new Environment(table);
  }

  private static void flatten(Ref prefix, Map<?, ?> values, Map<Ref, Object> table) {
    values.forEach((key, value) -> {
      Ref ref = key instanceof Ref r ? r : Ref.parse(Py.str(key));
      if (prefix != null) {
        List<Ref.Component> parts = new ArrayList<>(prefix.components());
        parts.addAll(ref.components());
        ref = new Ref(parts);
      }
      if (value instanceof Map<?, ?> nested) {
        flatten(ref, nested, table);
      } else if (value instanceof String || value instanceof Long || value instanceof Double || value instanceof Boolean) {
        table.put(ref, Py.str(value));
      } else if (value instanceof PObject || value instanceof Environment) {
        table.put(ref, value);
      } else {
        throw PyException.value("Environment values must be strings, numbers, Objects or other Environments. Got "
            + Py.repr(value));
      }
    });
  }

  @Override
  public Object find(Ref ref, Interpolation context) {
    context.lookup();
    Object exact = table.get(ref);
    if (exact != null) {
      return exact;
    }
    List<Map.Entry<Ref, Object>> prefixes = new ArrayList<>();
    for (Map.Entry<Ref, Object> entry : table.entrySet()) {
      if (entry.getValue() instanceof Namable && entry.getKey().suffixOf(ref) != null) {
        prefixes.add(entry);
      }
    }
    prefixes.sort(Comparator.comparing((Map.Entry<Ref, Object> e) -> e.getKey().components().size()).reversed());
    for (Map.Entry<Ref, Object> entry : prefixes) {
      try {
        return ((Namable) entry.getValue()).find(entry.getKey().suffixOf(ref), context);
      } catch (NotFound e) {
        // try a shorter prefix
      }
    }
    throw NotFound.INSTANCE;
  }

  @Override
  public Object attribute(String name) {
    return null;
  }

  @Override
  public String typeName() {
    return "Environment";
  }

  @Override
  public String toString() {
    return "Environment(" + table + ")";
  }
}
