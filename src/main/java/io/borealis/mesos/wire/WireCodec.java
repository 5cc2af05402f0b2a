package io.borealis.mesos.wire;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads and writes one Java type of the wire model on Jackson's streaming API. The wire model is
 * plain records of strings, numbers, booleans, enums, {@code byte[]}, lists and other records, so
 * one small codec per type, made once from the record's components, covers all of it; databind's
 * general machinery (and its 500 classes, which every executor JVM would load) is not needed.
 */
abstract class WireCodec {
  /** What a field of this type holds when the JSON leaves it out or gives null: a primitive's zero, else null. */
  private final Object absent;

  WireCodec() {
    this(null);
  }

  WireCodec(Object absent) {
    this.absent = absent;
  }

  abstract void write(JsonGenerator out, Object value) throws IOException;

  /**
   * Reads the value at the parser's current token. A value that does not fit fails with a
   * {@link WireFormatException}, to which each enclosing record and list adds its step of the path.
   */
  abstract Object read(JsonParser in) throws IOException;

  final Object absent() {
    return absent;
  }

  /** Whether a value is left out when writing: null, and empty lists, as Mesos leaves out unset fields. */
  boolean omits(Object value) {
    return value == null;
  }

  private static final ClassValue<WireCodec> CODECS = new ClassValue<>() {
    @Override
    protected WireCodec computeValue(Class<?> type) {
      return forClass(type);
    }
  };

  static WireCodec of(Class<?> type) {
    return CODECS.get(type);
  }

  static WireCodec ofType(Type type) {
    if (type instanceof Class<?> plain) {
      return of(plain);
    }
    if (type instanceof ParameterizedType generic && generic.getRawType() == List.class) {
      return new ListCodec(ofType(generic.getActualTypeArguments()[0]));
    }
    throw new IllegalArgumentException("the wire model has no codec for " + type);
  }

