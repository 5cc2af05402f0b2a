package io.borealis.mesos.wire;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Random wire records for property-style conformance tests, led by the official proto descriptor
 * of each record: a field Mesos requires is always set, others are left unset a third of the time;
 * numbers stay within their proto type (a uint32 is never negative), and a {@code String} the proto
 * declares as an enum (FrameworkInfo's capability type) is one of that enum's names. Seeded, so a
 * failure names the seed that reproduces it.
 */
final class WireRecordGenerator {
  private static final int MAX_DEPTH = 6;
  /** Strings that need escaping or more than one UTF-8 byte, mixed into otherwise plain ones. */
  private static final String[] AWKWARD = {"\"", "\\", "\n", "\t", "/", "é", "→", "😀", "\u0001", " "};
  private final Random random;

  WireRecordGenerator(long seed) {
    this.random = new Random(seed);
  }

  /** A record of {@code type} standing for a message of {@code descriptor}. */
  <T> T record(Class<T> type, Descriptor descriptor) {
    return record(type, descriptor, 0);
  }

  private <T> T record(Class<T> type, Descriptor descriptor, int depth) {
    RecordComponent[] components = type.getRecordComponents();
    if (components == null) {
      throw new IllegalArgumentException(type + " is not a record");
    }
    Object[] args = new Object[components.length];
    Class<?>[] types = new Class<?>[components.length];
    for (int i = 0; i < components.length; i++) {
      RecordComponent component = components[i];
      types[i] = component.getType();
      FieldDescriptor field = descriptor.findFieldByName(ProtoOracle.protoName(component.getName()));
      if (field == null) {
        throw new AssertionError(type.getName() + "." + component.getName() + " has no field in " + descriptor.getFullName());
      }
      boolean needed = field.isRequired() || component.getType().isPrimitive();
      boolean leaveOut = depth >= MAX_DEPTH || random.nextInt(3) == 0;
      args[i] = needed || !leaveOut ? value(component.getGenericType(), field, depth) : null;
    }
    try {
      Constructor<T> constructor = type.getDeclaredConstructor(types);
      constructor.setAccessible(true);
      return constructor.newInstance(args);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot build " + type.getName(), e);
    }
  }

  private Object value(Type type, FieldDescriptor field, int depth) {
    if (type instanceof ParameterizedType list && list.getRawType() == List.class) {
      int size = random.nextInt(depth > 2 ? 2 : 4);
      List<Object> values = new ArrayList<>();
      for (int i = 0; i < size; i++) {
        values.add(value(list.getActualTypeArguments()[0], field, depth));
      }
      return values;
    }
    Class<?> c = (Class<?>) type;
    if (c == String.class) {
      return field.getJavaType() == FieldDescriptor.JavaType.ENUM ? enumName(field) : string();
    }
    if (c == Double.class || c == double.class) {
      return number();
    }
    if (c == Long.class || c == long.class) {
      return switch (field.getType()) {
        case UINT32, FIXED32 -> random.nextInt() & 0xffffffffL;
        case UINT64, FIXED64 -> random.nextLong() >>> 1;
        default -> random.nextLong();
      };
    }
    if (c == Integer.class || c == int.class) {
      return field.getType() == FieldDescriptor.Type.UINT32 ? random.nextInt(Integer.MAX_VALUE) : random.nextInt();
    }
    if (c == Boolean.class || c == boolean.class) {
      return random.nextBoolean();
    }
    if (c == byte[].class) {
      byte[] bytes = new byte[random.nextBoolean() ? 16 : random.nextInt(40)];
      random.nextBytes(bytes);
      return bytes;
    }
    if (c.isEnum()) {
      Object[] constants = c.getEnumConstants();
      return constants[random.nextInt(constants.length)];
    }
    if (c.isRecord()) {
      return record(c, field.getMessageType(), depth + 1);
    }
    throw new IllegalArgumentException("no generator for " + c + " (field " + field.getFullName() + ")");
  }

  private String enumName(FieldDescriptor field) {
    List<EnumValueDescriptor> values = field.getEnumType().getValues();
    return values.get(random.nextInt(values.size())).getName();
  }

  String string() {
    int length = random.nextInt(12);
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < length; i++) {
      s.append(random.nextInt(4) == 0 ? AWKWARD[random.nextInt(AWKWARD.length)] : (char) ('a' + random.nextInt(26)));
    }
    return s.toString();
  }

  /** Whole, fractional, tiny, huge and epoch-seconds-with-microseconds doubles; all finite. */
  private double number() {
    return switch (random.nextInt(5)) {
      case 0 -> random.nextInt(100_000);
      case 1 -> random.nextDouble();
      case 2 -> random.nextDouble() * 1e-9;
      case 3 -> random.nextDouble() * 1e18;
      default -> 1_795_596_154 + random.nextInt(1_000_000) / 1e6;
    };
  }

  byte[] uuid() {
    return Uuids.toBytes(new java.util.UUID(random.nextLong(), random.nextLong()));
  }

  int nextInt(int bound) {
    return random.nextInt(bound);
  }
}
