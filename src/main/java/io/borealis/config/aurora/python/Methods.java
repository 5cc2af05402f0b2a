package io.borealis.config.aurora.python;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** The methods of Python's built-in str, list and dict that configs use. */
final class Methods {
  private Methods() {}

  /** {@code target.name} as a bound method, or null when the type has no such method. */
  static PyCallable of(Object target, String name) {
    if (target instanceof String s) {
      return string(s, name);
    }
    if (target instanceof List<?> list) {
      @SuppressWarnings("unchecked")
      List<Object> l = (List<Object>) list;
      return list(l, name);
    }
    if (target instanceof Map<?, ?> map) {
      @SuppressWarnings("unchecked")
      Map<Object, Object> m = (Map<Object, Object>) map;
      return dict(m, name);
    }
    return null;
  }

  private static PyCallable string(String s, String name) {
    return switch (name) {
      case "format" -> (site, a, k) -> Formatting.format(s, a, k);
      case "join" -> (site, a, k) -> {
        List<String> parts = new ArrayList<>();
        for (Object item : Iteration.items(arg(a, 0, name))) {
          if (!(item instanceof String part)) {
            throw PyException.type("sequence item: expected string, " + Py.typeName(item) + " found");
          }
          parts.add(part);
        }
        return Budget.checkString(String.join(s, parts));
      };
      case "split" -> (site, a, k) -> split(s, a.isEmpty() || a.get(0) instanceof PyNone ? null : text(a.get(0)),
          a.size() > 1 ? (int) Py.toLong(a.get(1)) : -1);
      case "strip" -> (site, a, k) -> strip(s, a, true, true);
      case "lstrip" -> (site, a, k) -> strip(s, a, true, false);
      case "rstrip" -> (site, a, k) -> strip(s, a, false, true);
      case "replace" -> (site, a, k) -> Budget.checkString(s.replace(text(arg(a, 0, name)), text(arg(a, 1, name))));
      case "startswith" -> (site, a, k) -> s.startsWith(text(arg(a, 0, name)));
      case "endswith" -> (site, a, k) -> s.endsWith(text(arg(a, 0, name)));
      case "upper" -> (site, a, k) -> s.toUpperCase(java.util.Locale.ROOT);
      case "lower" -> (site, a, k) -> s.toLowerCase(java.util.Locale.ROOT);
      case "find" -> (site, a, k) -> (long) s.indexOf(text(arg(a, 0, name)));
      case "count" -> (site, a, k) -> (long) s.split(Pattern.quote(text(arg(a, 0, name))), -1).length - 1;
      case "splitlines" -> (site, a, k) -> new ArrayList<Object>(s.lines().toList());
      case "isdigit" -> (site, a, k) -> !s.isEmpty() && s.chars().allMatch(Character::isDigit);
      default -> null;
    };
  }

  private static List<Object> split(String s, String separator, int max) {
    List<Object> parts = new ArrayList<>();
    if (separator == null) {
      String trimmed = s.strip();
      if (!trimmed.isEmpty()) {
        parts.addAll(Arrays.asList((Object[]) trimmed.split("\\s+", max < 0 ? 0 : max + 1)));
      }
      return parts;
    }
    if (separator.isEmpty()) {
      throw PyException.value("empty separator");
    }
    parts.addAll(Arrays.asList((Object[]) s.split(Pattern.quote(separator), max < 0 ? -1 : max + 1)));
    return parts;
  }

  private static String strip(String s, List<Object> args, boolean left, boolean right) {
    String chars = args.isEmpty() || args.get(0) instanceof PyNone ? " \t\n\r\f\u000b" : text(args.get(0));
    int start = 0;
    int end = s.length();
    while (left && start < end && chars.indexOf(s.charAt(start)) >= 0) {
      start++;
    }
    while (right && end > start && chars.indexOf(s.charAt(end - 1)) >= 0) {
      end--;
    }
    return s.substring(start, end);
  }

