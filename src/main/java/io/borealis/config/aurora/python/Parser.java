package io.borealis.config.aurora.python;

import io.borealis.config.aurora.python.Token.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Parses a config file into statements. Syntax errors name the file, line and column. */
final class Parser extends ExprParser {
  private static final Set<String> AUGMENTED = Set.of("+=", "-=", "*=", "/=", "//=", "%=", "**=");

  private Parser(String file, List<Token> tokens) {
    super(file, tokens);
  }

  static List<Stmt> parse(String file, String source) {
    Parser parser = new Parser(file, Lexer.tokenize(file, source));
    List<Stmt> body = new ArrayList<>();
    while (parser.peek().kind() != Kind.EOF) {
      if (parser.peek().kind() == Kind.NEWLINE) {
        parser.pos++;
        continue;
      }
      parser.statement(body);
    }
    return body;
  }

  private void statement(List<Stmt> out) {
    Token t = peek();
    if (t.kind() == Kind.INDENT) {
      throw syntax(t, "unexpected indentation");
    }
    if (t.kind() == Kind.NAME) {
      switch (t.text()) {
        case "if" -> {
          pos++;
          out.add(ifStatement(t));
          return;
        }
        case "for" -> {
          pos++;
          Expr target = targetList();
          if (!acceptKeyword("in")) {
            throw syntax(peek(), "expected 'in' after the for loop's target, found " + peek().describe());
          }
          Expr iter = testList();
          List<Stmt> body = block("for loop");
          List<Stmt> orElse = acceptKeyword("else") ? block("else") : List.of();
          out.add(new Stmt.For(target, iter, body, orElse, t.line(), t.column()));
          return;
        }
        case "while" -> {
          pos++;
          Expr test = test();
          out.add(new Stmt.While(test, block("while loop"), t.line(), t.column()));
          return;
        }
        case "def" -> {
          pos++;
          String name = expectName("a function name");
          expectOp("(", "after the function name");
          List<Expr.Param> params = parameters(")");
          expectOp(")", "to close the parameter list");
          out.add(new Stmt.Def(name, params, block("function"), t.line(), t.column()));
          return;
        }
        case "class" -> {
          pos++;
          String name = expectName("a class name");
          List<Expr> bases = new ArrayList<>();
          if (acceptOp("(")) {
            while (!peek().isOp(")")) {
              bases.add(test());
              if (!acceptOp(",")) {
                break;
              }
            }
            expectOp(")", "to close the base classes");
          }
          out.add(new Stmt.ClassDef(name, bases, block("class body"), t.line(), t.column()));
          return;
        }
        case "try", "with" -> throw syntax(t, "'" + t.text() + "' statements are not supported in a config");
        default -> { }
      }
    }
    simpleStatements(out);
  }

  private Stmt ifStatement(Token start) {
    Expr test = test();
    List<Stmt> body = block("if");
    List<Stmt> orElse = List.of();
    Token t = peek();
    if (acceptKeyword("elif")) {
      orElse = List.of(ifStatement(t));
    } else if (acceptKeyword("else")) {
      orElse = block("else");
    }
    return new Stmt.If(test, body, orElse, start.line(), start.column());
  }

  /** {@code : NEWLINE INDENT statements DEDENT}, or {@code : simple; statements} on one line. */
  private List<Stmt> block(String what) {
    expectOp(":", "to start the " + what + " block");
    List<Stmt> body = new ArrayList<>();
    if (peek().kind() != Kind.NEWLINE) {
      simpleStatements(body);
      return body;
    }
    pos++;
    if (peek().kind() != Kind.INDENT) {
      throw syntax(peek(), "expected an indented block for the " + what);
    }
    pos++;
    while (peek().kind() != Kind.DEDENT && peek().kind() != Kind.EOF) {
      if (peek().kind() == Kind.NEWLINE) {
        pos++;
        continue;
      }
      statement(body);
    }
    acceptDedent();
    return body;
  }

  private void acceptDedent() {
    if (peek().kind() == Kind.DEDENT) {
      pos++;
    }
  }

  private void simpleStatements(List<Stmt> out) {
    do {
      if (peek().kind() == Kind.NEWLINE) {
        break;
      }
      out.add(smallStatement());
    } while (acceptOp(";"));
    Token end = peek();
    if (end.kind() != Kind.NEWLINE && end.kind() != Kind.EOF) {
      throw syntax(end, "expected end of line, found " + end.describe());
    }
    if (end.kind() == Kind.NEWLINE) {
      pos++;
    }
  }

