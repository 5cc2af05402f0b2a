package io.borealis.config.aurora.python;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Evaluates expressions. Errors get the location of the innermost call, attribute or subscript. */
final class Evaluator {
  private final Interpreter interpreter;
  private final Map<String, Object> builtins;

  Evaluator(Interpreter interpreter, Map<String, Object> builtins) {
    this.interpreter = interpreter;
    this.builtins = builtins;
  }

  Object eval(Expr expr, Frame frame) {
    try {
      return evalUnlocated(expr, frame);
    } catch (PyException e) {
      throw e.at(frame.at(expr.line(), expr.column()));
    }
  }

  private Object evalUnlocated(Expr expr, Frame frame) {
    if (expr instanceof Expr.Const c) {
      return c.value();
    } else if (expr instanceof Expr.Name n) {
      return name(n.id(), frame);
    } else if (expr instanceof Expr.Call call) {
      return call(call, frame);
    } else if (expr instanceof Expr.Attribute a) {
      return attribute(eval(a.target(), frame), a.name());
    } else if (expr instanceof Expr.Binary b) {
      return Operators.binary(b.op(), eval(b.left(), frame), eval(b.right(), frame));
    } else if (expr instanceof Expr.ListExpr l) {
      List<Object> items = new ArrayList<>(l.items().size());
      l.items().forEach(item -> items.add(eval(item, frame)));
      return items;
    } else if (expr instanceof Expr.TupleExpr t) {
      List<Object> items = new ArrayList<>(t.items().size());
      t.items().forEach(item -> items.add(eval(item, frame)));
      return new PyTuple(items);
    } else if (expr instanceof Expr.DictExpr d) {
      Map<Object, Object> map = new LinkedHashMap<>();
      for (int i = 0; i < d.keys().size(); i++) {
        map.put(eval(d.keys().get(i), frame), eval(d.values().get(i), frame));
      }
      return map;
    } else if (expr instanceof Expr.Subscript s) {
      Object target = eval(s.target(), frame);
      if (s.index() instanceof Expr.Slice slice) {
        return Subscripts.slice(target, optional(slice.lower(), frame), optional(slice.upper(), frame),
            optional(slice.step(), frame));
      }
      return Subscripts.get(target, eval(s.index(), frame));
    } else if (expr instanceof Expr.Unary u) {
      return Operators.unary(u.op(), eval(u.operand(), frame));
    } else if (expr instanceof Expr.BoolOp b) {
      Object left = eval(b.left(), frame);
      boolean decided = b.op().equals("and") ? !Py.truthy(left) : Py.truthy(left);
      return decided ? left : eval(b.right(), frame);
    } else if (expr instanceof Expr.Compare c) {
      return compare(c, frame);
    } else if (expr instanceof Expr.IfElse i) {
      return Py.truthy(eval(i.test(), frame)) ? eval(i.then(), frame) : eval(i.otherwise(), frame);
    } else if (expr instanceof Expr.Comprehension c) {
      return comprehension(c, frame);
    } else if (expr instanceof Expr.Lambda l) {
      return new PyFunction("<lambda>", l.params(), PyFunction.evaluateDefaults(l.params(), frame, this), null,
          l.body(), frame, interpreter);
    }
    throw new PyException("SyntaxError", "this expression cannot be evaluated here");
  }

  private Object optional(Expr expr, Frame frame) {
    return expr == null ? null : eval(expr, frame);
  }

  Object name(String id, Frame frame) {
    Object value = frame.lookup(id);
    if (value == null) {
      value = builtins.get(id);
    }
    if (value == null) {
      if (Sandbox.REFUSED_BUILTINS.contains(id)) {
        throw PyException.notAllowed(id + "()");
      }
      throw new PyException("NameError", "name '" + id + "' is not defined");
    }
    return value;
  }

  static Object attribute(Object target, String name) {
    if (name.startsWith("__")) {
      throw PyException.notAllowed("the attribute " + name);
    }
    Object value = null;
    if (target instanceof PyObject object) {
      value = object.attribute(name);
    } else {
      value = Methods.of(target, name);
    }
    if (value == null) {
      throw new PyException("AttributeError", "'" + Py.typeName(target) + "' object has no attribute '" + name + "'");
    }
    return value;
  }

  private Object compare(Expr.Compare c, Frame frame) {
    Object left = eval(c.first(), frame);
    for (int i = 0; i < c.ops().size(); i++) {
      Object right = eval(c.rest().get(i), frame);
      if (!Operators.compare(c.ops().get(i), left, right)) {
        return false;
      }
      left = right;
    }
    return true;
  }

  private Object call(Expr.Call call, Frame frame) {
    Object function = eval(call.function(), frame);
    List<Object> args = new ArrayList<>();
    Map<String, Object> kwargs = new LinkedHashMap<>();
    for (Expr.Arg arg : call.args()) {
      Object value = eval(arg.value(), frame);
      if (arg.name() != null) {
        if (kwargs.put(arg.name(), value) != null) {
          throw new PyException("SyntaxError", "keyword argument repeated: " + arg.name());
        }
      } else if (arg.star().equals("*")) {
        args.addAll(Iteration.items(value));
      } else if (arg.star().equals("**")) {
        if (!(value instanceof Map<?, ?> map)) {
          throw PyException.type("argument after ** must be a dict, not " + Py.typeName(value));
        }
        map.forEach((k, v) -> kwargs.put(Py.str(k), v));
      } else {
        args.add(value);
      }
    }
    if (!(function instanceof PyCallable callable)) {
      throw PyException.type("'" + Py.typeName(function) + "' object is not callable");
    }
    interpreter.budget().step();
    SourceLocation site = frame.at(call.line(), call.column());
    try {
      return callable.call(site, args, kwargs);
    } catch (PyException e) {
      throw e.at(site);
    }
  }

  private Object comprehension(Expr.Comprehension c, Frame frame) {
    Frame scope = frame.child(frame.file); // Python 3 semantics: the loop variable stays inside
    List<Object> list = new ArrayList<>();
    Map<Object, Object> dict = new LinkedHashMap<>();
    generate(c, 0, scope, list, dict);
    return c.value() == null ? list : dict;
  }

  private void generate(Expr.Comprehension c, int clause, Frame scope, List<Object> list, Map<Object, Object> dict) {
    if (clause == c.clauses().size()) {
      interpreter.budget().step();
      if (c.value() == null) {
        list.add(eval(c.element(), scope));
        Budget.checkSize(list.size());
      } else {
        dict.put(eval(c.element(), scope), eval(c.value(), scope));
      }
      return;
    }
    Expr.For loop = c.clauses().get(clause);
    for (Object item : Iteration.items(eval(loop.iter(), scope))) {
      interpreter.assign(loop.target(), item, scope);
      boolean keep = true;
      for (Expr condition : loop.conditions()) {
        keep = keep && Py.truthy(eval(condition, scope));
      }
      if (keep) {
        generate(c, clause + 1, scope, list, dict);
      }
    }
  }
}
