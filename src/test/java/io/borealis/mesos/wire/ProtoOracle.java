package io.borealis.mesos.wire;

import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.util.JsonFormat;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The official Mesos 1.11 protobuf classes as the judge of our wire records: parses JSON strictly
 * (unknown fields and unknown enum names are errors, as {@code JsonFormat.parser()} without
 * {@code ignoringUnknownFields}), and compares one of our records with a proto message field by
 * field, naming every difference by its path. A record component {@code fooBar} stands for the proto
 * field {@code foo_bar}; null (or an empty list) means unset.
 */
final class ProtoOracle {
  private ProtoOracle() {}

  /** Parses {@code json} strictly into a message of {@code prototype}'s type; required fields may be missing (see {@link #missingRequired}). */
  static Message parseStrictly(byte[] json, Message prototype) throws InvalidProtocolBufferException {
    Message.Builder builder = prototype.newBuilderForType();
    JsonFormat.parser().merge(new String(json, StandardCharsets.UTF_8), builder);
    return builder.buildPartial();
  }

  /** As Mesos would read it: unknown fields ignored. */
  static Message parseLeniently(byte[] json, Message prototype) throws InvalidProtocolBufferException {
    Message.Builder builder = prototype.newBuilderForType();
    JsonFormat.parser().ignoringUnknownFields().merge(new String(json, StandardCharsets.UTF_8), builder);
    return builder.buildPartial();
  }

  /** Required proto2 fields left unset; Mesos refuses such a message ("Failed to parse body into Call protobuf"). */
  static List<String> missingRequired(Message message) {
    return message.findInitializationErrors();
  }

  /** The proto field a record component stands for: {@code heartbeatIntervalSeconds} to {@code heartbeat_interval_seconds}. */
  static String protoName(String component) {
    StringBuilder name = new StringBuilder();
    for (char c : component.toCharArray()) {
      if (Character.isUpperCase(c)) {
        name.append('_').append(Character.toLowerCase(c));
      } else {
        name.append(c);
      }
    }
    return name.toString();
  }

  /** Every way {@code record} and {@code message} disagree; empty when they say the same thing. */
  static List<String> differences(Object record, Message message) {
    List<String> found = new ArrayList<>();
    compareMessage(message.getDescriptorForType().getName(), record, message, found);
    return found;
  }

  private static void compareMessage(String path, Object record, Message message, List<String> found) {
    Descriptor type = message.getDescriptorForType();
    if (!record.getClass().isRecord()) {
      found.add(path + ": " + record.getClass().getSimpleName() + " is not a record but proto has message " + type.getFullName());
      return;
    }
    Set<String> known = new HashSet<>();
    for (RecordComponent component : record.getClass().getRecordComponents()) {
      String name = protoName(component.getName());
      known.add(name);
      Object value = read(component, record);
      FieldDescriptor field = type.findFieldByName(name);
      String here = path + "." + name;
      if (field == null) {
        if (!(value == null || value instanceof List<?> list && list.isEmpty())) {
          found.add(here + ": we set a field " + type.getFullName() + " does not have");
        }
        continue;
      }
      if (field.isRepeated()) {
        List<?> ours = value == null ? List.of() : (List<?>) value;
        int theirs = message.getRepeatedFieldCount(field);
        if (ours.size() != theirs) {
          found.add(here + ": " + ours.size() + " elements in our record, " + theirs + " in the proto");
          continue;
        }
        for (int i = 0; i < theirs; i++) {
          compareValue(here + "[" + i + "]", ours.get(i), message.getRepeatedField(field, i), field, found);
        }
      } else if (value == null) {
        if (message.hasField(field)) {
          found.add(here + ": unset in our record, " + message.getField(field) + " in the proto");
        }
      } else if (!message.hasField(field)) {
        found.add(here + ": " + describe(value) + " in our record, unset in the proto");
      } else {
        compareValue(here, value, message.getField(field), field, found);
      }
    }
    for (FieldDescriptor field : message.getAllFields().keySet()) {
      if (!known.contains(field.getName())) {
        found.add(path + "." + field.getName() + ": set in the proto, and our record has no such field");
      }
    }
  }

