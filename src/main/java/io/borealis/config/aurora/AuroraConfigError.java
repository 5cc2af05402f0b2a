package io.borealis.config.aurora;

/**
 * A config that cannot be loaded, with a message for people: {@code file:line:col: what went wrong}.
 * Never carries a Java stack trace to the user.
 */
public final class AuroraConfigError extends RuntimeException {
  public AuroraConfigError(String message) {
    super(message, null, false, false);
  }
}
