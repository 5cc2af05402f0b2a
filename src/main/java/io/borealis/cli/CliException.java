package io.borealis.cli;

import java.util.List;

/** A failure to report to the user: a message and optional detail lines, never a stack trace. */
public final class CliException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final List<String> details;

  public CliException(String message) {
    this(message, List.of());
  }

  public CliException(String message, List<String> details) {
    super(message, null, false, false);
    this.details = List.copyOf(details);
  }

  public List<String> details() {
    return details;
  }
}
