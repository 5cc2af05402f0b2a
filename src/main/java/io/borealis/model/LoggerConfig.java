package io.borealis.model;

/**
 * Aurora's {@code Logger}: where a process's stdout and stderr go and whether they rotate.
 * {@code Logger(destination='file', mode='rotate', rotate=RotatePolicy(log_size=100*MB, backups=5))}
 * keeps {@code stdout} under about 100 MB, the older output in {@code stdout.1} (newest) to
 * {@code stdout.5}.
 *
 * @param destination file ({@code .logs/<process>/<run>/}), console (the executor's own stdout and
 *     stderr), both, or none
 * @param mode standard (one file, grows) or rotate
 * @param logSizeBytes with rotate: the size past which a file is rotated
 * @param backups with rotate: how many rotated files are kept
 */
public record LoggerConfig(Destination destination, Mode mode, long logSizeBytes, int backups) {
  public enum Destination { FILE, CONSOLE, BOTH, NONE }

  public enum Mode { STANDARD, ROTATE }

  /** Pystachio's {@code RotatePolicy} defaults. */
  public static final long DEFAULT_LOG_SIZE_BYTES = 100L * 1024 * 1024;
  public static final int DEFAULT_BACKUPS = 5;
  /** A process without a logger: Aurora's {@code Logger()}. */
  public static final LoggerConfig DEFAULT =
      new LoggerConfig(Destination.FILE, Mode.STANDARD, DEFAULT_LOG_SIZE_BYTES, DEFAULT_BACKUPS);
}
