package io.borealis.config.aurora.python;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A {@code def} or {@code lambda} of the config, closing over the frame it was defined in. */
final class PyFunction implements PyCallable {
  private final String name;
  private final List<Expr.Param> params;
  private final List<Object> defaults;
  private final List<Stmt> body;
  private final Expr expression;
  private final Frame closure;
  private final Interpreter interpreter;

  PyFunction(String name, List<Expr.Param> params, List<Object> defaults, List<Stmt> body, Expr expression,
      Frame closure, Interpreter interpreter) {
    this.name = name;
    this.params = params;
    this.defaults = defaults;
    this.body = body;
    this.expression = expression;
    this.closure = closure;
    this.interpreter = interpreter;
  }

  @Override
  public Object call(SourceLocation site, List<Object> args, Map<String, Object> kwargs) {
    Frame frame = closure.child(closure.file);
    bind(frame, args, kwargs);
    interpreter.budget().enter("calling " + name + "()");
    try {
      if (expression != null) {
        return interpreter.evaluator().eval(expression, frame);
      }
      interpreter.execBlock(body, frame);
      return frame.returned;
    } finally {
      interpreter.budget().leave();
    }
  }

  private void bind(Frame frame, List<Object> args, Map<String, Object> kwargs) {
    Map<String, Object> remaining = new java.util.LinkedHashMap<>(kwargs);
    int next = 0;
    for (int i = 0; i < params.size(); i++) {
      Expr.Param param = params.get(i);
      if (param.star().equals("*")) {
        frame.locals.put(param.name(), new PyTuple(next < args.size() ? args.subList(next, args.size()) : List.of()));
        next = args.size();
      } else if (param.star().equals("**")) {
        Map<Object, Object> rest = Operators.dict();
        rest.putAll(remaining);
        frame.locals.put(param.name(), rest);
        remaining.clear();
      } else if (next < args.size()) {
        frame.locals.put(param.name(), args.get(next++));
      } else if (remaining.containsKey(param.name())) {
        frame.locals.put(param.name(), remaining.remove(param.name()));
      } else if (defaults.get(i) != null) {
        frame.locals.put(param.name(), defaults.get(i));
      } else {
        throw PyException.type(name + "() is missing the argument '" + param.name() + "'");
      }
    }
    if (next < args.size()) {
      throw PyException.type(name + "() takes " + params.size() + " arguments (" + args.size() + " given)");
    }
    if (!remaining.isEmpty()) {
      throw PyException.type(name + "() got an unexpected keyword argument '" + remaining.keySet().iterator().next() + "'");
    }
  }

  static List<Object> evaluateDefaults(List<Expr.Param> params, Frame frame, Evaluator evaluator) {
    List<Object> defaults = new ArrayList<>();
    for (Expr.Param param : params) {
      defaults.add(param.defaultValue() == null ? null : evaluator.eval(param.defaultValue(), frame));
    }
    return defaults;
  }

  @Override
  public String toString() {
    return "<function " + name + ">";
  }
}
