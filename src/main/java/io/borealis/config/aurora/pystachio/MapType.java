package io.borealis.config.aurora.pystachio;

import io.borealis.config.aurora.python.Py;
import io.borealis.config.aurora.python.PyException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@code Map(K, V)}, named like Pystachio's generated class: {@code StringStringMap}. */
public final class MapType extends PType {
  private final PType key;
  private final PType value;

  public MapType(PType key, PType value) {
    this.key = key;
    this.value = value;
  }

  public PType key() {
    return key;
  }

  @Override
  public String name() {
    return key.name() + value.name() + "Map";
  }

  @Override
  public PObject wrap(Object source) {
    if (source instanceof PMap map) {
      return new PMap(this, map.entries(), List.of());
    }
    List<PMap.Entry> entries = new ArrayList<>();
    if (source instanceof Map<?, ?> map) {
      map.forEach((k, v) -> entries.add(new PMap.Entry(key.coerceField(k), value.coerceField(v))));
    } else if (Values.sequence(source) != null) {
      for (Object pair : Values.sequence(source)) {
        List<?> kv = Values.sequence(pair);
        if (kv == null || kv.size() != 2) {
          throw PyException.value(name() + " expects a dict or a list of (key, value) pairs, got " + Py.repr(pair));
        }
        entries.add(new PMap.Entry(key.coerceField(kv.get(0)), value.coerceField(kv.get(1))));
      }
    } else {
      throw PyException.value(name() + " expects a dict, got " + Py.repr(Values.toPython(source)));
    }
    return new PMap(this, entries, List.of());
  }
}
