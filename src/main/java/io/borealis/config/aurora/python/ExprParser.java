package io.borealis.config.aurora.python;

import io.borealis.config.aurora.python.Token.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Recursive-descent parser for expressions (Python 2 grammar, the parts configs use). */
class ExprParser extends TokenCursor {
  ExprParser(String file, List<Token> tokens) {
    super(file, tokens);
  }

  private static final Set<String> COMPARISONS = Set.of("<", ">", "==", ">=", "<=", "!=", "<>");

  // ---- expressions

  /** A comma-separated list that becomes a tuple when there is a comma, as on the right of {@code =}. */
  Expr testList() {
    Token start = peek();
    Expr first = test();
    if (!peek().isOp(",")) {
      return first;
    }
    List<Expr> items = new ArrayList<>(List.of(first));
    while (acceptOp(",") && startsExpression()) {
      items.add(test());
    }
    return new Expr.TupleExpr(items, start.line(), start.column());
  }

  Expr test() {
    Token start = peek();
    if (acceptKeyword("lambda")) {
      List<Expr.Param> params = parameters(":");
      expectOp(":", "after lambda parameters");
      return new Expr.Lambda(params, test(), start.line(), start.column());
    }
    Expr value = orTest();
    if (acceptKeyword("if")) {
      Expr condition = orTest();
      if (!acceptKeyword("else")) {
        throw syntax(peek(), "expected 'else' in conditional expression, found " + peek().describe());
      }
      return new Expr.IfElse(condition, value, test(), start.line(), start.column());
    }
    return value;
  }

  /** Parameters up to {@code end}: {@code a, b=1, *args, **kw}. */
  protected List<Expr.Param> parameters(String end) {
    List<Expr.Param> params = new ArrayList<>();
    while (!peek().isOp(end)) {
      String star = acceptOp("**") ? "**" : acceptOp("*") ? "*" : "";
      String name = expectName("a parameter name");
      Expr defaultValue = star.isEmpty() && acceptOp("=") ? test() : null;
      params.add(new Expr.Param(name, defaultValue, star));
      if (!acceptOp(",")) {
        break;
      }
    }
    return params;
  }

  private Expr orTest() {
    Expr left = andTest();
    while (peek().isKeyword("or")) {
      Token op = next();
      left = new Expr.BoolOp("or", left, andTest(), op.line(), op.column());
    }
    return left;
  }

  private Expr andTest() {
    Expr left = notTest();
    while (peek().isKeyword("and")) {
      Token op = next();
      left = new Expr.BoolOp("and", left, notTest(), op.line(), op.column());
    }
    return left;
  }

  private Expr notTest() {
    Token start = peek();
    if (acceptKeyword("not")) {
      return new Expr.Unary("not", notTest(), start.line(), start.column());
    }
    return comparison();
  }

  private Expr comparison() {
    Token start = peek();
    Expr first = arith();
    List<String> ops = new ArrayList<>();
    List<Expr> rest = new ArrayList<>();
    while (true) {
      Token t = peek();
      String op;
      if (t.kind() == Kind.OP && COMPARISONS.contains(t.text())) {
        pos++;
        op = t.text().equals("<>") ? "!=" : t.text();
      } else if (t.isKeyword("in")) {
        pos++;
        op = "in";
      } else if (t.isKeyword("not") && tokens.get(pos + 1).isKeyword("in")) {
        pos += 2;
        op = "not in";
      } else if (t.isKeyword("is")) {
        pos++;
        op = acceptKeyword("not") ? "is not" : "is";
      } else {
        break;
      }
      ops.add(op);
      rest.add(arith());
    }
    return ops.isEmpty() ? first : new Expr.Compare(first, ops, rest, start.line(), start.column());
  }

  private Expr arith() {
    Expr left = term();
    while (peek().isOp("+") || peek().isOp("-")) {
      Token op = next();
      left = new Expr.Binary(op.text(), left, term(), op.line(), op.column());
    }
    return left;
  }

  private Expr term() {
    Expr left = factor();
    while (peek().isOp("*") || peek().isOp("/") || peek().isOp("%") || peek().isOp("//")) {
      Token op = next();
      left = new Expr.Binary(op.text(), left, factor(), op.line(), op.column());
    }
    return left;
  }

  private Expr factor() {
    Token t = peek();
    if (t.isOp("-") || t.isOp("+") || t.isOp("~")) {
      pos++;
      return new Expr.Unary(t.text(), factor(), t.line(), t.column());
    }
    Expr base = primary();
    if (peek().isOp("**")) {
      Token op = next();
      return new Expr.Binary("**", base, factor(), op.line(), op.column());
    }
    return base;
  }

  private Expr primary() {
    Expr value = atom();
    while (true) {
      Token t = peek();
      if (t.isOp("(")) {
        pos++;
        value = new Expr.Call(value, arguments(), value.line(), value.column());
      } else if (t.isOp("[")) {
        pos++;
        Expr index = subscript();
        expectOp("]", "to close the subscript");
        value = new Expr.Subscript(value, index, value.line(), value.column());
      } else if (t.isOp(".")) {
        pos++;
        Token name = peek();
        value = new Expr.Attribute(value, expectName("an attribute name after '.'"), name.line(), name.column());
      } else {
        return value;
      }
    }
  }

