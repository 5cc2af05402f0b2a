package io.borealis.config.aurora.python;

import java.util.List;

/** Expressions of the Python subset. Every node knows its line and column for error messages. */
sealed interface Expr {
  int line();

  int column();

  record Const(Object value, int line, int column) implements Expr {}

  record Name(String id, int line, int column) implements Expr {}

  record ListExpr(List<Expr> items, int line, int column) implements Expr {}

  record TupleExpr(List<Expr> items, int line, int column) implements Expr {}

  record DictExpr(List<Expr> keys, List<Expr> values, int line, int column) implements Expr {}

  record Attribute(Expr target, String name, int line, int column) implements Expr {}

  record Subscript(Expr target, Expr index, int line, int column) implements Expr {}

  /** {@code a[lower:upper:step]}; absent parts are null. */
  record Slice(Expr lower, Expr upper, Expr step, int line, int column) implements Expr {}

  /** {@code name} is null for a positional argument; {@code star} is "", "*" or "**". */
  record Arg(String name, String star, Expr value) {}

  record Call(Expr function, List<Arg> args, int line, int column) implements Expr {}

  record Binary(String op, Expr left, Expr right, int line, int column) implements Expr {}

  record Unary(String op, Expr operand, int line, int column) implements Expr {}

  /** {@code and} / {@code or}, short-circuiting. */
  record BoolOp(String op, Expr left, Expr right, int line, int column) implements Expr {}

  /** A chain like {@code a < b <= c}: {@code ops.size() == rest.size()}. */
  record Compare(Expr first, List<String> ops, List<Expr> rest, int line, int column) implements Expr {}

  record IfElse(Expr test, Expr then, Expr otherwise, int line, int column) implements Expr {}

  /** One {@code for target in iter if cond...} clause of a comprehension. */
  record For(Expr target, Expr iter, List<Expr> conditions) {}

  /** A list comprehension, or a dict comprehension when {@code value} is not null. */
  record Comprehension(Expr element, Expr value, List<For> clauses, int line, int column) implements Expr {}

  record Lambda(List<Param> params, Expr body, int line, int column) implements Expr {}

  /** A function parameter; {@code star} is "", "*" or "**". */
  record Param(String name, Expr defaultValue, String star) {}
}
