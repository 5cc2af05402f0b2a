package io.borealis.mesos.client;

/** The master refused a call; {@code status} and the master's plain-text message say why. */
public final class MesosCallException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final int status;
  private final String body;

  public MesosCallException(int status, String body) {
    super("Mesos answered " + status + ": " + body);
    this.status = status;
    this.body = body;
  }

  public int status() {
    return status;
  }

  /** The master's plain-text answer, as it sent it. */
  public String body() {
    return body;
  }
}
