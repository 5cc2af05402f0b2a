package io.borealis.config.aurora.pystachio;

import io.borealis.config.aurora.python.PyException;
import java.util.List;
import java.util.Map;

/**
 * A Choice field's value. It keeps the raw value; interpolation tries the alternatives in order: a
 * value already of an alternative's type takes that branch, otherwise the first alternative whose
 * constructor and interpolation accept it wins (even with references still unbound).
 */
public final class ChoiceValue extends PObject {
  private final Object raw;

  ChoiceValue(ChoiceType type, Object raw, List<Namable> scopes) {
    super(type, scopes);
    this.raw = raw;
  }

  Object raw() {
    return raw;
  }

  private ChoiceType choiceType() {
    return (ChoiceType) type;
  }

  @Override
  protected PObject withScopes(List<Namable> newScopes) {
    return new ChoiceValue(choiceType(), raw, newScopes);
  }

  /** The alternative the value is, or becomes (null when none accepts it), with the value as that type. */
  private PObject candidate(PType alternative) {
    if (alternative instanceof StructType struct && raw instanceof Map<?, ?> map
        && !struct.fields().keySet().containsAll(map.keySet().stream().map(String::valueOf).toList())) {
      return null;
    }
    try {
      return alternative.wrap(raw).inScope(scopes);
    } catch (PyException e) {
      if (e.kind().equals("ValueError") || e.kind().equals("CoercionError")) {
        return null;
      }
      throw e;
    }
  }

  @Override
  public Interpolated interpolate(Interpolation context) {
    for (PType alternative : choiceType().alternatives()) {
      if (alternative.isInstance(raw)) {
        return ((PObject) raw).inScope(scopes).interpolate(context);
      }
    }
    for (PType alternative : choiceType().alternatives()) {
      PObject value = candidate(alternative);
      if (value == null) {
        continue;
      }
      try {
        return value.interpolate(context);
      } catch (PyException e) {
        if (!e.kind().equals("ValueError") && !e.kind().equals("CoercionError")) {
          throw e;
        }
      }
    }
    throw new PyException("CoercionError", noMatch());
  }

  private String noMatch() {
    return type.name() + " typecheck failed: value " + describe(raw instanceof PObject o ? o.get() : raw)
        + " did not match any of its alternatives";
  }

  @Override
  public TypeCheck check(Interpolation context) {
    for (PType alternative : choiceType().alternatives()) {
      if (alternative.isInstance(raw)) {
        return ((PObject) raw).inScope(scopes).check(context);
      }
    }
    for (PType alternative : choiceType().alternatives()) {
      PObject value = candidate(alternative);
      if (value != null && value.check(context).ok()) {
        return TypeCheck.OK;
      }
    }
    return TypeCheck.failure(noMatch());
  }

  /** The interpolated value as its alternative's type ({@code unwrap()}). */
  public PObject unwrap() {
    return interpolate().value();
  }

  @Override
  public Object get() {
    return raw instanceof PObject object ? object.get() : raw;
  }

  @Override
  String str(Interpolation context) {
    return interpolate(context).value().str(context);
  }
}
