package io.borealis.app;

import io.borealis.storage.JournalLog;
import io.borealis.storage.Storage;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.util.logging.Logger;

/** Opens the scheduler's storage off the event loop (recovery reads and syncs files) and logs what it found. */
final class SchedulerStorage {
  private static final Logger LOG = Logger.getLogger(SchedulerStorage.class.getName());

  private SchedulerStorage() {}

  /** @param dataDir null for ephemeral storage */
  static Future<Storage.Opened> open(Vertx vertx, Path dataDir) {
    if (dataDir == null) {
      return Future.succeededFuture(Storage.ephemeral());
    }
    return vertx.executeBlocking(() -> {
      Storage.Opened opened = Storage.open(dataDir, JournalLog.DEFAULT_SNAPSHOT_THRESHOLD);
      opened.notes().forEach(LOG::warning);
      LOG.info(opened.summary());
      return opened;
    });
  }

  /** {@code $XDG_DATA_HOME/borealis/<name>}, else {@code ~/.local/share/borealis/<name>}: a per-user default. */
  static Path defaultDataDir(String name) {
    String xdg = System.getenv("XDG_DATA_HOME");
    Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".local", "share");
    return base.resolve("borealis").resolve(name);
  }
}
