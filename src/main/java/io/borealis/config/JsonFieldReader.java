package io.borealis.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import io.borealis.model.Problem;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * Reads typed fields out of one JSON object, recording a {@link Problem} (with the field's JSON path)
 * for each field that is missing or of the wrong type, and answering a default so reading can go on
 * and report everything at once. Null counts as absent, as Pystachio treats it.
 */
final class JsonFieldReader {
  private final JsonNode object;
  private final String path;
  private final List<Problem> problems;

  private JsonFieldReader(JsonNode object, String path, List<Problem> problems) {
    this.object = object;
    this.path = path;
    this.problems = problems;
  }

  /** A reader for {@code node}, or null (with a problem recorded) when it is not an object. */
  static JsonFieldReader of(JsonNode node, String path, List<Problem> problems) {
    if (node == null || !node.isObject()) {
      problems.add(new Problem(path, "expected an object, found " + describe(node)));
      return null;
    }
    return new JsonFieldReader(node, path, problems);
  }

  String path(String field) {
    return path + "." + field;
  }

  List<Problem> problems() {
    return problems;
  }

  /** Records a problem for every key not in {@code known}: a typo should not be silently ignored. */
  void rejectUnknown(Set<String> known) {
    for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!known.contains(name)) {
        problems.add(new Problem(path(name), "unknown field '" + name + "'"));
      }
    }
  }

  boolean has(String field) {
    JsonNode value = object.get(field);
    return value != null && !value.isNull();
  }

  JsonNode node(String field) {
    return has(field) ? object.get(field) : null;
  }

  String requiredString(String field) {
    if (!has(field)) {
      problems.add(new Problem(path(field), "is required"));
      return "";
    }
    return string(field, "");
  }

  String string(String field, String fallback) {
    JsonNode value = node(field);
    if (value == null) {
      return fallback;
    }
    if (!value.isTextual()) {
      return wrongType(field, "a string", value, fallback);
    }
    return value.asText();
  }

  int integer(String field, int fallback) {
    JsonNode value = node(field);
    if (value == null) {
      return fallback;
    }
    if (!value.canConvertToInt() || !value.isIntegralNumber()) {
      return wrongType(field, "an integer", value, fallback);
    }
    return value.intValue();
  }

  Integer optionalInteger(String field) {
    return has(field) ? integer(field, 0) : null;
  }

  long requiredLong(String field) {
    JsonNode value = node(field);
    if (value == null) {
      problems.add(new Problem(path(field), "is required"));
      return 0;
    }
    if (!value.isIntegralNumber() || !value.canConvertToLong()) {
      return wrongType(field, "an integer", value, 0L);
    }
    return value.longValue();
  }

  double number(String field, double fallback) {
    JsonNode value = node(field);
    if (value == null) {
      return fallback;
    }
    if (!value.isNumber()) {
      return wrongType(field, "a number", value, fallback);
    }
    return value.doubleValue();
  }

  double requiredNumber(String field) {
    if (!has(field)) {
      problems.add(new Problem(path(field), "is required"));
      return 0;
    }
    return number(field, 0);
  }

  boolean bool(String field, boolean fallback) {
    JsonNode value = node(field);
    if (value == null) {
      return fallback;
    }
    if (!value.isBoolean()) {
      return wrongType(field, "true or false", value, fallback);
    }
    return value.booleanValue();
  }

  /** Each element of an array field read with {@code element}; absent means an empty list. */
  <T> List<T> list(String field, BiFunction<JsonNode, String, T> element) {
    JsonNode value = node(field);
    List<T> items = new ArrayList<>();
    if (value == null) {
      return items;
    }
    if (!value.isArray()) {
      return wrongType(field, "an array", value, items);
    }
    for (int i = 0; i < value.size(); i++) {
      T item = element.apply(value.get(i), path(field) + "[" + i + "]");
      if (item != null) {
        items.add(item);
      }
    }
    return items;
  }

  /** A reader for a nested object field, or null when it is absent (or wrong, with a problem recorded). */
  JsonFieldReader object(String field) {
    JsonNode value = node(field);
    return value == null ? null : of(value, path(field), problems);
  }

  private <T> T wrongType(String field, String expected, JsonNode found, T fallback) {
    problems.add(new Problem(path(field), "expected " + expected + ", found " + describe(found)));
    return fallback;
  }

  static String describe(JsonNode node) {
    if (node == null || node.isNull()) {
      return "nothing";
    }
    JsonNodeType type = node.getNodeType();
    return switch (type) {
      case STRING -> "the string \"" + node.asText() + "\"";
      case NUMBER -> "the number " + node.asText();
      case BOOLEAN -> node.asText();
      case ARRAY -> "an array";
      case OBJECT -> "an object";
      default -> type.name().toLowerCase(java.util.Locale.ROOT);
    };
  }
}
