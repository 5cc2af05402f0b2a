package io.borealis.config.aurora.python;

/**
 * Caps on how much work one config evaluation may do, so that a hostile or buggy config cannot hang
 * or exhaust the process that evaluates it: statements and loop iterations, call nesting, include
 * nesting and the size of strings and lists it builds.
 */
public final class Budget {
  public static final int MAX_STEPS = 2_000_000;
  public static final int MAX_CALL_DEPTH = 100;
  public static final int MAX_INCLUDE_DEPTH = 16;
  public static final int MAX_SEQUENCE = 1_000_000;
  public static final int MAX_STRING = 16 * 1024 * 1024;

  private int steps;
  private int depth;

  /** Counts one statement, loop iteration or comprehension element. */
  void step() {
    if (++steps > MAX_STEPS) {
      throw new PyException("LimitError", "the config ran for more than " + MAX_STEPS
          + " steps; loops in a config must be small");
    }
  }

  void enter(String what) {
    if (++depth > MAX_CALL_DEPTH) {
      depth = 0;
      throw new PyException("LimitError", what + " nests deeper than " + MAX_CALL_DEPTH + " calls (endless recursion?)");
    }
  }

  void leave() {
    depth = Math.max(0, depth - 1);
  }

  static int checkSize(long size) {
    if (size > MAX_SEQUENCE) {
      throw new PyException("LimitError", "a list or range of " + size + " items is larger than a config may build ("
          + MAX_SEQUENCE + ")");
    }
    return (int) size;
  }

  static String checkString(String s) {
    if (s.length() > MAX_STRING) {
      throw new PyException("LimitError", "a string of " + s.length() + " characters is larger than a config may build");
    }
    return s;
  }
}
