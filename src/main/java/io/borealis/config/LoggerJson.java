package io.borealis.config;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.borealis.model.LoggerConfig;
import io.borealis.model.Problem;
import java.util.Locale;
import java.util.Set;

/**
 * A process's {@code logger} in Aurora's JSON: {@code {"destination": "file", "mode": "rotate",
 * "rotate": {"log_size": 104857600, "backups": 5}}}, every field optional with Pystachio's defaults.
 */
final class LoggerJson {
  private LoggerJson() {}

  /** Null when the process has no logger (or a wrong one, with problems recorded). */
  static LoggerConfig read(JsonFieldReader logger) {
    if (logger == null) {
      return null;
    }
    logger.rejectUnknown(Set.of("destination", "mode", "rotate"));
    LoggerConfig.Destination destination = choice(logger, "destination", LoggerConfig.Destination.class,
        LoggerConfig.Destination.FILE);
    LoggerConfig.Mode mode = choice(logger, "mode", LoggerConfig.Mode.class, LoggerConfig.Mode.STANDARD);
    long logSize = LoggerConfig.DEFAULT_LOG_SIZE_BYTES;
    int backups = LoggerConfig.DEFAULT_BACKUPS;
    JsonFieldReader rotate = logger.object("rotate");
    if (rotate != null) {
      rotate.rejectUnknown(Set.of("log_size", "backups"));
      logSize = rotate.has("log_size") ? rotate.requiredLong("log_size") : logSize;
      backups = rotate.integer("backups", backups);
    }
    return new LoggerConfig(destination, mode, logSize, backups);
  }

  private static <E extends Enum<E>> E choice(JsonFieldReader reader, String field, Class<E> type, E absent) {
    String text = reader.string(field, null);
    if (text == null) {
      return absent;
    }
    try {
      return Enum.valueOf(type, text.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      StringBuilder allowed = new StringBuilder();
      for (E value : type.getEnumConstants()) {
        allowed.append(allowed.length() == 0 ? "" : ", ").append(value.name().toLowerCase(Locale.ROOT));
      }
      reader.problems().add(new Problem(reader.path(field), "must be one of " + allowed + ", not '" + text + "'"));
      return absent;
    }
  }

  static ObjectNode write(LoggerConfig logger) {
    ObjectNode node = JobJson.object();
    node.put("destination", logger.destination().name().toLowerCase(Locale.ROOT));
    node.put("mode", logger.mode().name().toLowerCase(Locale.ROOT));
    node.putObject("rotate").put("log_size", logger.logSizeBytes()).put("backups", logger.backups());
    return node;
  }
}
