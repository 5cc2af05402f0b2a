package io.borealis.config.aurora.python;

import io.borealis.config.aurora.python.Token.Kind;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Python 2 source to tokens, with the INDENT/DEDENT/NEWLINE tokens the grammar needs. Newlines
 * inside brackets and after a backslash join lines, as in Python; blank and comment-only lines
 * produce nothing.
 */
final class Lexer {
  private static final String[] OPERATORS = {"**=", "//=", ">>=", "<<=", "**", "//", "==", "!=", "<>", "<=", ">=",
      "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "<<", ">>", "->",
      "+", "-", "*", "/", "%", "<", ">", "=", "(", ")", "[", "]", "{", "}", ",", ":", ".", ";", "@", "&", "|", "^", "~"};

  private final String file;
  private final String src;
  private final List<Token> tokens = new ArrayList<>();
  private final Deque<Integer> indents = new ArrayDeque<>(List.of(0));
  private int pos;
  private int line = 1;
  private int lineStart;
  private int depth;

  private Lexer(String file, String src) {
    this.file = file;
    this.src = src;
  }

  static List<Token> tokenize(String file, String source) {
    Lexer lexer = new Lexer(file, source.replace("\r\n", "\n").replace('\r', '\n'));
    lexer.run();
    return lexer.tokens;
  }

  private void run() {
    boolean atLineStart = true;
    while (pos < src.length()) {
      if (atLineStart) {
        if (depth == 0 && indentation()) {
          continue; // a blank or comment-only line: the next line starts a logical line again
        }
        atLineStart = false; // inside brackets a new line continues the logical line
      }
      char c = src.charAt(pos);
      if (c == '\n') {
        newline();
        atLineStart = true;
      } else if (c == ' ' || c == '\t' || c == '\f') {
        pos++;
      } else if (c == '#') {
        skipComment();
      } else if (c == '\\' && pos + 1 < src.length() && src.charAt(pos + 1) == '\n') {
        pos += 2;
        line++;
        lineStart = pos;
      } else if (Character.isDigit(c) || c == '.' && pos + 1 < src.length() && Character.isDigit(src.charAt(pos + 1))) {
        number();
      } else if (Character.isLetter(c) || c == '_') {
        nameOrString();
      } else if (c == '"' || c == '\'') {
        string(pos, "");
      } else {
        operator();
      }
    }
    if (!tokens.isEmpty() && tokens.get(tokens.size() - 1).kind() != Kind.NEWLINE) {
      add(Kind.NEWLINE, "", null, column());
    }
    while (indents.size() > 1) {
      indents.pop();
      add(Kind.DEDENT, "", null, column());
    }
    add(Kind.EOF, "", null, column());
  }

  /** Measures the indentation of a new logical line; answers true when the line is blank or a comment. */
  private boolean indentation() {
    int width = 0;
    while (pos < src.length()) {
      char c = src.charAt(pos);
      if (c == ' ') {
        width++;
      } else if (c == '\t') {
        width = (width / 8 + 1) * 8;
      } else if (c != '\f') {
        break;
      }
      pos++;
    }
    if (pos >= src.length() || src.charAt(pos) == '\n' || src.charAt(pos) == '#') {
      if (pos < src.length() && src.charAt(pos) == '#') {
        skipComment();
      }
      if (pos < src.length()) {
        pos++;
        line++;
        lineStart = pos;
      }
      return true;
    }
    if (width > indents.peek()) {
      indents.push(width);
      add(Kind.INDENT, "", null, column());
    }
    while (width < indents.peek()) {
      indents.pop();
      add(Kind.DEDENT, "", null, column());
    }
    if (width != indents.peek()) {
      throw error(column(), "unindent does not match any outer indentation level");
    }
    return false;
  }

  private void newline() {
    if (depth == 0 && !tokens.isEmpty() && tokens.get(tokens.size() - 1).kind() != Kind.NEWLINE) {
      add(Kind.NEWLINE, "\n", null, column());
    }
    pos++;
    line++;
    lineStart = pos;
  }

  private void skipComment() {
    while (pos < src.length() && src.charAt(pos) != '\n') {
      pos++;
    }
  }

