package io.borealis.config.aurora.pystachio;

import io.borealis.config.aurora.python.Py;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A {@code Map(K, V)} value: (key, value) pairs in the order they were given. */
public final class PMap extends PObject implements Namable {
  /** One pair. */
  public record Entry(PObject key, PObject value) {}

  private final List<Entry> entries;

  PMap(MapType type, List<Entry> entries, List<Namable> scopes) {
    super(type, scopes);
    this.entries = List.copyOf(entries);
  }

  public List<Entry> entries() {
    return entries;
  }

  @Override
  protected PObject withScopes(List<Namable> newScopes) {
    return new PMap((MapType) type, entries, newScopes);
  }

  @Override
  public Interpolated interpolate(Interpolation context) {
    Set<Ref> unbound = new LinkedHashSet<>();
    List<Entry> out = new ArrayList<>();
    for (Entry entry : entries) {
      Interpolated k = entry.key().inScope(scopes).interpolate(context);
      Interpolated v = entry.value().inScope(scopes).interpolate(context);
      unbound.addAll(k.unbound());
      unbound.addAll(v.unbound());
      out.add(new Entry(k.value(), v.value()));
    }
    return new Interpolated(new PMap((MapType) type, out, List.of()), new ArrayList<>(unbound));
  }

  @Override
  public TypeCheck check(Interpolation context) {
    for (Entry entry : entries) {
      TypeCheck key = entry.key().inScope(scopes).check(context);
      if (!key.ok()) {
        return TypeCheck.failure(type.name() + " key " + Py.str(entry.key().get()) + " failed check: " + key.message());
      }
      TypeCheck value = entry.value().inScope(scopes).check(context);
      if (!value.ok()) {
        return TypeCheck.failure(type.name() + "[" + Py.str(entry.key().get()) + "] value " + Py.str(entry.value().get())
            + " failed check: " + value.message());
      }
    }
    return TypeCheck.OK;
  }

  @Override
  public Object get() {
    Map<Object, Object> out = new LinkedHashMap<>();
    entries.forEach(entry -> out.put(entry.key().get(), entry.value().get()));
    return out;
  }

  @Override
  String str(Interpolation context) {
    List<String> parts = new ArrayList<>();
    for (Entry entry : ((PMap) interpolate(context).value()).entries) {
      parts.add(entry.key().str(context) + " => " + entry.value().str(context));
    }
    return type.name() + "(" + String.join(", ", parts) + ")";
  }

  /** {@code [key]}: the key text is coerced to the key type and compared with the interpolated keys. */
  @Override
  public Object find(Ref ref, Interpolation context) {
    if (!ref.first().index()) {
      throw NotFound.INSTANCE;
    }
    String wanted;
    try {
      wanted = ((MapType) type).key().wrap(ref.first().value()).str(context);
    } catch (RuntimeException e) {
      throw NotFound.INSTANCE;
    }
    for (Entry entry : entries) {
      if (entry.key().inScope(scopes).str(context).equals(wanted)) {
        PObject found = entry.value().inScope(scopes);
        if (ref.rest().isEmpty()) {
          return found;
        }
        if (found instanceof Namable namable) {
          return namable.find(ref.rest(), context);
        }
        throw NotFound.INSTANCE;
      }
    }
    throw NotFound.INSTANCE;
  }

  @Override
  public Object attribute(String name) {
    return super.attribute(name);
  }
}
