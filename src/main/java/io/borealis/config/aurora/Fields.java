package io.borealis.config.aurora;

import io.borealis.config.aurora.python.Py;
import io.borealis.config.aurora.pystachio.PList;
import io.borealis.config.aurora.pystachio.PMap;
import io.borealis.config.aurora.pystachio.PObject;
import io.borealis.config.aurora.pystachio.Scalar;
import io.borealis.config.aurora.pystachio.Struct;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads fields of an interpolated, checked struct as Java values. */
final class Fields {
  private Fields() {}

  static Object raw(Struct struct, String field) {
    PObject value = struct == null ? null : struct.raw(field);
    return value instanceof Scalar s ? s.raw() : null;
  }

  static String string(Struct struct, String field) {
    Object raw = raw(struct, field);
    return raw == null ? null : Py.str(raw);
  }

  static long integer(Struct struct, String field, long fallback) {
    return raw(struct, field) instanceof Long l ? l : fallback;
  }

  /** An integer field for an int model field; out-of-range values clamp so that validation reports them. */
  static int int32(Struct struct, String field, long fallback) {
    return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, integer(struct, field, fallback)));
  }

  static double number(Struct struct, String field, double fallback) {
    Object raw = raw(struct, field);
    return raw instanceof Number n ? n.doubleValue() : fallback;
  }

  static boolean bool(Struct struct, String field, boolean fallback) {
    return raw(struct, field) instanceof Boolean b ? b : fallback;
  }

  static Struct struct(Struct struct, String field) {
    return struct != null && struct.raw(field) instanceof Struct s ? s : null;
  }

  static List<PObject> list(Struct struct, String field) {
    return struct != null && struct.raw(field) instanceof PList l ? l.values() : List.of();
  }

  static Map<String, String> stringMap(Struct struct, String field) {
    Map<String, String> out = new LinkedHashMap<>();
    if (struct != null && struct.raw(field) instanceof PMap map) {
      map.entries().forEach(e -> out.put(Py.str(e.key().get()), Py.str(e.value().get())));
    }
    return out;
  }

  static List<String> strings(PObject list) {
    List<String> out = new ArrayList<>();
    if (list instanceof PList l) {
      l.values().forEach(v -> out.add(Py.str(v.get())));
    }
    return out;
  }
}
