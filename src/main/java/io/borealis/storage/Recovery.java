package io.borealis.storage;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Rebuilds the state from a data directory: the newest snapshot, then every journal segment after it
 * in order. Only the tail of the last segment may be damaged (a crash mid-write); it is cut back to
 * the last whole record. Damage anywhere else refuses to start rather than lose data silently.
 */
final class Recovery {
  private Recovery() {}

  /**
   * @param nextSegment the number the first new segment must take
   * @param notes what recovery found worth telling the operator (truncated tails)
   */
  record Recovered(StoredState state, long nextSegment, long segmentsReplayed, long recordsReplayed, List<String> notes) {}

  static Recovered recover(DataDirectory dir) {
    List<Long> snapshots = dir.snapshotNumbers();
    List<Long> segments = dir.segmentNumbers();
    List<String> notes = new ArrayList<>();
    StoredState state;
    long first;
    if (snapshots.isEmpty()) {
      state = StoredState.empty();
      first = 1;
      if (!segments.isEmpty() && segments.get(0) != 1) {
        throw new StorageException("Data directory " + dir.path() + " has no snapshot, but its journal starts at segment "
            + segments.get(0) + ": earlier segments are missing");
      }
    } else {
      first = snapshots.get(snapshots.size() - 1);
      state = SnapshotFile.read(dir.snapshot(first));
    }
    List<Long> toReplay = segments.stream().filter(n -> n >= first).toList();
    long records = 0;
    for (int i = 0; i < toReplay.size(); i++) {
      long number = toReplay.get(i);
      if (number != first + i) {
        throw new StorageException("Journal segment " + dir.segment(first + i) + " is missing; segments after it exist");
      }
      records += replay(dir.segment(number), state, i == toReplay.size() - 1, notes);
    }
    long last = Math.max(first - 1, toReplay.isEmpty() ? 0 : toReplay.get(toReplay.size() - 1));
    return new Recovered(state, last + 1, toReplay.size(), records, notes);
  }

  private static long replay(Path segment, StoredState state, boolean last, List<String> notes) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(segment);
    } catch (IOException e) {
      throw new StorageException("Cannot read journal segment " + segment + ": " + e.getMessage(), e);
    }
    RecordFormat.Contents contents = RecordFormat.read(bytes, RecordFormat.JOURNAL_MAGIC);
    if (!contents.clean()) {
      if (!last) {
        throw new StorageException("Journal segment " + segment + " is corrupt (" + contents.problem()
            + ") and is not the last one, so this is not a torn write; refusing to start");
      }
      long dropped = bytes.length - contents.validLength();
      truncate(segment, contents.validLength());
      notes.add("Journal " + segment.getFileName() + " ended in a torn or corrupt record (" + contents.problem()
          + "); cut back to the last good record, dropping " + dropped + " bytes");
    }
    MutationCodec.Decoder decoder = new MutationCodec.Decoder();
    long applied = 0;
    for (int i = 0; i < contents.records().size(); i++) {
      List<Mutation> batch = new ArrayList<>();
      try {
        for (byte[] part : RecordFormat.splitParts(contents.records().get(i))) {
          Mutation mutation = decoder.decode(part);
          if (mutation != null) {
            batch.add(mutation);
          }
        }
      } catch (RuntimeException e) {
        throw new StorageException("Journal segment " + segment + " holds an unreadable batch " + i
            + " that passed its checksum: " + e.getMessage(), e);
      }
      batch.forEach(state::apply);
      applied += batch.size();
    }
    return applied;
  }

  private static void truncate(Path segment, long length) {
    try (FileChannel channel = FileChannel.open(segment, StandardOpenOption.WRITE)) {
      if (length < RecordFormat.HEADER_BYTES) {
        channel.truncate(0);
        channel.write(java.nio.ByteBuffer.wrap(RecordFormat.JOURNAL_MAGIC), 0);
      } else {
        channel.truncate(length);
      }
      channel.force(true);
    } catch (IOException e) {
      throw new StorageException("Cannot cut the torn tail of " + segment + ": " + e.getMessage(), e);
    }
  }
}
