package io.borealis.config.aurora.python;

/** Python string escapes ({@code \n}, {@code \x41}, {@code \u00e9}, {@code \101}...). */
final class Escapes {
  private Escapes() {}

  /** Decodes the escape at {@code src[pos]} (a backslash) into {@code out}; answers the position after it. */
  static int decode(String src, int pos, StringBuilder out) {
    char c = src.charAt(pos + 1);
    switch (c) {
      case '\n': return pos + 2; // a backslash-newline inside a string joins the lines
      case 'n': out.append('\n'); return pos + 2;
      case 't': out.append('\t'); return pos + 2;
      case 'r': out.append('\r'); return pos + 2;
      case '\\': out.append('\\'); return pos + 2;
      case '\'': out.append('\''); return pos + 2;
      case '"': out.append('"'); return pos + 2;
      case 'a': out.append('\u0007'); return pos + 2;
      case 'b': out.append('\b'); return pos + 2;
      case 'f': out.append('\f'); return pos + 2;
      case 'v': out.append('\u000b'); return pos + 2;
      case 'x': return hex(src, pos, 2, out);
      case 'u': return hex(src, pos, 4, out);
      case 'U': return hex(src, pos, 8, out);
      default:
        if (c >= '0' && c <= '7') {
          int end = pos + 1;
          while (end < src.length() && end < pos + 4 && src.charAt(end) >= '0' && src.charAt(end) <= '7') {
            end++;
          }
          out.append((char) Integer.parseInt(src.substring(pos + 1, end), 8));
          return end;
        }
        out.append('\\').append(c); // Python keeps unknown escapes as written
        return pos + 2;
    }
  }

  private static int hex(String src, int pos, int digits, StringBuilder out) {
    int start = pos + 2;
    int end = start + digits;
    if (end > src.length()) {
      out.append('\\').append(src.charAt(pos + 1));
      return pos + 2;
    }
    try {
      out.appendCodePoint(Integer.parseInt(src.substring(start, end), 16));
      return end;
    } catch (IllegalArgumentException e) {
      out.append('\\').append(src.charAt(pos + 1));
      return pos + 2;
    }
  }
}
