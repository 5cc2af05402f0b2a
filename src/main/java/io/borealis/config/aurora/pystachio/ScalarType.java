package io.borealis.config.aurora.pystachio;

import io.borealis.config.aurora.python.Py;
import io.borealis.config.aurora.python.PyException;
import java.util.List;
import java.util.Locale;

/** {@code String}, {@code Integer}, {@code Float}, {@code Boolean} and {@code Enum(...)} types. */
public final class ScalarType extends PType {
  public enum Kind { STRING, INTEGER, FLOAT, BOOLEAN, ENUM }

  public static final ScalarType STRING = new ScalarType(Kind.STRING, "String", List.of());
  public static final ScalarType INTEGER = new ScalarType(Kind.INTEGER, "Integer", List.of());
  public static final ScalarType FLOAT = new ScalarType(Kind.FLOAT, "Float", List.of());
  public static final ScalarType BOOLEAN = new ScalarType(Kind.BOOLEAN, "Boolean", List.of());

  private final Kind kind;
  private final String name;
  private final List<String> values;

  private ScalarType(Kind kind, String name, List<String> values) {
    this.kind = kind;
    this.name = name;
    this.values = List.copyOf(values);
  }

  /** {@code Enum('RO', 'RW')} is named {@code Enum_RO_RW}; {@code Enum('Mode', ('RO', 'RW'))} is {@code Mode}. */
  public static ScalarType enumeration(String name, List<String> values) {
    return new ScalarType(Kind.ENUM, name != null ? name : "Enum_" + String.join("_", values), values);
  }

  public Kind kind() {
    return kind;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public PObject wrap(Object value) {
    Object raw = value instanceof Scalar scalar ? scalar.raw() : value;
    if (kind == Kind.ENUM && raw instanceof String s && !s.contains("{{") && !values.contains(s)) {
      throw PyException.value(name + " only accepts the following values: " + String.join(", ", values));
    }
    return new Scalar(this, raw, List.of());
  }

  /**
   * Python's conversion of a raw value to this type.
   *
   * @throws PyException (CoercionError) {@code Cannot coerce 'x' to Integer}
   */
  Object coerce(Object raw) {
    switch (kind) {
      case STRING:
        if (raw instanceof String || raw instanceof Long || raw instanceof Double || raw instanceof Boolean) {
          return Py.str(raw);
        }
        break;
      case INTEGER:
        if (raw instanceof Long l) {
          return l;
        } else if (raw instanceof Boolean b) {
          return b ? 1L : 0L;
        } else if (raw instanceof Double d && !d.isNaN() && !d.isInfinite()) {
          return (long) d.doubleValue(); // int(1.9) == 1: Python truncates
        } else if (raw instanceof String s) {
          try {
            return Long.parseLong(s.strip());
          } catch (NumberFormatException e) {
            break;
          }
        }
        break;
      case FLOAT:
        if (raw instanceof Number || raw instanceof Boolean) {
          return Py.toDouble(raw);
        } else if (raw instanceof String s) {
          try {
            return Double.parseDouble(s.strip());
          } catch (NumberFormatException e) {
            break;
          }
        }
        break;
      case BOOLEAN:
        if (raw instanceof Boolean) {
          return raw;
        } else if (raw instanceof Long l) {
          return l != 0;
        } else if (raw instanceof Double d) {
          return d != 0;
        } else if (raw instanceof String s) {
          String lower = s.toLowerCase(Locale.ROOT);
          if (lower.equals("true") || lower.equals("1")) {
            return true;
          } else if (lower.equals("false") || lower.equals("0")) {
            return false;
          }
        }
        break;
      case ENUM:
        if (raw instanceof String s) {
          if (values.contains(s)) {
            return s;
          }
          throw coercion(raw, ": " + s + " is not one of " + String.join(", ", values));
        }
        break;
      default:
        break;
    }
    throw coercion(raw, "");
  }

  private PyException coercion(Object raw, String detail) {
    return new PyException("CoercionError", "Cannot coerce '" + Py.str(Values.toPython(raw)) + "' to " + name + detail);
  }

  /** The type predicate applied after interpolation; null when it holds. */
  String failure(Object value) {
    boolean ok = switch (kind) {
      case STRING -> value instanceof String;
      case INTEGER -> value instanceof Long;
      case FLOAT -> value instanceof Long || value instanceof Double;
      case BOOLEAN -> value instanceof Boolean;
      case ENUM -> values.contains(value);
    };
    if (ok) {
      return null;
    }
    String shown = Py.repr(Values.toPython(value));
    return switch (kind) {
      case STRING -> shown + " not a string";
      case INTEGER -> shown + " not an integer";
      case FLOAT -> shown + " not a float";
      case BOOLEAN -> shown + " not a boolean";
      case ENUM -> shown + " not in the enumeration (" + String.join(", ", values) + ")";
    };
  }
}
