package io.borealis.config.aurora.python;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Python's view of Java values: None is {@link PyNone}, bool {@link Boolean}, int {@link Long},
 * float {@link Double}, str {@link String}, list {@code ArrayList}, tuple {@link PyTuple}, dict
 * {@code LinkedHashMap}. Other values ({@link PyObject}s) bring their own behaviour.
 */
public final class Py {
  public static final PyNone NONE = PyNone.NONE;

  private Py() {}

  public static String typeName(Object value) {
    if (value instanceof PyNone) {
      return "NoneType";
    } else if (value instanceof Boolean) {
      return "bool";
    } else if (value instanceof Long) {
      return "int";
    } else if (value instanceof Double) {
      return "float";
    } else if (value instanceof String) {
      return "str";
    } else if (value instanceof List) {
      return "list";
    } else if (value instanceof PyTuple) {
      return "tuple";
    } else if (value instanceof Map) {
      return "dict";
    } else if (value instanceof PyObject object) {
      return object.typeName();
    } else if (value instanceof PyCallable) {
      return "function";
    }
    return value.getClass().getSimpleName();
  }

  public static boolean truthy(Object value) {
    if (value instanceof Boolean b) {
      return b;
    } else if (value instanceof PyNone) {
      return false;
    } else if (value instanceof Long l) {
      return l != 0;
    } else if (value instanceof Double d) {
      return d != 0.0;
    } else if (value instanceof String s) {
      return !s.isEmpty();
    } else if (value instanceof Collection<?> c) {
      return !c.isEmpty();
    } else if (value instanceof PyTuple t) {
      return !t.items().isEmpty();
    } else if (value instanceof Map<?, ?> m) {
      return !m.isEmpty();
    } else if (value instanceof PySequence s) {
      return !s.elements().isEmpty();
    }
    return true;
  }

  /** Python's {@code str(value)}. */
  public static String str(Object value) {
    if (value instanceof String s) {
      return s;
    } else if (value instanceof Boolean b) {
      return b ? "True" : "False";
    } else if (value instanceof Double d) {
      return floatStr(d);
    } else if (value instanceof Long || value instanceof PyNone) {
      return value.toString();
    } else if (value instanceof List || value instanceof PyTuple || value instanceof Map) {
      return repr(value);
    }
    return String.valueOf(value);
  }

  /** Python's {@code repr(value)}. */
  public static String repr(Object value) {
    if (value instanceof String s) {
      String quote = s.contains("'") && !s.contains("\"") ? "\"" : "'";
      StringBuilder out = new StringBuilder(quote);
      for (char c : s.toCharArray()) {
        switch (c) {
          case '\n' -> out.append("\\n");
          case '\t' -> out.append("\\t");
          case '\r' -> out.append("\\r");
          case '\\' -> out.append("\\\\");
          default -> out.append(String.valueOf(c).equals(quote) ? "\\" + c : String.valueOf(c));
        }
      }
      return out.append(quote).toString();
    } else if (value instanceof Double d) {
      return floatRepr(d);
    } else if (value instanceof List<?> list) {
      return join("[", list, "]");
    } else if (value instanceof PyTuple tuple) {
      return join("(", tuple.items(), tuple.items().size() == 1 ? ",)" : ")");
    } else if (value instanceof Map<?, ?> map) {
      StringBuilder out = new StringBuilder("{");
      map.forEach((k, v) -> out.append(out.length() > 1 ? ", " : "").append(repr(k)).append(": ").append(repr(v)));
      return out.append('}').toString();
    }
    return str(value);
  }

  private static String join(String open, List<?> items, String close) {
    StringBuilder out = new StringBuilder(open);
    for (int i = 0; i < items.size(); i++) {
      out.append(i == 0 ? "" : ", ").append(repr(items.get(i)));
    }
    return out.append(close).toString();
  }

  /** Python 2's {@code str(float)}: 12 significant digits, and always a '.0' or exponent ({@code 1.0}, {@code 0.1}). */
  public static String floatStr(double d) {
    return formatFloat(d, 12);
  }

  /** Python's {@code repr(float)}: the shortest text that reads back as the same double. */
  public static String floatRepr(double d) {
    return formatFloat(d, 17);
  }

  private static String formatFloat(double d, int digits) {
    if (Double.isNaN(d)) {
      return "nan";
    } else if (Double.isInfinite(d)) {
      return d > 0 ? "inf" : "-inf";
    } else if (d == 0) {
      return (1 / d < 0) ? "-0.0" : "0.0";
    }
    BigDecimal value = digits >= 17 ? new BigDecimal(Double.toString(d)) : new BigDecimal(d).round(new MathContext(digits));
    value = value.stripTrailingZeros();
    int exponent = value.precision() - value.scale() - 1;
    if (exponent < -4 || exponent >= (digits >= 17 ? 16 : digits)) {
      BigDecimal mantissa = value.movePointLeft(exponent);
      String m = mantissa.stripTrailingZeros().toPlainString();
      return m + "e" + (exponent < 0 ? "-" : "+") + (Math.abs(exponent) < 10 ? "0" : "") + Math.abs(exponent);
    }
    String plain = value.toPlainString();
    return plain.contains(".") ? plain : plain + ".0";
  }

  /** Python's {@code ==}: numbers compare by value across int, float and bool. */
  public static boolean equal(Object a, Object b) {
    if (a instanceof Number || a instanceof Boolean) {
      if (b instanceof Number || b instanceof Boolean) {
        return toDouble(a) == toDouble(b);
      }
      return false;
    }
    if (a instanceof List<?> x && b instanceof List<?> y) {
      return listsEqual(x, y);
    }
    if (a instanceof PyTuple x && b instanceof PyTuple y) {
      return listsEqual(x.items(), y.items());
    }
    return a.equals(b);
  }

  private static boolean listsEqual(List<?> x, List<?> y) {
    if (x.size() != y.size()) {
      return false;
    }
    for (int i = 0; i < x.size(); i++) {
      if (!equal(x.get(i), y.get(i))) {
        return false;
      }
    }
    return true;
  }

  public static double toDouble(Object number) {
    if (number instanceof Boolean b) {
      return b ? 1 : 0;
    }
    return ((Number) number).doubleValue();
  }

  static boolean isInt(Object value) {
    return value instanceof Long || value instanceof Boolean;
  }

  static long toLong(Object value) {
    return value instanceof Boolean b ? (b ? 1 : 0) : (Long) value;
  }
}
