package io.borealis.config.aurora.python;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a config file the way Aurora's client does ({@code exec} with one dict as globals and locals),
 * but only the Python subset configs use and only the builtins and modules it is given: nothing can
 * reach files (other than {@code include} of files beside the config), processes or the network.
 */
public final class Interpreter {
  /** Reads a file; a test may serve files from memory. */
  @FunctionalInterface
  public interface SourceReader {
    String read(Path file) throws IOException;
  }

  private enum Flow { NEXT, BREAK, CONTINUE, RETURN }

  private final Map<String, PyModule> modules;
  private final SourceReader reader;
  private final Budget budget = new Budget();
  private final Evaluator evaluator;
  private final Deque<Path> files = new ArrayDeque<>();
  private Path root;
  private Path displayRoot;

  public Interpreter(Map<String, Object> builtins, Map<String, PyModule> modules, SourceReader reader) {
    this.modules = Map.copyOf(modules);
    this.reader = reader;
    this.evaluator = new Evaluator(this, builtins);
  }

  /**
   * Runs {@code file} in {@code globals}, which gains an {@code include} function and every name the
   * file assigns.
   *
   * @throws PyException with the file, line and column of the problem
   */
  public void run(Path file, Map<String, Object> globals) {
    root = file.toAbsolutePath().normalize().getParent();
    displayRoot = file.getParent() == null ? Path.of("") : file.getParent();
    globals.putIfAbsent("include", (PyCallable) (site, args, kwargs) -> {
      if (args.size() != 1 || !(args.get(0) instanceof String name)) {
        throw PyException.type("include() takes one file name");
      }
      include(name, globals);
      return Py.NONE;
    });
    runFile(file, globals);
  }

  private void runFile(Path file, Map<String, Object> globals) {
    String display = file.toString();
    String source;
    try {
      source = reader.read(file);
    } catch (IOException e) {
      throw new PyException("IOError", "cannot read " + display + ": " + e.getMessage());
    }
    List<Stmt> body = Parser.parse(display, source);
    files.push(file.toAbsolutePath().normalize());
    try {
      execBlock(body, Frame.module(globals, display));
    } catch (StackOverflowError e) {
      throw new PyException("LimitError", "the config nests too deeply to evaluate");
    } finally {
      files.pop();
    }
  }

  /** Aurora's {@code include}: a file relative to the including one, run into the same globals. */
  private void include(String name, Map<String, Object> globals) {
    Path including = files.peek();
    Path target = including.getParent().resolve(name).normalize();
    if (!target.startsWith(root)) {
      throw PyException.notAllowed("include('" + name + "') of a file outside the config's directory " + root);
    }
    if (files.contains(target)) {
      throw new PyException("IncludeError", "include('" + name + "') includes itself (include cycle)");
    }
    if (files.size() >= Budget.MAX_INCLUDE_DEPTH) {
      throw new PyException("LimitError", "includes nest deeper than " + Budget.MAX_INCLUDE_DEPTH);
    }
    runFile(displayRoot.resolve(root.relativize(target)), globals);
  }

  Budget budget() {
    return budget;
  }

  Evaluator evaluator() {
    return evaluator;
  }

  void execBlock(List<Stmt> body, Frame frame) {
    exec(body, frame);
  }

  private Flow exec(List<Stmt> body, Frame frame) {
    for (Stmt stmt : body) {
      budget.step();
      Flow flow;
      try {
        flow = exec(stmt, frame);
      } catch (PyException e) {
        throw e.at(frame.at(stmt.line(), stmt.column()));
      } catch (RuntimeException e) { // a bug of ours must still read as an error in the config, not a trace
        throw new PyException("InternalError", "cannot evaluate this statement: " + e)
            .at(frame.at(stmt.line(), stmt.column()));
      }
      if (flow != Flow.NEXT) {
        return flow;
      }
    }
    return Flow.NEXT;
  }