  private static WireCodec forClass(Class<?> type) {
    if (type == String.class) {
      return new StringCodec();
    }
    if (type == byte[].class) {
      return new BytesCodec();
    }
    if (type == boolean.class || type == Boolean.class) {
      return new BooleanCodec(type.isPrimitive());
    }
    if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
      return new IntegerCodec(type);
    }
    if (type == double.class || type == Double.class) {
      return new DoubleCodec(type.isPrimitive());
    }
    if (type.isEnum()) {
      return new EnumCodec(type);
    }
    if (type.isRecord()) {
      return new RecordCodec(type);
    }
    throw new IllegalArgumentException("the wire model has no codec for " + type);
  }

  static WireFormatException mismatch(String expected, JsonParser in) {
    return new WireFormatException("expected " + expected + ", found " + describe(in.currentToken()));
  }

  private static String describe(JsonToken token) {
    if (token == null) {
      return "the end of the input";
    }
    return switch (token) {
      case START_OBJECT -> "an object";
      case START_ARRAY -> "an array";
      case VALUE_STRING -> "a string";
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
      case VALUE_TRUE, VALUE_FALSE -> "a boolean";
      default -> token.asString() == null ? token.name() : token.asString();
    };
  }

  /**
   * JSON that is well formed but does not fit the message's shape, and where: the path is built as the
   * exception leaves each record and list, so reading what fits never spends anything on it.
   */
  static final class WireFormatException extends IOException {
    private static final long serialVersionUID = 1L;
    private final String path;
    private final String problem;

    WireFormatException(String problem) {
      this("", problem);
    }

    private WireFormatException(String path, String problem) {
      super(path + ": " + problem);
      this.path = path;
      this.problem = problem;
    }

    /** The same problem one step further out: {@code step} is {@code .field}, {@code [index]} or the message's name. */
    WireFormatException at(String step) {
      return new WireFormatException(step + path, problem);
    }
  }

  /** A JSON array; a lone value counts as a list of one, as Mesos' JSON parser allows. Empty lists are left out. */
  private static final class ListCodec extends WireCodec {
    private final WireCodec element;

    ListCodec(WireCodec element) {
      this.element = element;
    }

    @Override
    boolean omits(Object value) {
      return value == null || ((Collection<?>) value).isEmpty();
    }

    @Override
    void write(JsonGenerator out, Object value) throws IOException {
      out.writeStartArray();
      for (Object item : (List<?>) value) {
        if (item == null) {
          out.writeNull();
        } else {
          element.write(out, item);
        }
      }
      out.writeEndArray();
    }

    @Override
    Object read(JsonParser in) throws IOException {
      List<Object> items = new ArrayList<>();
      if (in.currentToken() != JsonToken.START_ARRAY) {
        items.add(element.read(in));
        return items;
      }
      for (JsonToken token = in.nextToken(); token != JsonToken.END_ARRAY; token = in.nextToken()) {
        if (token == null) {
          throw mismatch("the end of the array", in);
        }
        try {
          items.add(token == JsonToken.VALUE_NULL ? null : element.read(in));
        } catch (WireFormatException e) {
          throw e.at("[" + items.size() + "]");
        }
      }
      return items;
    }
  }

  /** Strings, written even when empty ({@code FrameworkInfo.user ""} asks the master to pick one); scalars read as their text. */
  private static final class StringCodec extends WireCodec {
    @Override
    void write(JsonGenerator out, Object value) throws IOException {
      out.writeString((String) value);
    }

    @Override
    Object read(JsonParser in) throws IOException {
      if (!in.currentToken().isScalarValue()) {
        throw mismatch("a string", in);
      }
      return in.getText();
    }
  }

  /** Proto {@code bytes}: padded Base64. */
  private static final class BytesCodec extends WireCodec {
    @Override
    void write(JsonGenerator out, Object value) throws IOException {
      out.writeString(Base64.getEncoder().encodeToString((byte[]) value));
    }

    @Override
    Object read(JsonParser in) throws IOException {
      if (in.currentToken() != JsonToken.VALUE_STRING) {
        throw mismatch("a Base64 string", in);
      }
      try {
        return Base64.getDecoder().decode(in.getText());
      } catch (IllegalArgumentException e) {
        throw new WireFormatException("not Base64: " + e.getMessage());
      }
    }
  }

  private static final class BooleanCodec extends WireCodec {
    BooleanCodec(boolean primitive) {
      super(primitive ? Boolean.FALSE : null);
    }

    @Override
    void write(JsonGenerator out, Object value) throws IOException {
      out.writeBoolean((Boolean) value);
    }

    @Override
    Object read(JsonParser in) throws IOException {
      JsonToken token = in.currentToken();
      if (token == JsonToken.VALUE_TRUE || token == JsonToken.VALUE_FALSE) {
        return token == JsonToken.VALUE_TRUE;
      }
      if (token == JsonToken.VALUE_STRING && ("true".equals(in.getText()) || "false".equals(in.getText()))) {
        return Boolean.parseBoolean(in.getText());
      }
      throw mismatch("true or false", in);
    }
  }

  /** {@code int32}/{@code int64} and friends as bare numbers; a number in a string is read too (proto3 JSON writes int64 so). */
  private static final class IntegerCodec extends WireCodec {
    private final boolean asLong;

    IntegerCodec(Class<?> type) {
      super(!type.isPrimitive() ? null : type == long.class ? (Object) 0L : (Object) 0);
      this.asLong = type == long.class || type == Long.class;
    }

    @Override
    void write(JsonGenerator out, Object value) throws IOException {
      out.writeNumber(((Number) value).longValue());
    }

    @Override
    Object read(JsonParser in) throws IOException {
      long value;
      JsonToken token = in.currentToken();
      if (token == JsonToken.VALUE_NUMBER_INT) {
        value = in.getLongValue();
      } else if (token == JsonToken.VALUE_NUMBER_FLOAT && in.getDoubleValue() == Math.rint(in.getDoubleValue())) {
        value = (long) in.getDoubleValue();
      } else if (token == JsonToken.VALUE_STRING) {
        try {
          value = Long.parseLong(in.getText().strip());
        } catch (NumberFormatException e) {
          throw mismatch("an integer", in);
        }
      } else {
        throw mismatch("an integer", in);
      }
      if (!asLong && (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE)) {
        throw new WireFormatException(value + " does not fit a 32-bit integer");
      }
      return asLong ? (Object) value : (Object) (int) value;
    }
  }

  /** Proto {@code double}: a number, or {@code "NaN"} / {@code "Infinity"} as Mesos writes non-finite values. */
  private static final class DoubleCodec extends WireCodec {
    DoubleCodec(boolean primitive) {
      super(primitive ? (Object) 0.0 : null);
    }

    @Override
    void write(JsonGenerator out, Object value) throws IOException {
      out.writeNumber((Double) value);
    }

    @Override
    Object read(JsonParser in) throws IOException {
      JsonToken token = in.currentToken();
      if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) {
        return in.getDoubleValue();
      }
      if (token == JsonToken.VALUE_STRING) {
        try {
          return Double.parseDouble(in.getText().strip());
        } catch (NumberFormatException e) {
          throw mismatch("a number", in);
        }
      }
      throw mismatch("a number", in);
    }
  }

  /** Enums by name; a name this version does not know reads as unset, as Mesos drops unknown enum values. */
  private static final class EnumCodec extends WireCodec {
    private final Map<String, Object> byName = new HashMap<>();
    private final Class<?> type;

    EnumCodec(Class<?> type) {
      this.type = type;
      for (Object constant : type.getEnumConstants()) {
        byName.put(((Enum<?>) constant).name(), constant);
      }
    }

    @Override
    void write(JsonGenerator out, Object value) throws IOException {
      out.writeString(((Enum<?>) value).name());
    }

    @Override
    Object read(JsonParser in) throws IOException {
      if (in.currentToken() != JsonToken.VALUE_STRING) {
        throw mismatch("the name of a " + type.getSimpleName(), in);
      }
      return byName.get(in.getText());
    }
  }
}
