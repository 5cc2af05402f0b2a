package io.borealis.config.aurora.python;

/** One lexical token; {@code value} is the decoded literal for strings and numbers. */
record Token(Kind kind, String text, Object value, int line, int column) {
  enum Kind { NAME, NUMBER, STRING, OP, NEWLINE, INDENT, DEDENT, EOF }

  boolean is(Kind expected, String expectedText) {
    return kind == expected && text.equals(expectedText);
  }

  boolean isOp(String op) {
    return is(Kind.OP, op);
  }

  boolean isKeyword(String word) {
    return is(Kind.NAME, word);
  }

  String describe() {
    return switch (kind) {
      case NEWLINE -> "end of line";
      case INDENT -> "indentation";
      case DEDENT -> "end of indented block";
      case EOF -> "end of file";
      case STRING -> "a string";
      default -> "'" + text + "'";
    };
  }
}
