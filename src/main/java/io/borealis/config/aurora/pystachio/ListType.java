package io.borealis.config.aurora.pystachio;

import io.borealis.config.aurora.python.Py;
import io.borealis.config.aurora.python.PyException;
import java.util.ArrayList;
import java.util.List;

/** {@code List(T)}, named like Pystachio's generated class: {@code ProcessList}, {@code IntegerList}. */
public final class ListType extends PType {
  private final PType element;

  public ListType(PType element) {
    this.element = element;
  }

  public PType element() {
    return element;
  }

  @Override
  public String name() {
    return element.name() + "List";
  }

  @Override
  public PObject wrap(Object value) {
    if (value instanceof PList list) {
      value = list.elements();
    }
    List<?> items = Values.sequence(value);
    if (items == null) {
      throw PyException.value("ListContainer expects an iterable, got " + Py.repr(Values.toPython(value)));
    }
    List<PObject> elements = new ArrayList<>(items.size());
    for (Object item : items) {
      elements.add(element.coerceField(item));
    }
    return new PList(this, elements, List.of());
  }
}
