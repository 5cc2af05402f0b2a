package io.borealis.config.aurora.python;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@code x[i]}, {@code x[a:b:c]} and {@code x[k] = v} on lists, tuples, strings and dicts. */
final class Subscripts {
  private Subscripts() {}

  static Object get(Object target, Object key) {
    if (target instanceof Map<?, ?> map) {
      if (!map.containsKey(key)) {
        throw new PyException("KeyError", Py.repr(key));
      }
      return map.get(key);
    }
    if (target instanceof PySequence sequence) {
      return sequence.item(key);
    }
    if (target instanceof PyObject object && object.attribute("__getitem__") instanceof PyCallable getter) {
      return getter.call(null, List.of(key), Map.of());
    }
    List<?> items = sequence(target);
    return items.get(index(items.size(), key));
  }

  static int index(int size, Object key) {
    if (!Py.isInt(key)) {
      throw PyException.type("indices must be integers, not " + Py.typeName(key));
    }
    long i = Py.toLong(key);
    long actual = i < 0 ? i + size : i;
    if (actual < 0 || actual >= size) {
      throw new PyException("IndexError", "index " + i + " out of range");
    }
    return (int) actual;
  }

  static Object slice(Object target, Object lower, Object upper, Object step) {
    List<?> items = sequence(target);
    int size = items.size();
    long by = step == null ? 1 : Py.toLong(step);
    if (by == 0) {
      throw PyException.value("slice step cannot be zero");
    }
    long from = bound(lower, by > 0 ? 0 : size - 1, size, by);
    long to = bound(upper, by > 0 ? size : -1, size, by);
    List<Object> out = new ArrayList<>();
    for (long i = from; by > 0 ? i < to : i > to; i += by) {
      out.add(items.get((int) i));
    }
    if (target instanceof String) {
      StringBuilder s = new StringBuilder();
      out.forEach(s::append);
      return s.toString();
    }
    return target instanceof PyTuple ? new PyTuple(out) : out;
  }

  private static long bound(Object value, long fallback, int size, long step) {
    if (value == null || value instanceof PyNone) {
      return fallback;
    }
    long i = Py.toLong(value);
    if (i < 0) {
      i += size;
    }
    return step > 0 ? Math.max(0, Math.min(size, i)) : Math.max(-1, Math.min(size - 1, i));
  }

  private static List<?> sequence(Object target) {
    if (target instanceof List<?> list) {
      return list;
    } else if (target instanceof PyTuple tuple) {
      return tuple.items();
    } else if (target instanceof String || target instanceof PySequence) {
      return Iteration.items(target);
    }
    throw PyException.type("'" + Py.typeName(target) + "' object is not subscriptable");
  }

  @SuppressWarnings("unchecked")
  static void set(Object target, Object key, Object value) {
    if (target instanceof Map<?, ?> map) {
      ((Map<Object, Object>) map).put(key, value);
    } else if (target instanceof List<?> list) {
      ((List<Object>) list).set(index(list.size(), key), value);
    } else {
      throw PyException.type("'" + Py.typeName(target) + "' object does not support item assignment");
    }
  }
}