  private Flow exec(Stmt stmt, Frame frame) {
    if (stmt instanceof Stmt.Assign a) {
      Object value = evaluator.eval(a.value(), frame);
      a.targets().forEach(target -> assign(target, value, frame));
    } else if (stmt instanceof Stmt.ExprStmt e) {
      evaluator.eval(e.value(), frame);
    } else if (stmt instanceof Stmt.AugAssign a) {
      Object current = evaluator.eval(a.target(), frame);
      Object value = evaluator.eval(a.value(), frame);
      if (current instanceof List<?> && a.op().equals("+")) {
        Methods.of(current, "extend").call(null, List.of(value), Map.of()); // list += iterable extends in place
      } else {
        assign(a.target(), Operators.binary(a.op(), current, value), frame);
      }
    } else if (stmt instanceof Stmt.If i) {
      return exec(Py.truthy(evaluator.eval(i.test(), frame)) ? i.body() : i.orElse(), frame);
    } else if (stmt instanceof Stmt.For f) {
      return loop(f, frame);
    } else if (stmt instanceof Stmt.While w) {
      while (Py.truthy(evaluator.eval(w.test(), frame))) {
        Flow flow = exec(w.body(), frame);
        if (flow == Flow.BREAK) {
          break;
        } else if (flow == Flow.RETURN) {
          return flow;
        }
      }
    } else if (stmt instanceof Stmt.Def d) {
      frame.locals.put(d.name(), new PyFunction(d.name(), d.params(),
          PyFunction.evaluateDefaults(d.params(), frame, evaluator), d.body(), null, frame, this));
    } else if (stmt instanceof Stmt.ClassDef c) {
      defineClass(c, frame);
    } else if (stmt instanceof Stmt.Return r) {
      frame.returned = r.value() == null ? Py.NONE : evaluator.eval(r.value(), frame);
      return Flow.RETURN;
    } else if (stmt instanceof Stmt.Keyword k) {
      return k.word().equals("break") ? Flow.BREAK : k.word().equals("continue") ? Flow.CONTINUE : Flow.NEXT;
    } else if (stmt instanceof Stmt.Import i) {
      importModule(i, frame);
    } else if (stmt instanceof Stmt.FromImport f) {
      fromImport(f, frame);
    } else if (stmt instanceof Stmt.Print p) {
      p.values().forEach(value -> evaluator.eval(value, frame)); // evaluated for errors; there is no console
    } else if (stmt instanceof Stmt.Assert a) {
      if (!Py.truthy(evaluator.eval(a.test(), frame))) {
        throw new PyException("AssertionError", a.message() == null ? "assertion failed"
            : Py.str(evaluator.eval(a.message(), frame)));
      }
    } else if (stmt instanceof Stmt.Raise r) {
      throw new PyException("Error", r.value() == null ? "raise" : Py.str(evaluator.eval(r.value(), frame)));
    }
    return Flow.NEXT;
  }

  private Flow loop(Stmt.For f, Frame frame) {
    for (Object item : Iteration.items(evaluator.eval(f.iter(), frame))) {
      budget.step();
      assign(f.target(), item, frame);
      Flow flow = exec(f.body(), frame);
      if (flow == Flow.BREAK) {
        return Flow.NEXT;
      } else if (flow == Flow.RETURN) {
        return flow;
      }
    }
    return exec(f.orElse(), frame);
  }

  void assign(Expr target, Object value, Frame frame) {
    if (target instanceof Expr.Name n) {
      frame.locals.put(n.id(), value);
    } else if (target instanceof Expr.TupleExpr || target instanceof Expr.ListExpr) {
      List<Expr> items = target instanceof Expr.TupleExpr t ? t.items() : ((Expr.ListExpr) target).items();
      List<Object> values = Iteration.unpack(value, items.size());
      for (int i = 0; i < items.size(); i++) {
        assign(items.get(i), values.get(i), frame);
      }
    } else if (target instanceof Expr.Subscript s) {
      Subscripts.set(evaluator.eval(s.target(), frame), evaluator.eval(s.index(), frame), value);
    } else {
      throw PyException.type("cannot assign to an attribute in a config; configs build new objects instead");
    }
  }

  private void defineClass(Stmt.ClassDef c, Frame frame) {
    Object base = c.bases().size() == 1 ? evaluator.eval(c.bases().get(0), frame) : null;
    if (!(base instanceof PyClassFactory factory)) {
      throw PyException.type("class " + c.name() + ": a config may only define schema classes, "
          + "written 'class " + c.name() + "(Struct):'");
    }
    Frame body = frame.child(frame.file);
    exec(c.body(), body);
    frame.locals.put(c.name(), factory.defineClass(c.name(), new LinkedHashMap<>(body.locals), frame.at(c.line(), c.column())));
  }

  private PyModule module(String name) {
    PyModule module = modules.get(name);
    if (module == null) {
      throw PyException.notAllowed("import of module '" + name + "'");
    }
    return module;
  }

  private void importModule(Stmt.Import i, Frame frame) {
    PyModule module = module(i.module());
    if (i.alias() != null) {
      frame.locals.put(i.alias(), module);
    } else if (!i.module().contains(".")) {
      frame.locals.put(i.module(), module);
    } else {
      String top = i.module().substring(0, i.module().indexOf('.'));
      frame.locals.put(top, module(top));
    }
  }

  private void fromImport(Stmt.FromImport f, Frame frame) {
    PyModule module = module(f.module());
    for (int n = 0; n < f.names().size(); n++) {
      String name = f.names().get(n);
      if (name.equals("*")) {
        frame.locals.putAll(module.members());
        continue;
      }
      Object member = module.attribute(name);
      if (member == null) {
        throw new PyException("ImportError", "cannot import name " + name + " from " + f.module());
      }
      frame.locals.put(f.aliases().get(n), member);
    }
  }
}
