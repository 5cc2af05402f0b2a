package io.borealis.config.aurora.pystachio;

import io.borealis.config.aurora.python.PyException;
import io.borealis.config.aurora.python.Py;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/** Turns {@code .bind(*args, **kw)} arguments into scopes, in Pystachio's priority order. */
final class Scopes {
  private Scopes() {}

  /** Each arg becomes a scope and {@code kw} one more; reversed, so the last argument wins, {@code kw} most of all. */
  static List<Namable> fromArgs(List<Object> args, Map<String, Object> kwargs) {
    List<Namable> scopes = new ArrayList<>();
    for (Object arg : args) {
      if (arg instanceof Namable namable) {
        scopes.add(namable);
      } else if (arg instanceof Map<?, ?> map) {
        scopes.add(Environment.of(map));
      } else {
        throw PyException.type("bind() takes dicts, Environments or Structs, not " + Py.typeName(arg));
      }
    }
    if (!kwargs.isEmpty()) {
      scopes.add(Environment.of(kwargs));
    }
    Collections.reverse(scopes);
    return scopes;
  }
}