  private Stmt smallStatement() {
    Token t = peek();
    if (t.kind() == Kind.NAME) {
      switch (t.text()) {
        case "pass", "break", "continue" -> {
          pos++;
          return new Stmt.Keyword(t.text(), t.line(), t.column());
        }
        case "return" -> {
          pos++;
          Expr value = startsExpression() ? testList() : null;
          return new Stmt.Return(value, t.line(), t.column());
        }
        case "import" -> {
          pos++;
          String module = dottedName();
          String alias = acceptKeyword("as") ? expectName("a name after 'as'") : null;
          if (peek().isOp(",")) {
            throw syntax(peek(), "import one module per statement");
          }
          return new Stmt.Import(module, alias, t.line(), t.column());
        }
        case "from" -> {
          pos++;
          return fromImport(t);
        }
        case "print" -> {
          if (!tokens.get(pos + 1).isOp("(") && !tokens.get(pos + 1).isOp("=")) {
            pos++;
            List<Expr> values = new ArrayList<>();
            while (startsExpression()) {
              values.add(test());
              if (!acceptOp(",")) {
                break;
              }
            }
            return new Stmt.Print(values, t.line(), t.column());
          }
        }
        case "assert" -> {
          pos++;
          Expr test = test();
          Expr message = acceptOp(",") ? test() : null;
          return new Stmt.Assert(test, message, t.line(), t.column());
        }
        case "raise" -> {
          pos++;
          return new Stmt.Raise(startsExpression() ? test() : null, t.line(), t.column());
        }
        case "exec" -> throw PyException.notAllowed("exec").at(new SourceLocation(file, t.line(), t.column()));
        case "del", "global", "yield" -> throw syntax(t, "'" + t.text() + "' is not supported in a config");
        default -> { }
      }
    }
    return expressionStatement(t);
  }

  private Stmt expressionStatement(Token start) {
    Expr first = testList();
    Token t = peek();
    if (t.kind() == Kind.OP && AUGMENTED.contains(t.text())) {
      pos++;
      checkTarget(first, t);
      return new Stmt.AugAssign(first, t.text().substring(0, t.text().length() - 1), testList(), start.line(), start.column());
    }
    if (!t.isOp("=")) {
      return new Stmt.ExprStmt(first, start.line(), start.column());
    }
    List<Expr> targets = new ArrayList<>();
    Expr value = first;
    while (acceptOp("=")) {
      checkTarget(value, t);
      targets.add(value);
      value = testList();
    }
    return new Stmt.Assign(targets, value, start.line(), start.column());
  }

  private void checkTarget(Expr target, Token at) {
    if (target instanceof Expr.TupleExpr tuple) {
      tuple.items().forEach(item -> checkTarget(item, at));
    } else if (target instanceof Expr.ListExpr list) {
      list.items().forEach(item -> checkTarget(item, at));
    } else if (!(target instanceof Expr.Name || target instanceof Expr.Attribute || target instanceof Expr.Subscript)) {
      throw new PyException("SyntaxError", "cannot assign to this expression")
          .at(new SourceLocation(file, target.line(), target.column()));
    }
  }

  private Stmt fromImport(Token start) {
    String module = dottedName();
    if (!acceptKeyword("import")) {
      throw syntax(peek(), "expected 'import' after 'from " + module + "', found " + peek().describe());
    }
    List<String> names = new ArrayList<>();
    List<String> aliases = new ArrayList<>();
    boolean parenthesized = acceptOp("(");
    do {
      if (parenthesized && peek().isOp(")")) {
        break;
      }
      String name = acceptOp("*") ? "*" : expectName("a name to import");
      names.add(name);
      aliases.add(acceptKeyword("as") ? expectName("a name after 'as'") : name);
    } while (acceptOp(","));
    if (parenthesized) {
      expectOp(")", "to close the import list");
    }
    return new Stmt.FromImport(module, names, aliases, start.line(), start.column());
  }

  private String dottedName() {
    StringBuilder name = new StringBuilder(expectName("a module name"));
    while (acceptOp(".")) {
      name.append('.').append(expectName("a module name"));
    }
    return name.toString();
  }
}
