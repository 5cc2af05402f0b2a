package io.borealis.executor;

import io.borealis.executor.TaskPayload.InvalidPayloadException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigInteger;

/**
 * Reads fields of the task payload's JSON objects: a missing or null field takes the caller's
 * default, and a field of the wrong kind fails with its JSON path ({@code parent + "/" + field}) and
 * the value found. A null object reads as empty, so optional sections need no checks of their own.
 */
final class PayloadFields {
  private PayloadFields() {}

  /** The object at {@code field}, null when missing; fails when it is something else. */
  static JsonObject object(JsonObject object, String field, String parent) {
    Object value = value(object, field);
    if (value == null || value instanceof JsonObject) {
      return (JsonObject) value;
    }
    throw new InvalidPayloadException(parent + "/" + field + " must be an object, got " + show(value));
  }

  /** The list at {@code field}, null when missing; fails when it is something else. */
  static JsonArray list(JsonObject object, String field, String parent) {
    Object value = value(object, field);
    if (value == null || value instanceof JsonArray) {
      return (JsonArray) value;
    }
    throw new InvalidPayloadException(parent + "/" + field + " must be a list, got " + show(value));
  }

  static String text(JsonObject object, String field, String parent, String absent) {
    Object value = value(object, field);
    if (value == null) {
      return absent;
    }
    if (!(value instanceof String text)) {
      throw new InvalidPayloadException(parent + "/" + field + " must be a string, got " + show(value));
    }
    return text;
  }

  static boolean flag(JsonObject object, String field, String parent) {
    Object value = value(object, field);
    if (value == null) {
      return false;
    }
    if (!(value instanceof Boolean flag)) {
      throw new InvalidPayloadException(parent + "/" + field + " must be true or false, got " + show(value));
    }
    return flag;
  }

  /** A non-negative integer. */
  static long count(JsonObject object, String field, String parent, long absent) {
    Object value = value(object, field);
    if (value == null) {
      return absent;
    }
    if (!isIntegral(value) || ((Number) value).longValue() < 0) {
      throw new InvalidPayloadException(parent + "/" + field + " must be a non-negative integer, got " + show(value));
    }
    return ((Number) value).longValue();
  }

  /** A non-negative integer that fits an {@code int}. */
  static int smallCount(JsonObject object, String field, String parent, int absent) {
    long count = count(object, field, parent, absent);
    if (count > Integer.MAX_VALUE) {
      throw new InvalidPayloadException(parent + "/" + field + " must be at most " + Integer.MAX_VALUE + ", got " + count);
    }
    return (int) count;
  }

  /** Any integer that fits an {@code int}. */
  static int integer(JsonObject object, String field, String parent, int absent) {
    Object value = value(object, field);
    if (value == null) {
      return absent;
    }
    if (!isIntegral(value) || ((Number) value).longValue() != ((Number) value).intValue()) {
      throw new InvalidPayloadException(parent + "/" + field + " must be an integer, got " + show(value));
    }
    return ((Number) value).intValue();
  }

  /** A non-negative number, fractions allowed. */
  static double number(JsonObject object, String field, String parent, double absent) {
    Object value = value(object, field);
    if (value == null) {
      return absent;
    }
    if (!(value instanceof Number number) || number.doubleValue() < 0) {
      throw new InvalidPayloadException(parent + "/" + field + " must be a non-negative number, got " + show(value));
    }
    return number.doubleValue();
  }

  /** A value as it was written in the JSON, for messages. */
  static String show(Object value) {
    return Json.encode(value);
  }

  private static Object value(JsonObject object, String field) {
    return object == null ? null : object.getValue(field);
  }

  private static boolean isIntegral(Object value) {
    return value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte
        || (value instanceof BigInteger big && big.bitLength() < 64);
  }
}
