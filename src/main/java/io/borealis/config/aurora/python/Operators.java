package io.borealis.config.aurora.python;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Python 2 arithmetic and comparison on the interpreter's values. */
final class Operators {
  private Operators() {}

  static Object binary(String op, Object a, Object b) {
    if (Py.isInt(a) && Py.isInt(b)) {
      return integer(op, Py.toLong(a), Py.toLong(b));
    }
    if (isNumber(a) && isNumber(b)) {
      return floating(op, Py.toDouble(a), Py.toDouble(b));
    }
    switch (op) {
      case "+":
        if (a instanceof String x && b instanceof String y) {
          return Budget.checkString(x + y);
        }
        if (a instanceof List<?> x && b instanceof List<?> y) {
          List<Object> joined = new ArrayList<>(x);
          joined.addAll(y);
          Budget.checkSize(joined.size());
          return joined;
        }
        if (a instanceof PyTuple x && b instanceof PyTuple y) {
          List<Object> joined = new ArrayList<>(x.items());
          joined.addAll(y.items());
          return new PyTuple(joined);
        }
        break;
      case "*":
        if (a instanceof String || a instanceof List || a instanceof PyTuple) {
          return repeat(a, b, op);
        }
        if (b instanceof String || b instanceof List || b instanceof PyTuple) {
          return repeat(b, a, op);
        }
        break;
      case "%":
        if (a instanceof String format) {
          return Formatting.percent(format, b);
        }
        break;
      default:
        break;
    }
    throw unsupported(op, a, b);
  }

  private static PyException unsupported(String op, Object a, Object b) {
    return PyException.type("unsupported operand type(s) for " + op + ": '" + Py.typeName(a) + "' and '" + Py.typeName(b) + "'");
  }

  private static boolean isNumber(Object value) {
    return value instanceof Long || value instanceof Double || value instanceof Boolean;
  }

  private static Object repeat(Object sequence, Object times, String op) {
    if (!Py.isInt(times)) {
      throw unsupported(op, sequence, times);
    }
    long n = Math.max(0, Py.toLong(times));
    if (sequence instanceof String s) {
      Budget.checkString(n * s.length() > Budget.MAX_STRING ? "x".repeat(Budget.MAX_STRING + 1) : "");
      return s.repeat((int) n);
    }
    List<?> items = sequence instanceof PyTuple t ? t.items() : (List<?>) sequence;
    Budget.checkSize(n * items.size());
    List<Object> out = new ArrayList<>();
    for (long i = 0; i < n; i++) {
      out.addAll(items);
    }
    return sequence instanceof PyTuple ? new PyTuple(out) : out;
  }

  private static Object integer(String op, long a, long b) {
    try {
      return switch (op) {
        case "+" -> Math.addExact(a, b);
        case "-" -> Math.subtractExact(a, b);
        case "*" -> Math.multiplyExact(a, b);
        case "/", "//" -> Math.floorDiv(a, nonZero(b)); // Python 2: int / int floors
        case "%" -> Math.floorMod(a, nonZero(b));
        case "**" -> b < 0 ? (Object) Math.pow(a, b) : power(a, b);
        default -> throw PyException.type("unsupported operator " + op);
      };
    } catch (ArithmeticException e) {
      throw new PyException("OverflowError", "integer result of " + a + " " + op + " " + b + " is too large");
    }
  }

  private static long power(long base, long exponent) {
    long result = 1;
    for (long i = 0; i < exponent; i++) {
      result = Math.multiplyExact(result, base);
      if (result == 0 || result == 1 && (base == 1 || base == 0)) {
        return result;
      }
    }
    return result;
  }

  private static long nonZero(long b) {
    if (b == 0) {
      throw new PyException("ZeroDivisionError", "integer division or modulo by zero");
    }
    return b;
  }

  private static Object floating(String op, double a, double b) {
    if ((op.equals("/") || op.equals("//") || op.equals("%")) && b == 0) {
      throw new PyException("ZeroDivisionError", "float division by zero");
    }
    return switch (op) {
      case "+" -> a + b;
      case "-" -> a - b;
      case "*" -> a * b;
      case "/" -> a / b;
      case "//" -> Math.floor(a / b);
      case "%" -> a - b * Math.floor(a / b);
      case "**" -> Math.pow(a, b);
      default -> throw PyException.type("unsupported operator " + op);
    };
  }

  static Object unary(String op, Object value) {
    if (op.equals("not")) {
      return !Py.truthy(value);
    }
    if (Py.isInt(value)) {
      long v = Py.toLong(value);
      return switch (op) {
        case "-" -> -v;
        case "~" -> ~v;
        default -> v;
      };
    }
    if (value instanceof Double d && !op.equals("~")) {
      return op.equals("-") ? -d : d;
    }
    throw PyException.type("bad operand type for unary " + op + ": '" + Py.typeName(value) + "'");
  }

  static boolean compare(String op, Object a, Object b) {
    switch (op) {
      case "==": return Py.equal(a, b);
      case "!=": return !Py.equal(a, b);
      case "is": return a == b || a instanceof PyNone && b instanceof PyNone || a instanceof Boolean && a.equals(b);
      case "is not": return !compare("is", a, b);
      case "in": return contains(b, a);
      case "not in": return !contains(b, a);
      default: break;
    }
    int order = order(a, b, op);
    return switch (op) {
      case "<" -> order < 0;
      case "<=" -> order <= 0;
      case ">" -> order > 0;
      default -> order >= 0;
    };
  }

  static int order(Object a, Object b, String op) {
    if (isNumber(a) && isNumber(b)) {
      return Double.compare(Py.toDouble(a), Py.toDouble(b));
    }
    if (a instanceof String x && b instanceof String y) {
      return x.compareTo(y);
    }
    List<?> x = a instanceof PyTuple t ? t.items() : a instanceof List<?> l ? l : null;
    List<?> y = b instanceof PyTuple t ? t.items() : b instanceof List<?> l ? l : null;
    if (x != null && y != null) {
      for (int i = 0; i < Math.min(x.size(), y.size()); i++) {
        if (!Py.equal(x.get(i), y.get(i))) {
          return order(x.get(i), y.get(i), op);
        }
      }
      return Integer.compare(x.size(), y.size());
    }
    throw PyException.type("cannot compare '" + Py.typeName(a) + "' " + op + " '" + Py.typeName(b) + "'");
  }

  static boolean contains(Object container, Object item) {
    if (container instanceof String s) {
      if (!(item instanceof String sub)) {
        throw PyException.type("'in <string>' requires a string as left operand");
      }
      return s.contains(sub);
    }
    if (container instanceof Map<?, ?> map) {
      return map.containsKey(item);
    }
    for (Object element : Iteration.items(container)) {
      if (Py.equal(element, item)) {
        return true;
      }
    }
    return false;
  }

  static Map<Object, Object> dict() {
    return new LinkedHashMap<>();
  }
}
