package io.borealis.config.aurora.pystachio;

import io.borealis.config.aurora.python.PyCallable;
import io.borealis.config.aurora.python.PyObject;

/** Pystachio's {@code TypeCheck}: ok, or the first failure's message (nested like {@code Job[task] failed: ...}). */
public record TypeCheck(boolean ok, String message) implements PyObject {
  public static final TypeCheck OK = new TypeCheck(true, null);

  public static TypeCheck failure(String message) {
    return new TypeCheck(false, message);
  }

  @Override
  public Object attribute(String name) {
    return switch (name) {
      case "ok" -> (PyCallable) (site, args, kwargs) -> ok;
      case "message" -> (PyCallable) (site, args, kwargs) -> message == null ? "" : message;
      default -> null;
    };
  }

  @Override
  public String typeName() {
    return "TypeCheck";
  }
}
