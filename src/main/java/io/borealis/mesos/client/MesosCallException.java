package io.borealis.mesos.client;

/** The master refused a call; {@code status} and the master's plain-text message say why. */
public final class MesosCallException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final int status;

  public MesosCallException(int status, String message) {
    super("Mesos answered " + status + ": " + message);
    this.status = status;
  }

  public int status() {
    return status;
  }
}