  private static void compareValue(String path, Object ours, Object theirs, FieldDescriptor field, List<String> found) {
    boolean same;
    switch (field.getJavaType()) {
      case MESSAGE -> {
        compareMessage(path, ours, (Message) theirs, found);
        return;
      }
      case ENUM -> same = (ours instanceof Enum<?> e ? e.name() : String.valueOf(ours)).equals(((EnumValueDescriptor) theirs).getName());
      case BYTE_STRING -> same = ours instanceof byte[] bytes && Arrays.equals(bytes, ((ByteString) theirs).toByteArray());
      case DOUBLE, FLOAT -> same = ours instanceof Number n && Double.compare(n.doubleValue(), ((Number) theirs).doubleValue()) == 0;
      case INT, LONG -> same = ours instanceof Number n && n.longValue() == unsigned(field, (Number) theirs);
      default -> same = ours.equals(theirs);
    }
    if (!same) {
      found.add(path + ": " + describe(ours) + " in our record, " + theirs + " in the proto");
    }
  }

  /** A uint32 the proto holds in an int: 16777343 stays 16777343, 0xffffffff is 4294967295, not -1. */
  private static long unsigned(FieldDescriptor field, Number value) {
    return field.getType() == FieldDescriptor.Type.UINT32 || field.getType() == FieldDescriptor.Type.FIXED32
        ? Integer.toUnsignedLong(value.intValue()) : value.longValue();
  }

  private static String describe(Object value) {
    return value instanceof byte[] bytes ? "bytes " + Arrays.toString(bytes) : String.valueOf(value);
  }

  static Object read(RecordComponent component, Object record) {
    try {
      return component.getAccessor().invoke(record);
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException("cannot read " + component, e);
    }
  }

  /**
   * Fields {@code original} sets that {@code copy} (our re-encoding of it) does not, by full proto
   * name ({@code mesos.v1.TaskStatus.container_status}); and, into {@code changed}, every field both
   * set to different values. Repeated fields are compared element by element.
   */
  static Set<String> dropped(Message original, Message copy, List<String> changed) {
    Set<String> lost = new java.util.TreeSet<>();
    dropped("", original, copy, lost, changed);
    return lost;
  }

  private static void dropped(String path, Message original, Message copy, Set<String> lost, List<String> changed) {
    for (Map.Entry<FieldDescriptor, Object> entry : original.getAllFields().entrySet()) {
      FieldDescriptor field = entry.getKey();
      String here = path + "." + field.getName();
      if (field.isRepeated() ? copy.getRepeatedFieldCount(field) == 0 : !copy.hasField(field)) {
        lost.add(field.getFullName());
        continue;
      }
      if (field.isRepeated()) {
        int count = original.getRepeatedFieldCount(field);
        if (copy.getRepeatedFieldCount(field) != count) {
          changed.add(here + ": " + count + " elements, re-encoded " + copy.getRepeatedFieldCount(field));
          continue;
        }
        for (int i = 0; i < count; i++) {
          same(here + "[" + i + "]", field, original.getRepeatedField(field, i), copy.getRepeatedField(field, i), lost, changed);
        }
      } else {
        same(here, field, entry.getValue(), copy.getField(field), lost, changed);
      }
    }
    for (FieldDescriptor field : copy.getAllFields().keySet()) {
      if (field.isRepeated() ? original.getRepeatedFieldCount(field) == 0 : !original.hasField(field)) {
        changed.add(path + "." + field.getName() + ": added by the re-encoding");
      }
    }
  }

  private static void same(String path, FieldDescriptor field, Object original, Object copy, Set<String> lost, List<String> changed) {
    if (field.getJavaType() == FieldDescriptor.JavaType.MESSAGE) {
      dropped(path, (Message) original, (Message) copy, lost, changed);
    } else if (!original.equals(copy)) {
      changed.add(path + ": " + original + ", re-encoded " + copy);
    }
  }
}
