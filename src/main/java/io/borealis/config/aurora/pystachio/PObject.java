package io.borealis.config.aurora.pystachio;

import io.borealis.config.aurora.python.Py;
import io.borealis.config.aurora.python.PyCallable;
import io.borealis.config.aurora.python.PyObject;
import io.borealis.config.aurora.python.PyTuple;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A Pystachio value: immutable, typed, and carrying the scopes its {@code {{refs}}} resolve in.
 * Binding returns a copy with more scopes; {@link #interpolate} returns a copy with every resolvable
 * reference replaced, coerced to the type, plus the references left unbound.
 */
public abstract class PObject implements PyObject {
  protected final PType type;
  protected final List<Namable> scopes;

  protected PObject(PType type, List<Namable> scopes) {
    this.type = type;
    this.scopes = List.copyOf(scopes);
  }

  public PType type() {
    return type;
  }

  /** This value with {@code scopes} instead of its own. */
  protected abstract PObject withScopes(List<Namable> newScopes);

  /** The scopes references inside this value resolve in, innermost first. */
  public List<Namable> scopes() {
    return scopes;
  }

  /** {@code .bind(...)}: {@code added} come before the existing scopes (they win). */
  public PObject bind(List<Namable> added) {
    List<Namable> all = new ArrayList<>(added);
    all.addAll(scopes);
    return withScopes(all);
  }

  /** {@code .in_scope(...)}: {@code added} come after the existing scopes (they lose). */
  public PObject inScope(List<Namable> added) {
    if (added.isEmpty()) {
      return this;
    }
    List<Namable> all = new ArrayList<>(scopes);
    all.addAll(added);
    return withScopes(all);
  }

  /** The value with references resolved, and those that could not be. */
  public record Interpolated(PObject value, List<Ref> unbound) {}

  public abstract Interpolated interpolate(Interpolation context);

  public Interpolated interpolate() {
    return interpolate(new Interpolation());
  }

  public abstract TypeCheck check(Interpolation context);

  public TypeCheck check() {
    return check(new Interpolation());
  }

  /** The raw value, not interpolated: String/Long/Double/Boolean, a List, or a Map of non-empty fields. */
  public abstract Object get();

  /** What a mustache substitution inserts: {@code str(value)} after interpolation. */
  abstract String str(Interpolation context);

  static String text(Object found, Interpolation context) {
    if (found instanceof PObject object) {
      context.enter(object.toString());
      try {
        return object.str(context);
      } finally {
        context.leave();
      }
    }
    return Py.str(found);
  }

  /** Python-visible methods every value has. */
  @Override
  public Object attribute(String name) {
    return switch (name) {
      case "bind" -> (PyCallable) (site, args, kwargs) -> bind(Scopes.fromArgs(args, kwargs));
      case "in_scope" -> (PyCallable) (site, args, kwargs) -> inScope(Scopes.fromArgs(args, kwargs));
      case "interpolate" -> (PyCallable) (site, args, kwargs) -> {
        Interpolated result = interpolate();
        return new PyTuple(List.of(result.value(), new ArrayList<Object>(result.unbound().stream().map(Ref::toString).toList())));
      };
      case "check" -> (PyCallable) (site, args, kwargs) -> check();
      case "get" -> (PyCallable) (site, args, kwargs) -> Values.toPython(get());
      case "copy" -> (PyCallable) (site, args, kwargs) -> this;
      default -> null;
    };
  }

  @Override
  public String typeName() {
    return type.name();
  }

  /** Same type and equal interpolated values, as Pystachio compares. */
  @Override
  public boolean equals(Object other) {
    if (!(other instanceof PObject that) || !type.name().equals(that.type.name())) {
      return false;
    }
    return Objects.equals(interpolate().value().get(), that.interpolate().value().get());
  }

  @Override
  public int hashCode() {
    return Objects.hash(type.name(), interpolate().value().get());
  }

  @Override
  public String toString() {
    return str(new Interpolation());
  }

  static String describe(Object raw) {
    return raw instanceof Map || raw instanceof List ? Py.repr(Values.toPython(raw)) : Py.repr(raw);
  }
}
