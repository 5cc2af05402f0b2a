package io.borealis.config.aurora.python;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Python's string formatting: {@code 'x=%s' % x}, {@code '%(name)s' % dict} and {@code '{0}'.format(x)}. */
final class Formatting {
  private Formatting() {}

  static String percent(String format, Object args) {
    List<Object> positional = args instanceof PyTuple t ? t.items() : List.of(args);
    Map<?, ?> named = args instanceof Map<?, ?> m ? m : null;
    StringBuilder out = new StringBuilder();
    int next = 0;
    int i = 0;
    while (i < format.length()) {
      char c = format.charAt(i++);
      if (c != '%') {
        out.append(c);
        continue;
      }
      if (i >= format.length()) {
        throw PyException.value("incomplete format");
      }
      Object value = null;
      if (format.charAt(i) == '(') {
        int close = format.indexOf(')', i);
        if (named == null || close < 0) {
          throw PyException.type("format requires a mapping");
        }
        String key = format.substring(i + 1, close);
        if (!named.containsKey(key)) {
          throw new PyException("KeyError", Py.repr(key));
        }
        value = named.get(key);
        i = close + 1;
      }
      int specStart = i;
      while (i < format.length() && "-+ #0123456789.".indexOf(format.charAt(i)) >= 0) {
        i++;
      }
      if (i >= format.length()) {
        throw PyException.value("incomplete format");
      }
      String flags = format.substring(specStart, i);
      char conversion = format.charAt(i++);
      if (conversion == '%') {
        out.append('%');
        continue;
      }
      if (value == null) {
        if (next >= positional.size()) {
          throw PyException.type("not enough arguments for format string");
        }
        value = positional.get(next++);
      }
      out.append(convert(conversion, flags, value));
    }
    if (named == null && next < positional.size()) {
      throw PyException.type("not all arguments converted during string formatting");
    }
    return Budget.checkString(out.toString());
  }

  /** One {@code %} conversion with its flags, such as {@code 5.2f}. */
  static String convert(char conversion, String flags, Object value) {
    String javaFlags = flags.replace("#", "");
    switch (conversion) {
      case 's':
        return pad(Py.str(value), javaFlags);
      case 'r':
        return pad(Py.repr(value), javaFlags);
      case 'd': case 'i': case 'u':
        return String.format(Locale.ROOT, "%" + javaFlags + "d", integer(value));
      case 'x': case 'X': case 'o':
        return String.format(Locale.ROOT, "%" + javaFlags + conversion, integer(value));
      case 'f': case 'F': case 'e': case 'E': case 'g': case 'G':
        if (!(value instanceof Number) && !(value instanceof Boolean)) {
          throw PyException.type("float argument required, not " + Py.typeName(value));
        }
        String spec = javaFlags.contains(".") ? javaFlags : javaFlags + ".6";
        return String.format(Locale.ROOT, "%" + spec + Character.toLowerCase(conversion), Py.toDouble(value));
      default:
        throw PyException.value("unsupported format character '" + conversion + "'");
    }
  }

  private static long integer(Object value) {
    if (Py.isInt(value)) {
      return Py.toLong(value);
    }
    if (value instanceof Double d) {
      return (long) d.doubleValue();
    }
    throw PyException.type("%d format: a number is required, not " + Py.typeName(value));
  }

  private static String pad(String text, String flags) {
    String width = flags.replaceAll("\\..*", "").replace("0", "").replace("+", "").replace(" ", "");
    if (flags.contains(".")) {
      int precision = Integer.parseInt(flags.substring(flags.indexOf('.') + 1).isEmpty() ? "0" : flags.substring(flags.indexOf('.') + 1));
      text = text.substring(0, Math.min(text.length(), precision));
    }
    if (width.isEmpty() || width.equals("-")) {
      return text;
    }
    return String.format(Locale.ROOT, "%" + width + "s", text);
  }

  /** {@code str.format}: {@code {}}, {@code {0}}, {@code {name}}, {@code {0:spec}}, and {@code {{ }}} escapes. */
  static String format(String template, List<Object> args, Map<String, Object> kwargs) {
    StringBuilder out = new StringBuilder();
    int auto = 0;
    int i = 0;
    while (i < template.length()) {
      char c = template.charAt(i);
      if (c == '{' && i + 1 < template.length() && template.charAt(i + 1) == '{'
          || c == '}' && i + 1 < template.length() && template.charAt(i + 1) == '}') {
        out.append(c);
        i += 2;
        continue;
      }
      if (c == '}') {
        throw PyException.value("Single '}' encountered in format string");
      }
      if (c != '{') {
        out.append(c);
        i++;
        continue;
      }
      int close = template.indexOf('}', i);
      if (close < 0) {
        throw PyException.value("Single '{' encountered in format string");
      }
      String field = template.substring(i + 1, close);
      String spec = "";
      int colon = field.indexOf(':');
      if (colon >= 0) {
        spec = field.substring(colon + 1);
        field = field.substring(0, colon);
      }
      Object value;
      if (field.isEmpty()) {
        value = positional(args, auto++);
      } else if (field.chars().allMatch(Character::isDigit)) {
        value = positional(args, Integer.parseInt(field));
      } else if (kwargs.containsKey(field)) {
        value = kwargs.get(field);
      } else {
        throw new PyException("KeyError", Py.repr(field));
      }
      out.append(spec.isEmpty() ? Py.str(value) : convert(specConversion(spec, value), specFlags(spec), value));
      i = close + 1;
    }
    return Budget.checkString(out.toString());
  }

  private static Object positional(List<Object> args, int index) {
    if (index >= args.size()) {
      throw new PyException("IndexError", "tuple index out of range");
    }
    return args.get(index);
  }

  private static char specConversion(String spec, Object value) {
    char last = spec.charAt(spec.length() - 1);
    if (Character.isLetter(last)) {
      return last;
    }
    return value instanceof Double ? 'g' : Py.isInt(value) ? 'd' : 's';
  }

  private static String specFlags(String spec) {
    String flags = Character.isLetter(spec.charAt(spec.length() - 1)) ? spec.substring(0, spec.length() - 1) : spec;
    return flags.replace(">", "").replace("<", "-");
  }
}
