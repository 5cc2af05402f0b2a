package io.borealis.storage;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The files of one scheduler's storage: a marker saying the directory is ours, a lock file, journal
 * segments {@code journal-N.log} and snapshots {@code snapshot-N.snap}, where snapshot N holds the
 * state before segment N. The OS file lock keeps a second scheduler out and dies with the process,
 * so a restart after {@code kill -9} just works.
 */
public final class DataDirectory implements AutoCloseable {
  static final String MARKER = "BOREALIS-DATA";
  private static final String LOCK = "lock";
  private static final Pattern SEGMENT = Pattern.compile("journal-(\\d{12})\\.log");
  private static final Pattern SNAPSHOT = Pattern.compile("snapshot-(\\d{12})\\.snap");

  private final Path dir;
  private final FileChannel lockChannel;
  private final FileLock lock;

  private DataDirectory(Path dir, FileChannel lockChannel, FileLock lock) {
    this.dir = dir;
    this.lockChannel = lockChannel;
    this.lock = lock;
  }

  /**
   * Opens (creating if needed) and locks a data directory.
   *
   * @throws StorageException if the directory cannot be used, holds something other than Borealis
   *     data, or another scheduler has it locked
   */
  public static DataDirectory open(Path dir) {
    Path absolute = dir.toAbsolutePath().normalize();
    try {
      if (Files.exists(absolute) && !Files.isDirectory(absolute)) {
        throw new StorageException("Data directory " + absolute + " is a file, not a directory");
      }
      Files.createDirectories(absolute);
      if (!Files.isReadable(absolute) || !Files.isWritable(absolute)) {
        throw new StorageException("Data directory " + absolute + " is not readable and writable by user "
            + System.getProperty("user.name"));
      }
      Path marker = absolute.resolve(MARKER);
      if (!Files.exists(marker)) {
        try (Stream<Path> entries = Files.list(absolute)) {
          if (entries.findAny().isPresent()) {
            throw new StorageException("Data directory " + absolute + " is not empty and holds no Borealis data; "
                + "refusing to use it (give an empty or new directory)");
          }
        }
        SnapshotFile.writeDurably(marker, "Borealis scheduler storage, format 1\n".getBytes(StandardCharsets.UTF_8));
      }
      FileChannel channel = FileChannel.open(absolute.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE,
          StandardOpenOption.READ);
      FileLock lock;
      try {
        lock = channel.tryLock();
      } catch (OverlappingFileLockException e) {
        lock = null;
      }
      if (lock == null) {
        String holder = Files.readString(absolute.resolve(LOCK)).trim();
        channel.close();
        throw new StorageException("Data directory " + absolute + " is in use by another scheduler"
            + (holder.isEmpty() ? "" : " (" + holder + ")") + "; stop it first or choose another --data-dir");
      }
      channel.truncate(0).write(ByteBuffer.wrap(("pid " + ProcessHandle.current().pid()).getBytes(StandardCharsets.UTF_8)), 0);
      DataDirectory opened = new DataDirectory(absolute, channel, lock);
      opened.syncDirectory();
      return opened;
    } catch (AccessDeniedException e) {
      throw new StorageException("Cannot use data directory " + absolute + ": permission denied on " + e.getFile(), e);
    } catch (IOException e) {
      throw new StorageException("Cannot use data directory " + absolute + ": " + e, e);
    }
  }

  public Path path() {
    return dir;
  }

  Path segment(long number) {
    return dir.resolve(String.format("journal-%012d.log", number));
  }

  Path snapshot(long number) {
    return dir.resolve(String.format("snapshot-%012d.snap", number));
  }

  Path snapshotInProgress(long number) {
    return dir.resolve(String.format("snapshot-%012d.tmp", number));
  }

  List<Long> segmentNumbers() {
    return numbers(SEGMENT);
  }

  List<Long> snapshotNumbers() {
    return numbers(SNAPSHOT);
  }

  private List<Long> numbers(Pattern pattern) {
    List<Long> numbers = new ArrayList<>();
    try (Stream<Path> entries = Files.list(dir)) {
      entries.forEach(entry -> {
        Matcher matcher = pattern.matcher(entry.getFileName().toString());
        if (matcher.matches()) {
          numbers.add(Long.parseLong(matcher.group(1)));
        }
      });
    } catch (IOException e) {
      throw new StorageException("Cannot list data directory " + dir + ": " + e.getMessage(), e);
    }
    numbers.sort(null);
    return numbers;
  }

  /** Makes created, renamed and deleted entries durable: on Linux a file's fsync does not cover its name. */
  void syncDirectory() throws IOException {
    try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
      channel.force(true);
    }
  }

  /** Removes segments and snapshots older than snapshot {@code number}, which now covers them. */
  void deleteBefore(long number) throws IOException {
    for (long segment : segmentNumbers()) {
      if (segment < number) {
        Files.deleteIfExists(segment(segment));
      }
    }
    for (long snapshot : snapshotNumbers()) {
      if (snapshot < number) {
        Files.deleteIfExists(snapshot(snapshot));
      }
    }
    try (Stream<Path> entries = Files.list(dir)) {
      for (Path entry : entries.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList()) {
        Files.deleteIfExists(entry);
      }
    }
    syncDirectory();
  }

  @Override
  public void close() {
    try {
      lock.release();
      lockChannel.close();
    } catch (IOException e) {
      // The OS drops the lock with the process anyway.
    }
  }
}
