package io.borealis.config.aurora.pystachio;

import io.borealis.config.aurora.python.Py;
import io.borealis.config.aurora.python.PyException;
import java.util.List;

/**
 * A scalar value. It keeps what it was constructed with; coercion to its type happens when it is
 * interpolated, so {@code Integer('{{x}}')} is legal until {@code x} turns out not to be a number.
 */
public final class Scalar extends PObject {
  private final Object raw;

  Scalar(ScalarType type, Object raw, List<Namable> scopes) {
    super(type, scopes);
    this.raw = raw;
  }

  public Object raw() {
    return raw;
  }

  private ScalarType scalarType() {
    return (ScalarType) type;
  }

  @Override
  protected PObject withScopes(List<Namable> newScopes) {
    return new Scalar(scalarType(), raw, newScopes);
  }

  @Override
  public Interpolated interpolate(Interpolation context) {
    if (!(raw instanceof String text)) {
      return new Interpolated(new Scalar(scalarType(), scalarType().coerce(raw), List.of()), List.of());
    }
    Mustache.Resolved resolved = Mustache.resolve(text, scopes, context);
    if (!resolved.unbound().isEmpty()) {
      return new Interpolated(new Scalar(scalarType(), resolved.text(), List.of()), resolved.unbound());
    }
    return new Interpolated(new Scalar(scalarType(), scalarType().coerce(resolved.text()), List.of()), List.of());
  }

  @Override
  public TypeCheck check(Interpolation context) {
    Object value;
    try {
      value = ((Scalar) interpolate(context).value()).raw;
    } catch (PyException e) {
      if (e.kind().equals("CoercionError") || e.kind().equals("Uninterpolatable")) {
        return TypeCheck.failure("Unable to interpolate: " + e.getMessage());
      }
      throw e;
    }
    String failure = scalarType().failure(value);
    return failure == null ? TypeCheck.OK : TypeCheck.failure(failure);
  }

  @Override
  public Object get() {
    return raw;
  }

  @Override
  String str(Interpolation context) {
    return Py.str(((Scalar) interpolate(context).value()).raw);
  }
}
