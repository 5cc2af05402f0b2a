package io.borealis.config.aurora.pystachio;

import io.borealis.config.aurora.python.PyClassFactory;
import io.borealis.config.aurora.python.PyObject;
import io.borealis.config.aurora.python.SourceLocation;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code Struct}, the base of {@code class Profile(Struct): ...}. The class body's types and
 * {@code Required}/{@code Default} signatures become fields; anything else in the body is dropped, as
 * Pystachio's metaclass does.
 */
public final class StructBase implements PyClassFactory, PyObject {
  public static final StructBase INSTANCE = new StructBase();

  private StructBase() {}

  @Override
  public Object defineClass(String name, Map<String, Object> body, SourceLocation where) {
    Map<String, FieldSpec> fields = new LinkedHashMap<>();
    body.forEach((field, value) -> {
      if (value instanceof FieldSpec spec) {
        fields.put(field, spec);
      } else if (value instanceof PType type) {
        fields.put(field, FieldSpec.optional(type));
      }
    });
    return new StructType(name, fields);
  }

  @Override
  public Object attribute(String name) {
    return null;
  }

  @Override
  public String typeName() {
    return "type";
  }
}
