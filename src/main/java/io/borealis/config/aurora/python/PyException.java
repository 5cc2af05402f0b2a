package io.borealis.config.aurora.python;

/**
 * A Python-level error raised while evaluating a config ({@code NameError}, {@code TypeError},
 * Pystachio's {@code AttributeError}...). The interpreter attaches the location of the innermost
 * statement or call that raised it, so the user sees {@code file:line:col: kind: message}.
 */
public class PyException extends RuntimeException {
  private final String kind;
  private SourceLocation location;

  public PyException(String kind, String message) {
    super(message, null, false, false);
    this.kind = kind;
  }

  public String kind() {
    return kind;
  }

  public SourceLocation location() {
    return location;
  }

  /** Records where this happened, unless a more precise (inner) location was recorded already. */
  public PyException at(SourceLocation where) {
    if (location == null) {
      location = where;
    }
    return this;
  }

  /** {@code file:line:col: kind: message}, the form every evaluation error is shown in. */
  public String describe() {
    String prefix = location == null ? "" : location + ": ";
    return prefix + (kind.isEmpty() ? "" : kind + ": ") + getMessage();
  }

  public static PyException type(String message) {
    return new PyException("TypeError", message);
  }

  public static PyException value(String message) {
    return new PyException("ValueError", message);
  }

  /** Something a config may not do at all (file access, processes, sockets...). */
  public static PyException notAllowed(String what) {
    return new PyException("SandboxError", what + " is not allowed in a config");
  }
}
