package io.borealis.config.aurora.pystachio;

import io.borealis.config.aurora.python.Py;
import io.borealis.config.aurora.python.PyException;
import io.borealis.config.aurora.python.SourceLocation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A Struct class: its name and fields in declaration order. Calling it constructs an instance. */
public final class StructType extends PType {
  private final String name;
  private final Map<String, FieldSpec> fields;

  public StructType(String name, Map<String, FieldSpec> fields) {
    this.name = name;
    this.fields = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fields));
  }

  @Override
  public String name() {
    return name;
  }

  public Map<String, FieldSpec> fields() {
    return fields;
  }

  @Override
  public PObject wrap(Object value) {
    if (value instanceof Struct struct && struct.type().name().equals(name)) {
      return struct;
    }
    return construct(List.of(value), Map.of(), null);
  }

  @Override
  public Object call(SourceLocation site, List<Object> args, Map<String, Object> kwargs) {
    return construct(args, kwargs, site);
  }

  /** {@code S(mapping, ..., **kw)}: defaults, then each mapping, then the keywords. */
  public Struct construct(List<Object> args, Map<String, Object> kwargs, SourceLocation site) {
    Map<String, PObject> values = new LinkedHashMap<>();
    fields.forEach((field, spec) -> {
      if (spec.defaultValue() != null) {
        values.put(field, spec.defaultValue());
      }
    });
    for (Object arg : args) {
      if (!(arg instanceof Map<?, ?> map)) {
        throw PyException.value(name + "() expects keyword arguments or a dict, got " + Py.repr(Values.toPython(arg)));
      }
      map.forEach((k, v) -> set(values, Py.str(k), v));
    }
    kwargs.forEach((k, v) -> set(values, k, v));
    return new Struct(this, values, List.of(), site);
  }

  /** Sets one field, wrapping the value in the field's type; {@code Empty} clears it. */
  void set(Map<String, PObject> values, String field, Object value) {
    FieldSpec spec = fields.get(field);
    if (spec == null) {
      throw new PyException("AttributeError", "unknown attribute " + field + " of " + name + " (its attributes are "
          + String.join(", ", fields.keySet()) + ")");
    }
    if (value instanceof EmptyValue) {
      values.remove(field);
    } else {
      values.put(field, spec.type().coerceField(value));
    }
  }
}
