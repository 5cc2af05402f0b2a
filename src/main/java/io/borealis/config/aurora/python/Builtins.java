package io.borealis.config.aurora.python;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Python's harmless builtins: conversions, len, range, sorted, min/max... Nothing that touches the world. */
public final class Builtins {
  private Builtins() {}

  public static Map<String, Object> create() {
    Map<String, Object> b = new HashMap<>();
    b.put("len", fn((a, k) -> (long) Iteration.items(one(a, "len")).size()));
    b.put("str", fn((a, k) -> a.isEmpty() ? "" : Py.str(a.get(0))));
    b.put("unicode", b.get("str"));
    b.put("repr", fn((a, k) -> Py.repr(one(a, "repr"))));
    b.put("int", fn((a, k) -> toInt(a)));
    b.put("long", b.get("int"));
    b.put("float", fn((a, k) -> toFloat(a.isEmpty() ? 0L : a.get(0))));
    b.put("bool", fn((a, k) -> !a.isEmpty() && Py.truthy(a.get(0))));
    b.put("list", fn((a, k) -> a.isEmpty() ? new ArrayList<>() : new ArrayList<>(Iteration.items(a.get(0)))));
    b.put("tuple", fn((a, k) -> new PyTuple(a.isEmpty() ? List.of() : Iteration.items(a.get(0)))));
    b.put("dict", fn(Builtins::dict));
    b.put("range", fn(Builtins::range));
    b.put("xrange", b.get("range"));
    b.put("enumerate", fn((a, k) -> {
      List<Object> out = new ArrayList<>();
      long i = a.size() > 1 ? Py.toLong(a.get(1)) : 0;
      for (Object item : Iteration.items(one(a, "enumerate"))) {
        out.add(new PyTuple(List.of(i++, item)));
      }
      return out;
    }));
    b.put("zip", fn((a, k) -> {
      List<List<Object>> lists = a.stream().map(Iteration::items).toList();
      int size = lists.stream().mapToInt(List::size).min().orElse(0);
      List<Object> out = new ArrayList<>();
      for (int i = 0; i < size; i++) {
        List<Object> row = new ArrayList<>();
        for (List<Object> l : lists) {
          row.add(l.get(i));
        }
        out.add(new PyTuple(row));
      }
      return out;
    }));
    b.put("sorted", fn((a, k) -> {
      List<Object> items = new ArrayList<>(Iteration.items(one(a, "sorted")));
      items.sort((x, y) -> Operators.order(x, y, "<"));
      if (k.containsKey("reverse") && Py.truthy(k.get("reverse"))) {
        java.util.Collections.reverse(items);
      }
      return items;
    }));
    b.put("reversed", fn((a, k) -> {
      List<Object> items = new ArrayList<>(Iteration.items(one(a, "reversed")));
      java.util.Collections.reverse(items);
      return items;
    }));
    b.put("min", fn((a, k) -> extreme(a, -1)));
    b.put("max", fn((a, k) -> extreme(a, 1)));
    b.put("sum", fn((a, k) -> {
      Object total = a.size() > 1 ? a.get(1) : 0L;
      for (Object item : Iteration.items(one(a, "sum"))) {
        total = Operators.binary("+", total, item);
      }
      return total;
    }));
    b.put("abs", fn((a, k) -> {
      Object v = one(a, "abs");
      return v instanceof Double d ? Math.abs(d) : (Object) Math.abs(Py.toLong(v));
    }));
    b.put("round", fn((a, k) -> {
      double v = Py.toDouble(one(a, "round"));
      double scale = Math.pow(10, a.size() > 1 ? Py.toLong(a.get(1)) : 0);
      return Math.signum(v) * Math.floor(Math.abs(v) * scale + 0.5) / scale;
    }));
    b.put("any", fn((a, k) -> Iteration.items(one(a, "any")).stream().anyMatch(Py::truthy)));
    b.put("all", fn((a, k) -> Iteration.items(one(a, "all")).stream().allMatch(Py::truthy)));
    b.put("print", fn((a, k) -> Py.NONE)); // a config has no console; output is dropped
    return b;
  }

  private interface Body {
    Object apply(List<Object> args, Map<String, Object> kwargs);
  }

  private static PyCallable fn(Body body) {
    return (site, args, kwargs) -> body.apply(args, kwargs);
  }

  private static Object one(List<Object> args, String name) {
    if (args.isEmpty()) {
      throw PyException.type(name + "() takes at least 1 argument (0 given)");
    }
    return args.get(0);
  }

  private static Object toInt(List<Object> args) {
    if (args.isEmpty()) {
      return 0L;
    }
    Object v = args.get(0);
    if (Py.isInt(v)) {
      return Py.toLong(v);
    } else if (v instanceof Double d) {
      return (long) d.doubleValue();
    } else if (v instanceof String s) {
      try {
        return Long.parseLong(s.strip(), args.size() > 1 ? (int) Py.toLong(args.get(1)) : 10);
      } catch (NumberFormatException e) {
        throw PyException.value("invalid literal for int(): " + Py.repr(s));
      }
    }
    throw PyException.type("int() argument must be a string or a number, not '" + Py.typeName(v) + "'");
  }

  static Object toFloat(Object v) {
    if (v instanceof Number || v instanceof Boolean) {
      return Py.toDouble(v);
    } else if (v instanceof String s) {
      try {
        return Double.parseDouble(s.strip());
      } catch (NumberFormatException e) {
        throw PyException.value("could not convert string to float: " + s);
      }
    }
    throw PyException.type("float() argument must be a string or a number");
  }

  private static Object dict(List<Object> args, Map<String, Object> kwargs) {
    Map<Object, Object> out = new LinkedHashMap<>();
    if (!args.isEmpty()) {
      if (args.get(0) instanceof Map<?, ?> map) {
        out.putAll(map);
      } else {
        for (Object pair : Iteration.items(args.get(0))) {
          List<Object> kv = Iteration.unpack(pair, 2);
          out.put(kv.get(0), kv.get(1));
        }
      }
    }
    out.putAll(kwargs);
    return out;
  }

  private static Object range(List<Object> args, Map<String, Object> kwargs) {
    long start = args.size() > 1 ? Py.toLong(args.get(0)) : 0;
    long stop = Py.toLong(args.size() > 1 ? args.get(1) : one(args, "range"));
    long step = args.size() > 2 ? Py.toLong(args.get(2)) : 1;
    if (step == 0) {
      throw PyException.value("range() step argument must not be zero");
    }
    long count = Math.max(0, (stop - start + step + (step > 0 ? -1 : 1)) / step);
    Budget.checkSize(count);
    List<Object> out = new ArrayList<>((int) count);
    for (long i = start; step > 0 ? i < stop : i > stop; i += step) {
      out.add(i);
    }
    return out;
  }

  private static Object extreme(List<Object> args, int sign) {
    List<Object> items = args.size() == 1 ? Iteration.items(args.get(0)) : args;
    if (items.isEmpty()) {
      throw PyException.value((sign < 0 ? "min" : "max") + "() arg is an empty sequence");
    }
    Object best = items.get(0);
    for (Object item : items) {
      if (Integer.signum(Operators.order(item, best, sign < 0 ? "<" : ">")) == sign) {
        best = item;
      }
    }
    return best;
  }
}
