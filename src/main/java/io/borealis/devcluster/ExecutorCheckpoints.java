package io.borealis.devcluster;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * An agent's checkpoint directory ({@link ExecutorCheckpoint#directory}): what it writes down about
 * the executors of checkpointing frameworks so that, restarted, it finds them again. The files are
 * read and written on a worker, in the order asked, so a later snapshot of a run is never overwritten
 * by an earlier one. Used on the owning agent's event loop.
 */
final class ExecutorCheckpoints {
  private static final Logger LOG = Logger.getLogger(ExecutorCheckpoints.class.getName());

  /** A checkpointed executor run and its process, null if that has ended. */
  record Found(ExecutorCheckpoint checkpoint, ProcessHandle process) {}

  private final Vertx vertx;
  private final Path directory;

  ExecutorCheckpoints(Vertx vertx, Path directory) {
    this.vertx = vertx;
    this.directory = directory;
  }

  /**
   * Writes down a checkpointing framework's executor run once it has a process (only its pid and tasks
   * change); a run from before a restart is the recovered one's to write.
   */
  void write(ExecutorRun run) {
    if (!run.checkpointed() || run.handle == null || run.forgotten) {
      return;
    }
    ExecutorCheckpoint snapshot = ExecutorCheckpoint.of(run);
    vertx.executeBlocking(() -> {
      snapshot.write(directory);
      return null;
    }, true).onFailure(e -> LOG.log(Level.WARNING, "Cannot checkpoint executor " + run.info.executorId().value(), e));
  }

  /** The run's executor has exited: nothing is left to recover. */
  void delete(ExecutorRun run) {
    if (!run.checkpointed()) {
      return;
    }
    vertx.executeBlocking(() -> {
      ExecutorCheckpoint.delete(directory, run.containerId);
      return null;
    }, true);
  }

  /** Every checkpointed run, with its process if that still runs (same pid and start time). */
  Future<List<Found>> readWithProcesses() {
    return vertx.executeBlocking(() -> ExecutorCheckpoint.readAll(directory).stream()
        .map(checkpoint -> new Found(checkpoint, checkpoint.liveProcess().orElse(null))).toList(), true);
  }

  /** Terminates every checkpointed executor process that still runs. */
  Future<?> terminateAll() {
    return vertx.executeBlocking(() -> {
      ExecutorCheckpoint.readAll(directory).forEach(c -> c.liveProcess().ifPresent(ProcessTrees::terminate));
      return null;
    }, false);
  }
}
