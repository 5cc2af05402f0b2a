package io.borealis.config.aurora.pystachio;

import io.borealis.config.aurora.python.PyCallable;
import io.borealis.config.aurora.python.PyException;
import io.borealis.config.aurora.python.PyObject;
import io.borealis.config.aurora.python.SourceLocation;
import java.util.List;
import java.util.Map;

/**
 * A Pystachio type: {@code String}, {@code List(Process)}, a Struct class... Calling it from a config
 * constructs a value. Types are structural: two {@code List(String)} are the same type because
 * their names are equal.
 */
public abstract class PType implements PyCallable, PyObject {
  public abstract String name();

  /** The constructor: wraps a Python value (or another Pystachio value) as this type, lazily. */
  public abstract PObject wrap(Object value);

  public boolean isInstance(Object value) {
    return value instanceof PObject object && object.type().name().equals(name());
  }

  /** A field or element value: kept when already of this type, otherwise constructed. */
  public PObject coerceField(Object value) {
    return isInstance(value) ? (PObject) value : wrap(value);
  }

  @Override
  public Object call(SourceLocation site, List<Object> args, Map<String, Object> kwargs) {
    if (args.size() != 1 || !kwargs.isEmpty()) {
      throw PyException.type(name() + "() takes exactly one value");
    }
    return wrap(args.get(0));
  }

  @Override
  public Object attribute(String name) {
    return null;
  }

  @Override
  public String typeName() {
    return "type";
  }

  @Override
  public String toString() {
    return "<type " + name() + ">";
  }
}