  private static PyCallable list(List<Object> list, String name) {
    return switch (name) {
      case "append" -> (site, a, k) -> {
        Budget.checkSize(list.size() + 1L);
        list.add(arg(a, 0, name));
        return Py.NONE;
      };
      case "extend" -> (site, a, k) -> {
        List<Object> items = Iteration.items(arg(a, 0, name));
        Budget.checkSize((long) list.size() + items.size());
        list.addAll(items);
        return Py.NONE;
      };
      case "insert" -> (site, a, k) -> {
        int at = (int) Math.max(0, Math.min(list.size(), Py.toLong(arg(a, 0, name))));
        list.add(at, arg(a, 1, name));
        return Py.NONE;
      };
      case "pop" -> (site, a, k) -> {
        if (list.isEmpty()) {
          throw new PyException("IndexError", "pop from empty list");
        }
        return list.remove(a.isEmpty() ? list.size() - 1 : Subscripts.index(list.size(), a.get(0)));
      };
      case "index" -> (site, a, k) -> {
        for (int i = 0; i < list.size(); i++) {
          if (Py.equal(list.get(i), arg(a, 0, name))) {
            return (long) i;
          }
        }
        throw PyException.value(Py.repr(arg(a, 0, name)) + " is not in list");
      };
      case "count" -> (site, a, k) -> list.stream().filter(x -> Py.equal(x, arg(a, 0, name))).count();
      case "reverse" -> (site, a, k) -> {
        Collections.reverse(list);
        return Py.NONE;
      };
      case "sort" -> (site, a, k) -> {
        list.sort((x, y) -> Operators.order(x, y, "<"));
        return Py.NONE;
      };
      default -> null;
    };
  }

  private static PyCallable dict(Map<Object, Object> map, String name) {
    return switch (name) {
      case "get" -> (site, a, k) -> map.containsKey(arg(a, 0, name)) ? map.get(a.get(0)) : (a.size() > 1 ? a.get(1) : Py.NONE);
      case "keys", "iterkeys" -> (site, a, k) -> new ArrayList<>(map.keySet());
      case "values", "itervalues" -> (site, a, k) -> new ArrayList<>(map.values());
      case "items", "iteritems" -> (site, a, k) -> {
        List<Object> items = new ArrayList<>();
        map.forEach((key, value) -> items.add(new PyTuple(List.of(key, value))));
        return items;
      };
      case "has_key" -> (site, a, k) -> map.containsKey(arg(a, 0, name));
      case "update" -> (site, a, k) -> {
        if (!a.isEmpty()) {
          if (!(a.get(0) instanceof Map<?, ?> other)) {
            throw PyException.type("dict.update expects a dict, got " + Py.typeName(a.get(0)));
          }
          map.putAll(other);
        }
        map.putAll(k);
        return Py.NONE;
      };
      case "setdefault" -> (site, a, k) -> map.computeIfAbsent(arg(a, 0, name), key -> a.size() > 1 ? a.get(1) : Py.NONE);
      case "pop" -> (site, a, k) -> {
        Object key = arg(a, 0, name);
        if (!map.containsKey(key) && a.size() < 2) {
          throw new PyException("KeyError", Py.repr(key));
        }
        return map.containsKey(key) ? map.remove(key) : a.get(1);
      };
      case "copy" -> (site, a, k) -> {
        Map<Object, Object> copy = Operators.dict();
        copy.putAll(map);
        return copy;
      };
      default -> null;
    };
  }

  static Object arg(List<Object> args, int index, String method) {
    if (index >= args.size()) {
      throw PyException.type(method + "() takes at least " + (index + 1) + " argument" + (index == 0 ? "" : "s")
          + " (" + args.size() + " given)");
    }
    return args.get(index);
  }

  static String text(Object value) {
    if (!(value instanceof String s)) {
      throw PyException.type("expected a string, got " + Py.typeName(value));
    }
    return s;
  }
}
