package io.borealis.config.aurora.pystachio;

import io.borealis.config.aurora.python.PyCallable;
import io.borealis.config.aurora.python.SourceLocation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A Struct instance. References inside its fields see, in order: the struct's own fields (also as
 * {@code self.x}), its bindings newest first, then whatever its parents passed down, and
 * {@code super.x} for the binding scopes only. Calling an instance copies it with fields overridden,
 * keeping its bindings: that is how templates work ({@code job(name='x')}).
 */
public final class Struct extends PObject implements Namable, PyCallable {
  private final Map<String, PObject> fields;
  private final SourceLocation origin;
  private List<Namable> lookupScopes;

  Struct(StructType type, Map<String, PObject> fields, List<Namable> scopes, SourceLocation origin) {
    super(type, scopes);
    this.fields = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    this.origin = origin;
  }

  public StructType structType() {
    return (StructType) type;
  }

  /** Where the config constructed (or last called) this struct, or null. */
  public SourceLocation origin() {
    return origin;
  }

  /** The stored (uninterpolated) field, or null when it is Empty. */
  public PObject raw(String field) {
    return fields.get(field);
  }

  public boolean has(String field) {
    return fields.containsKey(field);
  }

  /** {@code s.field()}: the field interpolated in this struct's scopes, or null when it is Empty. */
  public PObject field(String name) {
    PObject value = fields.get(name);
    return value == null ? null : value.inScope(lookupScopes()).interpolate().value();
  }

  @Override
  protected PObject withScopes(List<Namable> newScopes) {
    return new Struct(structType(), fields, newScopes, origin);
  }

  /** The scopes a field's references resolve in (Pystachio's {@code Struct.scopes()}). */
  List<Namable> lookupScopes() {
    if (lookupScopes == null) {
      Map<Object, Object> own = new LinkedHashMap<>(fields);
      Environment ownScope = Environment.of(own);
      List<Namable> all = new ArrayList<>();
      all.add(Environment.single("self", ownScope));
      all.add(ownScope);
      all.addAll(scopes);
      for (Namable scope : scopes) {
        all.add(Environment.single("super", scope));
      }
      lookupScopes = List.copyOf(all);
    }
    return lookupScopes;
  }

  @Override
  public Interpolated interpolate(Interpolation context) {
    Set<Ref> unbound = new LinkedHashSet<>();
    Map<String, PObject> out = new LinkedHashMap<>();
    for (Map.Entry<String, PObject> field : fields.entrySet()) {
      Interpolated value = field.getValue().inScope(lookupScopes()).interpolate(context);
      out.put(field.getKey(), value.value());
      unbound.addAll(value.unbound());
    }
    return new Interpolated(new Struct(structType(), out, List.of(), origin), new ArrayList<>(unbound));
  }

  @Override
  public TypeCheck check(Interpolation context) {
    for (Map.Entry<String, FieldSpec> spec : structType().fields().entrySet()) {
      PObject value = fields.get(spec.getKey());
      if (value == null) {
        if (spec.getValue().required()) {
          return TypeCheck.failure(type.name() + "[" + spec.getKey() + "] is required.");
        }
        continue;
      }
      TypeCheck check = value.inScope(lookupScopes()).check(context);
      if (!check.ok()) {
        return TypeCheck.failure(type.name() + "[" + spec.getKey() + "] failed: " + check.message());
      }
    }
    return TypeCheck.OK;
  }

  @Override
  public Object get() {
    Map<String, Object> out = new LinkedHashMap<>();
    fields.forEach((name, value) -> out.put(name, value.get()));
    return out;
  }

  @Override
  String str(Interpolation context) {
    List<String> parts = new ArrayList<>();
    ((Struct) interpolate(context).value()).fields.forEach((name, value) -> parts.add(name + "=" + value.str(context)));
    return type.name() + "(" + String.join(", ", parts) + ")";
  }

  @Override
  public Object find(Ref ref, Interpolation context) {
    if (ref.first().index()) {
      throw NotFound.INSTANCE;
    }
    PObject value = fields.get(ref.first().value());
    if (value == null) {
      throw NotFound.INSTANCE;
    }
    PObject found = value.inScope(lookupScopes());
    if (ref.rest().isEmpty()) {
      return found;
    }
    if (!(found instanceof Namable namable)) {
      throw NotFound.INSTANCE;
    }
    return namable.find(ref.rest(), context);
  }

  /** {@code s(**overrides)}: a copy with those fields replaced, keeping bindings. */
  @Override
  public Object call(SourceLocation site, List<Object> args, Map<String, Object> kwargs) {
    Map<String, PObject> values = new LinkedHashMap<>(fields);
    for (Object arg : args) {
      if (!(arg instanceof Map<?, ?> map)) {
        throw io.borealis.config.aurora.python.PyException.value(type.name() + "() expects keyword arguments or a dict");
      }
      map.forEach((k, v) -> structType().set(values, String.valueOf(k), v));
    }
    kwargs.forEach((k, v) -> structType().set(values, k, v));
    return new Struct(structType(), values, scopes, site != null ? site : origin);
  }

  @Override
  public Object attribute(String name) {
    if (structType().fields().containsKey(name)) {
      return (PyCallable) (site, args, kwargs) -> {
        PObject value = field(name);
        return value == null ? EmptyValue.EMPTY : value instanceof ChoiceValue choice ? choice.unwrap() : value;
      };
    }
    if (name.startsWith("has_") && structType().fields().containsKey(name.substring(4))) {
      return (PyCallable) (site, args, kwargs) -> fields.containsKey(name.substring(4));
    }
    return super.attribute(name);
  }
}
