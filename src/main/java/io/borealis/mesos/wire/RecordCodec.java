package io.borealis.mesos.wire;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.HashMap;
import java.util.Map;

/** A record as a JSON object: components by their snake_case names, unset ones left out, unknown fields skipped. */
final class RecordCodec extends WireCodec {
  private final Class<?> type;
  private final Constructor<?> canonical;
  private final String[] names;
  private final Method[] accessors;
  private final Type[] types;
  private final Map<String, Integer> positions = new HashMap<>();
  /** Made on first use, so records that nest each other do not recurse while being set up. */
  private volatile WireCodec[] codecs;

  RecordCodec(Class<?> type) {
    this.type = type;
    RecordComponent[] components = type.getRecordComponents();
    names = new String[components.length];
    accessors = new Method[components.length];
    types = new Type[components.length];
    Class<?>[] parameterTypes = new Class<?>[components.length];
    for (int i = 0; i < components.length; i++) {
      names[i] = snakeCase(components[i].getName());
      accessors[i] = components[i].getAccessor();
      types[i] = components[i].getGenericType();
      parameterTypes[i] = components[i].getType();
      positions.put(names[i], i);
    }
    try {
      canonical = type.getDeclaredConstructor(parameterTypes);
    } catch (NoSuchMethodException e) {
      throw new IllegalStateException(type + " has no canonical constructor", e);
    }
  }

  private WireCodec[] codecs() {
    WireCodec[] made = codecs;
    if (made == null) {
      made = new WireCodec[types.length];
      for (int i = 0; i < types.length; i++) {
        made[i] = ofType(types[i]);
      }
      codecs = made;
    }
    return made;
  }

  @Override
  void write(JsonGenerator out, Object value) throws IOException {
    WireCodec[] fields = codecs();
    out.writeStartObject();
    for (int i = 0; i < fields.length; i++) {
      Object field = get(i, value);
      if (!fields[i].omits(field)) {
        out.writeFieldName(names[i]);
        fields[i].write(out, field);
      }
    }
    out.writeEndObject();
  }

  private Object get(int i, Object value) {
    try {
      return accessors[i].invoke(value);
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException("cannot read " + type.getSimpleName() + "." + accessors[i].getName(), e);
    }
  }

  @Override
  Object read(JsonParser in) throws IOException {
    if (in.currentToken() != JsonToken.START_OBJECT) {
      throw mismatch("an object (" + type.getSimpleName() + ")", in);
    }
    WireCodec[] fields = codecs();
    Object[] values = new Object[fields.length];
    for (String name = in.nextFieldName(); name != null; name = in.nextFieldName()) {
      Integer position = positions.get(name);
      JsonToken token = in.nextToken();
      if (position == null) {
        in.skipChildren();
      } else if (token != JsonToken.VALUE_NULL) {
        try {
          values[position] = fields[position].read(in);
        } catch (WireFormatException e) {
          throw e.at("." + name);
        }
      }
    }
    if (in.currentToken() != JsonToken.END_OBJECT) {
      throw mismatch("a field name or the end of the object", in);
    }
    for (int i = 0; i < fields.length; i++) {
      if (values[i] == null) {
        values[i] = fields[i].absent();
      }
    }
    try {
      return canonical.newInstance(values);
    } catch (InvocationTargetException e) {
      throw new WireFormatException("not a valid " + type.getSimpleName() + ": " + e.getCause().getMessage());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot make a " + type.getSimpleName(), e);
    }
  }

  /** {@code taskId} → {@code task_id}, as proto field names are spelled. */
  private static String snakeCase(String name) {
    StringBuilder snake = new StringBuilder(name.length() + 4);
    boolean previousUpper = false;
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean upper = Character.isUpperCase(c);
      if (upper && i > 0 && !previousUpper) {
        snake.append('_');
      }
      snake.append(upper ? Character.toLowerCase(c) : c);
      previousUpper = upper;
    }
    return snake.toString();
  }
}
