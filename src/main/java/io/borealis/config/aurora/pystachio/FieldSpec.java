package io.borealis.config.aurora.pystachio;

import io.borealis.config.aurora.python.PyObject;

/**
 * One field of a Struct: its type, and {@code Required(T)} or {@code Default(T, value)} (or neither,
 * for an optional field written as just {@code T}). The default is constructed when the class is.
 */
public record FieldSpec(PType type, boolean required, PObject defaultValue) implements PyObject {
  public static FieldSpec optional(PType type) {
    return new FieldSpec(type, false, null);
  }

  public static FieldSpec required(PType type) {
    return new FieldSpec(type, true, null);
  }

  public static FieldSpec withDefault(PType type, Object value) {
    return new FieldSpec(type, false, type.coerceField(value));
  }

  @Override
  public Object attribute(String name) {
    return null;
  }

  @Override
  public String typeName() {
    return "TypeSignature";
  }
}
