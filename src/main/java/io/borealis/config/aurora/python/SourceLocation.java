package io.borealis.config.aurora.python;

/** Where something is in a config file: 1-based line and column, as editors count them. */
public record SourceLocation(String file, int line, int column) {
  @Override
  public String toString() {
    return file + ":" + line + ":" + column;
  }
}