  private void number() {
    int start = pos;
    int col = column();
    if (src.startsWith("0x", pos) || src.startsWith("0X", pos)) {
      pos += 2;
      while (pos < src.length() && Character.digit(src.charAt(pos), 16) >= 0) {
        pos++;
      }
      finishInteger(src.substring(start + 2, pos), 16, col, start);
      return;
    }
    if (src.startsWith("0o", pos) || src.startsWith("0O", pos)) {
      pos += 2;
      while (pos < src.length() && Character.isDigit(src.charAt(pos))) {
        pos++;
      }
      finishInteger(src.substring(start + 2, pos), 8, col, start);
      return;
    }
    boolean isFloat = false;
    while (pos < src.length() && Character.isDigit(src.charAt(pos))) {
      pos++;
    }
    if (pos < src.length() && src.charAt(pos) == '.') {
      isFloat = true;
      pos++;
      while (pos < src.length() && Character.isDigit(src.charAt(pos))) {
        pos++;
      }
    }
    if (pos < src.length() && (src.charAt(pos) == 'e' || src.charAt(pos) == 'E')) {
      int save = pos;
      pos++;
      if (pos < src.length() && (src.charAt(pos) == '+' || src.charAt(pos) == '-')) {
        pos++;
      }
      if (pos < src.length() && Character.isDigit(src.charAt(pos))) {
        isFloat = true;
        while (pos < src.length() && Character.isDigit(src.charAt(pos))) {
          pos++;
        }
      } else {
        pos = save;
      }
    }
    String digits = src.substring(start, pos);
    if (isFloat) {
      add(Kind.NUMBER, digits, Double.parseDouble(digits), col);
    } else if (digits.length() > 1 && digits.startsWith("0")) {
      finishInteger(digits.substring(1), 8, col, start); // Python 2: 0755 is octal
    } else {
      finishInteger(digits, 10, col, start);
    }
  }

  private void finishInteger(String digits, int radix, int col, int start) {
    if (pos < src.length() && (src.charAt(pos) == 'L' || src.charAt(pos) == 'l')) {
      pos++;
    }
    try {
      add(Kind.NUMBER, src.substring(start, pos), Long.parseLong(digits.isEmpty() ? "0" : digits, radix), col);
    } catch (NumberFormatException e) {
      throw error(col, "invalid or too large integer literal " + src.substring(start, pos));
    }
  }

  private void nameOrString() {
    int start = pos;
    while (pos < src.length() && (Character.isLetterOrDigit(src.charAt(pos)) || src.charAt(pos) == '_')) {
      pos++;
    }
    String word = src.substring(start, pos);
    if (pos < src.length() && (src.charAt(pos) == '\'' || src.charAt(pos) == '"')
        && word.length() <= 2 && word.toLowerCase().matches("[urb]|ur|br|rb")) {
      string(start, word.toLowerCase());
      return;
    }
    add(Kind.NAME, word, null, start - lineStart + 1);
  }

  private void string(int start, String prefix) {
    int col = start - lineStart + 1;
    int startLine = line;
    char quote = src.charAt(pos);
    boolean triple = src.startsWith(String.valueOf(quote).repeat(3), pos);
    String close = triple ? String.valueOf(quote).repeat(3) : String.valueOf(quote);
    pos += close.length();
    boolean raw = prefix.contains("r");
    StringBuilder value = new StringBuilder();
    while (true) {
      if (pos >= src.length() || !triple && src.charAt(pos) == '\n') {
        throw new PyException("SyntaxError", "unterminated string literal (it starts here)")
            .at(new SourceLocation(file, startLine, col));
      }
      if (src.startsWith(close, pos)) {
        pos += close.length();
        break;
      }
      char c = src.charAt(pos);
      if (c == '\n') {
        line++;
        lineStart = pos + 1;
      }
      if (c == '\\' && pos + 1 < src.length()) {
        pos = raw ? rawEscape(value) : Escapes.decode(src, pos, value);
        if (src.charAt(pos - 1) == '\n') {
          line++;
          lineStart = pos;
        }
        continue;
      }
      value.append(c);
      pos++;
    }
    tokens.add(new Token(Kind.STRING, src.substring(start, pos), value.toString(), startLine, col));
  }

  /** In a raw string a backslash stays, but still keeps the next character from closing the string. */
  private int rawEscape(StringBuilder value) {
    value.append('\\').append(src.charAt(pos + 1));
    return pos + 2;
  }

  private void operator() {
    for (String op : OPERATORS) {
      if (src.startsWith(op, pos)) {
        if ("([{".contains(op)) {
          depth++;
        } else if (")]}".contains(op)) {
          depth = Math.max(0, depth - 1);
        }
        add(Kind.OP, op, null, column());
        pos += op.length();
        return;
      }
    }
    throw error(column(), "unexpected character '" + src.charAt(pos) + "'");
  }

  private int column() {
    return pos - lineStart + 1;
  }

  private void add(Kind kind, String text, Object value, int col) {
    tokens.add(new Token(kind, text, value, line, col));
  }

  private PyException error(int col, String message) {
    return new PyException("SyntaxError", message).at(new SourceLocation(file, line, col));
  }
}