  private List<Expr.Arg> arguments() {
    List<Expr.Arg> args = new ArrayList<>();
    while (!peek().isOp(")")) {
      if (peek().kind() == Kind.NAME && tokens.get(pos + 1).isOp("=")) {
        String name = next().text();
        pos++;
        args.add(new Expr.Arg(name, "", test()));
      } else {
        String star = acceptOp("**") ? "**" : acceptOp("*") ? "*" : "";
        Expr value = test();
        if (peek().isKeyword("for") && star.isEmpty()) {
          value = comprehension(value, null, value.line(), value.column());
        }
        args.add(new Expr.Arg(null, star, value));
      }
      if (!acceptOp(",")) {
        break;
      }
    }
    expectOp(")", "to close the call's arguments (or a ',' between them)");
    return args;
  }

  private Expr subscript() {
    Token start = peek();
    Expr lower = peek().isOp(":") ? null : test();
    if (!acceptOp(":")) {
      if (peek().isOp(",")) {
        List<Expr> items = new ArrayList<>(List.of(lower));
        while (acceptOp(",") && !peek().isOp("]")) {
          items.add(test());
        }
        return new Expr.TupleExpr(items, start.line(), start.column());
      }
      return lower;
    }
    Expr upper = peek().isOp("]") || peek().isOp(":") ? null : test();
    Expr step = acceptOp(":") && !peek().isOp("]") ? test() : null;
    return new Expr.Slice(lower, upper, step, start.line(), start.column());
  }

  private Expr atom() {
    Token t = next();
    switch (t.kind()) {
      case NUMBER:
        return new Expr.Const(t.value(), t.line(), t.column());
      case STRING: {
        StringBuilder joined = new StringBuilder((String) t.value());
        while (peek().kind() == Kind.STRING) { // 'a' 'b' is 'ab'
          joined.append((String) next().value());
        }
        return new Expr.Const(joined.toString(), t.line(), t.column());
      }
      case NAME:
        return switch (t.text()) {
          case "None" -> new Expr.Const(Py.NONE, t.line(), t.column());
          case "True" -> new Expr.Const(Boolean.TRUE, t.line(), t.column());
          case "False" -> new Expr.Const(Boolean.FALSE, t.line(), t.column());
          default -> {
            if (KEYWORDS.contains(t.text())) {
              throw syntax(t, "unexpected keyword '" + t.text() + "'");
            }
            yield new Expr.Name(t.text(), t.line(), t.column());
          }
        };
      case OP:
        if (t.text().equals("(")) {
          return parenthesized(t);
        }
        if (t.text().equals("[")) {
          return listDisplay(t);
        }
        if (t.text().equals("{")) {
          return dictDisplay(t);
        }
        break;
      default:
        break;
    }
    throw syntax(t, "expected an expression, found " + t.describe());
  }

  private Expr parenthesized(Token open) {
    if (acceptOp(")")) {
      return new Expr.TupleExpr(List.of(), open.line(), open.column());
    }
    Expr first = test();
    if (peek().isKeyword("for")) {
      Expr gen = comprehension(first, null, open.line(), open.column());
      expectOp(")", "to close the generator expression");
      return gen;
    }
    if (acceptOp(")")) {
      return first;
    }
    List<Expr> items = new ArrayList<>(List.of(first));
    while (acceptOp(",") && !peek().isOp(")")) {
      items.add(test());
    }
    expectOp(")", "to close the tuple");
    return new Expr.TupleExpr(items, open.line(), open.column());
  }

  private Expr listDisplay(Token open) {
    List<Expr> items = new ArrayList<>();
    if (!peek().isOp("]")) {
      Expr first = test();
      if (peek().isKeyword("for")) {
        Expr comp = comprehension(first, null, open.line(), open.column());
        expectOp("]", "to close the list comprehension");
        return comp;
      }
      items.add(first);
      while (acceptOp(",") && !peek().isOp("]")) {
        items.add(test());
      }
    }
    expectOp("]", "to close the list (or a ',' between items)");
    return new Expr.ListExpr(items, open.line(), open.column());
  }

  private Expr dictDisplay(Token open) {
    List<Expr> keys = new ArrayList<>();
    List<Expr> values = new ArrayList<>();
    if (!peek().isOp("}")) {
      Expr key = test();
      expectOp(":", "between a dict key and its value");
      Expr value = test();
      if (peek().isKeyword("for")) {
        Expr comp = comprehension(key, value, open.line(), open.column());
        expectOp("}", "to close the dict comprehension");
        return comp;
      }
      keys.add(key);
      values.add(value);
      while (acceptOp(",") && !peek().isOp("}")) {
        keys.add(test());
        expectOp(":", "between a dict key and its value");
        values.add(test());
      }
    }
    expectOp("}", "to close the dict (or a ',' between entries)");
    return new Expr.DictExpr(keys, values, open.line(), open.column());
  }

  private Expr comprehension(Expr element, Expr value, int line, int column) {
    List<Expr.For> clauses = new ArrayList<>();
    while (acceptKeyword("for")) {
      Expr target = targetList();
      if (!acceptKeyword("in")) {
        throw syntax(peek(), "expected 'in' in comprehension, found " + peek().describe());
      }
      Expr iter = orTest();
      List<Expr> conditions = new ArrayList<>();
      while (acceptKeyword("if")) {
        conditions.add(orTest());
      }
      clauses.add(new Expr.For(target, iter, conditions));
    }
    return new Expr.Comprehension(element, value, clauses, line, column);
  }

  /** Targets of {@code for}: {@code a} or {@code a, b} (a tuple). */
  protected Expr targetList() {
    Token start = peek();
    Expr first = primary();
    if (!peek().isOp(",")) {
      return first;
    }
    List<Expr> items = new ArrayList<>(List.of(first));
    while (acceptOp(",") && !peek().isKeyword("in")) {
      items.add(primary());
    }
    return new Expr.TupleExpr(items, start.line(), start.column());
  }
}
