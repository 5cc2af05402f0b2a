package io.borealis.config.aurora.python;

import java.util.List;

/** Statements of the Python subset. */
sealed interface Stmt {
  int line();

  int column();

  record ExprStmt(Expr value, int line, int column) implements Stmt {}

  /** {@code a = b = value}: each target gets the value; a target may be a tuple to unpack. */
  record Assign(List<Expr> targets, Expr value, int line, int column) implements Stmt {}

  record AugAssign(Expr target, String op, Expr value, int line, int column) implements Stmt {}

  record If(Expr test, List<Stmt> body, List<Stmt> orElse, int line, int column) implements Stmt {}

  record For(Expr target, Expr iter, List<Stmt> body, List<Stmt> orElse, int line, int column) implements Stmt {}

  record While(Expr test, List<Stmt> body, int line, int column) implements Stmt {}

  record Def(String name, List<Expr.Param> params, List<Stmt> body, int line, int column) implements Stmt {}

  record ClassDef(String name, List<Expr> bases, List<Stmt> body, int line, int column) implements Stmt {}

  record Return(Expr value, int line, int column) implements Stmt {}

  /** {@code pass}, {@code break} or {@code continue}. */
  record Keyword(String word, int line, int column) implements Stmt {}

  /** {@code import a.b as c}: {@code alias} is null without {@code as}. */
  record Import(String module, String alias, int line, int column) implements Stmt {}

  /** {@code from module import a as b, *}: {@code names} and {@code aliases} run in parallel. */
  record FromImport(String module, List<String> names, List<String> aliases, int line, int column) implements Stmt {}

  /** Python 2's {@code print a, b}; the output is discarded (a config has nobody to print to). */
  record Print(List<Expr> values, int line, int column) implements Stmt {}

  record Assert(Expr test, Expr message, int line, int column) implements Stmt {}

  record Raise(Expr value, int line, int column) implements Stmt {}
}
