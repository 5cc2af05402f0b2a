package io.borealis.storage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.channels.FileChannel;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;

/** Opening a data directory for a scheduler, and restoring one from a backup. */
public final class Storage {
  private Storage() {}

  /**
   * What a scheduler starts from.
   *
   * @param summary one line for the log: where, how much was recovered, and how long it took
   * @param notes anything recovery repaired, to be logged as warnings
   */
  public record Opened(StateLog log, StoredState state, String summary, List<String> notes) {}

  /** Nothing kept: for {@code --ephemeral} runs and tests that never restart. */
  public static Opened ephemeral() {
    return new Opened(StateLog.ephemeral(), StoredState.empty(), "Storage: ephemeral, nothing is kept across restarts", List.of());
  }

  /** Locks the directory, recovers its state and starts a new journal segment. Blocks: call it off the event loop. */
  public static Opened open(Path path, long snapshotThreshold) {
    long started = System.nanoTime();
    DataDirectory dir = DataDirectory.open(path);
    try {
      Recovery.Recovered recovered = Recovery.recover(dir);
      JournalLog log = new JournalLog(dir, recovered.nextSegment(), snapshotThreshold);
      StoredState state = recovered.state();
      String summary = "Storage in " + dir.path() + ": recovered " + state.jobs().size() + " jobs and " + state.tasks().size()
          + " tasks (" + recovered.recordsReplayed() + " journal records after the snapshot) in "
          + (System.nanoTime() - started) / 1_000_000 + " ms";
      return new Opened(log, state, summary, recovered.notes());
    } catch (RuntimeException e) {
      dir.close();
      throw e;
    }
  }

  /**
   * Replaces the state in {@code path} with a backup's, for {@code borealis admin restore}. The
   * scheduler must be stopped (the lock says whether it is). A directory that already holds state is
   * replaced only when {@code replaceExisting} says so, so a slip of the keyboard cannot lose it; its old
   * files are removed only after the restored snapshot is durable.
   */
  public static StoredState restore(Path path, Path backup, boolean replaceExisting) {
    StoredState state = SnapshotFile.read(backup);
    try (DataDirectory dir = DataDirectory.open(path)) {
      long newest = Math.max(last(dir.segmentNumbers()), last(dir.snapshotNumbers()));
      if (newest > 0 && !replaceExisting) {
        throw new StorageException(dir.path() + " already holds a scheduler's state; restoring would replace it"
            + " (pass --force if that is what you want, or restore into an empty directory)");
      }
      long number = newest + 1;
      Files.copy(backup, dir.snapshotInProgress(number), StandardCopyOption.REPLACE_EXISTING);
      try (FileChannel channel = FileChannel.open(dir.snapshotInProgress(number), StandardOpenOption.WRITE)) {
        channel.force(true);
      }
      Files.move(dir.snapshotInProgress(number), dir.snapshot(number), StandardCopyOption.ATOMIC_MOVE);
      dir.syncDirectory();
      dir.deleteBefore(number);
      return state;
    } catch (IOException e) {
      throw new StorageException("Cannot restore into " + path + ": " + e.getMessage(), e);
    }
  }

  private static long last(List<Long> numbers) {
    return numbers.isEmpty() ? 0 : numbers.get(numbers.size() - 1);
  }
}
