package io.borealis.config.aurora.pystachio;

import io.borealis.config.aurora.python.Py;
import io.borealis.config.aurora.python.PyException;
import io.borealis.config.aurora.python.PySequence;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** A {@code List(T)} value. Elements interpolate in the list's scopes, after their own. */
public final class PList extends PObject implements Namable, PySequence {
  private final List<PObject> values;

  PList(ListType type, List<PObject> values, List<Namable> scopes) {
    super(type, scopes);
    this.values = List.copyOf(values);
  }

  /** The elements as stored (not interpolated). */
  public List<PObject> values() {
    return values;
  }

  @Override
  protected PObject withScopes(List<Namable> newScopes) {
    return new PList((ListType) type, values, newScopes);
  }

  @Override
  public Interpolated interpolate(Interpolation context) {
    Set<Ref> unbound = new LinkedHashSet<>();
    List<PObject> out = new ArrayList<>(values.size());
    for (PObject value : values) {
      Interpolated element = value.inScope(scopes).interpolate(context);
      out.add(element.value());
      unbound.addAll(element.unbound());
    }
    return new Interpolated(new PList((ListType) type, out, List.of()), new ArrayList<>(unbound));
  }

  @Override
  public TypeCheck check(Interpolation context) {
    for (PObject value : values) {
      TypeCheck check = value.inScope(scopes).check(context);
      if (!check.ok()) {
        return TypeCheck.failure("Element in " + type.name() + " failed check: " + check.message());
      }
    }
    return TypeCheck.OK;
  }

  @Override
  public Object get() {
    List<Object> out = new ArrayList<>(values.size());
    values.forEach(value -> out.add(value.get()));
    return out;
  }

  @Override
  String str(Interpolation context) {
    List<String> parts = new ArrayList<>();
    for (PObject value : ((PList) interpolate(context).value()).values) {
      parts.add(value.str(context));
    }
    return type.name() + "(" + String.join(", ", parts) + ")";
  }

  @Override
  public Object find(Ref ref, Interpolation context) {
    if (!ref.first().index()) {
      throw NotFound.INSTANCE;
    }
    int index;
    try {
      index = Integer.parseInt(ref.first().value());
    } catch (NumberFormatException e) {
      throw NotFound.INSTANCE;
    }
    if (index < 0 || index >= values.size()) {
      throw NotFound.INSTANCE;
    }
    PObject found = values.get(index).inScope(scopes);
    if (ref.rest().isEmpty()) {
      return found;
    }
    if (!(found instanceof Namable namable)) {
      throw NotFound.INSTANCE;
    }
    return namable.find(ref.rest(), context);
  }

  /** Iterating a list in a config yields interpolated elements, as Pystachio does. */
  @Override
  public List<Object> elements() {
    return new ArrayList<>(((PList) interpolate().value()).values);
  }

  @Override
  public Object item(Object key) {
    if (!(key instanceof Long index)) {
      throw PyException.type("list indices must be integers, not " + Py.typeName(key));
    }
    List<Object> elements = elements();
    long i = index < 0 ? index + elements.size() : index;
    if (i < 0 || i >= elements.size()) {
      throw new PyException("IndexError", "list index out of range");
    }
    return elements.get((int) i);
  }
}
