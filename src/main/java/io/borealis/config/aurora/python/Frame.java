package io.borealis.config.aurora.python;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A namespace being executed: the module (where locals are the globals, as Aurora's loader runs a
 * config with one dict for both), a function call, or a class body.
 */
final class Frame {
  final Map<String, Object> locals;
  final Frame enclosing;
  final Map<String, Object> globals;
  final String file;
  Object returned = Py.NONE;

  private Frame(Map<String, Object> locals, Frame enclosing, Map<String, Object> globals, String file) {
    this.locals = locals;
    this.enclosing = enclosing;
    this.globals = globals;
    this.file = file;
  }

  static Frame module(Map<String, Object> globals, String file) {
    return new Frame(globals, null, globals, file);
  }

  Frame child(String inFile) {
    return new Frame(new LinkedHashMap<>(), this, globals, inFile);
  }

  /** Locals, then enclosing functions, then globals; null when unbound (builtins come last, elsewhere). */
  Object lookup(String name) {
    for (Frame frame = this; frame != null; frame = frame.enclosing) {
      Object value = frame.locals.get(name);
      if (value != null) {
        return value;
      }
    }
    return globals.get(name);
  }

  SourceLocation at(int line, int column) {
    return new SourceLocation(file, line, column);
  }
}
