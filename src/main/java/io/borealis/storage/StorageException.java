package io.borealis.storage;

/** Storage cannot be used as it is; the message says what is wrong and with which file, for people. */
public final class StorageException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public StorageException(String message) {
    super(message);
  }

  public StorageException(String message, Throwable cause) {
    super(message, cause);
  }
}
