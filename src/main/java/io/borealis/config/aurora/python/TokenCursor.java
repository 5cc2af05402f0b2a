package io.borealis.config.aurora.python;

import io.borealis.config.aurora.python.Token.Kind;
import java.util.List;
import java.util.Set;

/** A position in the token list, with the look-ahead and expectation helpers the parsers share. */
class TokenCursor {
  static final Set<String> KEYWORDS = Set.of("and", "or", "not", "in", "is", "if", "else", "elif", "for",
      "while", "def", "class", "return", "lambda", "import", "from", "as", "pass", "break", "continue", "print",
      "assert", "raise", "del", "global", "try", "except", "finally", "with", "yield", "exec");

  protected final String file;
  protected final List<Token> tokens;
  protected int pos;

  TokenCursor(String file, List<Token> tokens) {
    this.file = file;
    this.tokens = tokens;
  }

  protected Token peek() {
    return tokens.get(pos);
  }

  protected Token next() {
    return tokens.get(pos++);
  }

  protected boolean acceptOp(String op) {
    if (peek().isOp(op)) {
      pos++;
      return true;
    }
    return false;
  }

  protected boolean acceptKeyword(String word) {
    if (peek().isKeyword(word)) {
      pos++;
      return true;
    }
    return false;
  }

  protected Token expectOp(String op, String context) {
    if (!peek().isOp(op)) {
      throw syntax(peek(), "expected '" + op + "' " + context + ", found " + peek().describe());
    }
    return next();
  }

  protected String expectName(String what) {
    Token token = peek();
    if (token.kind() != Kind.NAME || KEYWORDS.contains(token.text())) {
      throw syntax(token, "expected " + what + ", found " + token.describe());
    }
    pos++;
    return token.text();
  }

  protected PyException syntax(Token at, String message) {
    return new PyException("SyntaxError", message).at(new SourceLocation(file, at.line(), at.column()));
  }

  protected boolean startsExpression() {
    Token t = peek();
    return switch (t.kind()) {
      case NAME -> !KEYWORDS.contains(t.text()) || t.text().equals("not") || t.text().equals("lambda");
      case NUMBER, STRING -> true;
      case OP -> "([{-+~`".contains(t.text());
      default -> false;
    };
  }

}
