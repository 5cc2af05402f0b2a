package io.borealis.executor;

import io.borealis.executor.TaskPayload.InvalidPayloadException;
import io.vertx.core.json.JsonObject;
import java.util.Locale;

/**
 * A process's {@code logger} from the payload: where its stdout and stderr go and whether they
 * rotate. Aurora's default is one growing file per stream.
 *
 * @param destination FILE ({@code .logs/<process>/<run>/stdout|stderr}), CONSOLE (the executor's own
 *     stdout and stderr, i.e. the sandbox's), BOTH, or NONE
 * @param rotate rotate the files by size ({@code mode='rotate'})
 * @param maxBytes with rotate: a file past this size is rotated once the line being written ends
 * @param backups with rotate: rotated files kept, {@code stdout.1} (newest) to {@code stdout.<backups>}
 */
record LogPolicy(Destination destination, boolean rotate, long maxBytes, int backups) {
  enum Destination { FILE, CONSOLE, BOTH, NONE }

  static final long DEFAULT_MAX_BYTES = 100L * 1024 * 1024;
  static final int DEFAULT_BACKUPS = 5;
  static final LogPolicy DEFAULT = new LogPolicy(Destination.FILE, false, DEFAULT_MAX_BYTES, DEFAULT_BACKUPS);

  /** Whether the output goes to files (so the file must be created). */
  boolean toFile() {
    return destination == Destination.FILE || destination == Destination.BOTH;
  }

  /**
   * Whether the executor must read the output itself (rotation, or a copy to the console) rather
   * than let the process write straight to its file.
   */
  boolean piped() {
    return (destination == Destination.FILE && rotate) || destination == Destination.BOTH;
  }

  /** {@code {"destination", "mode", "rotate": {"log_size", "backups"}}}; the default when absent. */
  /** The {@code logger} of the process at {@code processPath}; the default when it has none. */
  static LogPolicy parse(JsonObject process, String processPath) {
    JsonObject logger = PayloadFields.object(process, "logger", processPath);
    if (logger == null) {
      return DEFAULT;
    }
    String path = processPath + "/logger";
    Destination destination = Destination.valueOf(choice(logger, "destination", path, "file", "file", "console", "both", "none"));
    boolean rotate = choice(logger, "mode", path, "standard", "standard", "rotate").equals("ROTATE");
    JsonObject policy = PayloadFields.object(logger, "rotate", path);
    long maxBytes = PayloadFields.count(policy, "log_size", path + "/rotate", DEFAULT_MAX_BYTES);
    long backups = PayloadFields.count(policy, "backups", path + "/rotate", DEFAULT_BACKUPS);
    if (maxBytes < 1) {
      throw new InvalidPayloadException(path + "/rotate/log_size must be at least 1 byte, got " + maxBytes);
    }
    return new LogPolicy(destination, rotate, maxBytes, (int) Math.min(backups, Integer.MAX_VALUE));
  }

  private static String choice(JsonObject logger, String field, String path, String absent, String... allowed) {
    Object value = logger.getValue(field);
    String text = value == null ? absent : value.toString();
    for (String candidate : allowed) {
      if (candidate.equals(text)) {
        return text.toUpperCase(Locale.ROOT);
      }
    }
    throw new InvalidPayloadException(path + "/" + field + " must be one of " + String.join(", ", allowed) + ", got "
        + PayloadFields.show(value));
  }
}
