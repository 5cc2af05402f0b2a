package io.borealis.config.aurora.schema;

import io.borealis.config.aurora.pystachio.FieldSpec;
import io.borealis.config.aurora.pystachio.ListType;
import io.borealis.config.aurora.pystachio.MapType;
import io.borealis.config.aurora.pystachio.PType;
import io.borealis.config.aurora.pystachio.ScalarType;
import io.borealis.config.aurora.pystachio.StructType;
import java.util.LinkedHashMap;
import java.util.Map;

/** Shorthand for declaring Aurora's schema classes the way schema_base.py reads. */
final class Schema {
  static final ScalarType STRING = ScalarType.STRING;
  static final ScalarType INTEGER = ScalarType.INTEGER;
  static final ScalarType FLOAT = ScalarType.FLOAT;
  static final ScalarType BOOLEAN = ScalarType.BOOLEAN;

  static final long KB = 1024L;
  static final long MB = KB * 1024;
  static final long GB = MB * 1024;
  static final long TB = GB * 1024;

  private Schema() {}

  /** A field of a struct declaration. */
  record Field(String name, FieldSpec spec) {}

  static StructType struct(String name, Field... fields) {
    Map<String, FieldSpec> specs = new LinkedHashMap<>();
    for (Field field : fields) {
      specs.put(field.name(), field.spec());
    }
    return new StructType(name, specs);
  }

  static Field required(String name, PType type) {
    return new Field(name, FieldSpec.required(type));
  }

  static Field optional(String name, PType type) {
    return new Field(name, FieldSpec.optional(type));
  }

  static Field defaulted(String name, PType type, Object value) {
    return new Field(name, FieldSpec.withDefault(type, value));
  }

  static ListType list(PType element) {
    return new ListType(element);
  }

  static MapType map(PType key, PType value) {
    return new MapType(key, value);
  }
}
