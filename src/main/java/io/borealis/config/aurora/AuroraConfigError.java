package io.borealis.config.aurora;

import io.borealis.config.aurora.python.SourceLocation;

/**
 * A config that cannot be loaded, with a message for people: {@code file:line:col: what went wrong}.
 * Never carries a Java stack trace to the user.
 */
public final class AuroraConfigError extends RuntimeException {
  private final transient SourceLocation location;

  public AuroraConfigError(String message) {
    this(message, null);
  }

  public AuroraConfigError(String message, SourceLocation location) {
    super(message, null, false, false);
    this.location = location;
  }

  /** Where in the config it went wrong, when known; the message names it too. */
  public SourceLocation location() {
    return location;
  }
}
