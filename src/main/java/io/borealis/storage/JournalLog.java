package io.borealis.storage;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The local journal with group commit: one writer thread takes every batch queued while the previous
 * fsync ran, writes them together and syncs once, so throughput grows with load instead of being
 * capped by the disk's sync latency. Snapshots are written by a second thread after the writer starts
 * a new segment, so commits never wait for one.
 */
public final class JournalLog implements StateLog {
  private static final Logger LOG = Logger.getLogger(JournalLog.class.getName());
  /** Journal bytes after which a snapshot pays for itself in replay time (about 1 s of replay). */
  public static final long DEFAULT_SNAPSHOT_THRESHOLD = 64L << 20;

  private sealed interface Work {}

  private record Append(List<Mutation> batch, CompletableFuture<Void> done) implements Work {}

  private record Rotate(List<Mutation> state) implements Work {}

  private record Stop(CompletableFuture<Void> done) implements Work {}

  private final DataDirectory dir;
  private final long snapshotThreshold;
  private final LinkedBlockingQueue<Work> queue = new LinkedBlockingQueue<>();
  private final Thread writer;
  private final ExecutorService snapshotter = Executors.newSingleThreadExecutor(r -> daemon(r, "borealis-snapshot"));
  private final AtomicLong bytesSinceSnapshot = new AtomicLong();
  private final AtomicBoolean snapshotRunning = new AtomicBoolean();
  private final AtomicLong commits = new AtomicLong();
  private final AtomicLong batches = new AtomicLong();
  private volatile Throwable failure;
  // Owned by the writer thread.
  private FileChannel segment;
  private long segmentNumber;
  private MutationCodec.Encoder encoder;
  private ByteBuffer buffer = ByteBuffer.allocateDirect(1 << 20);

  /** Starts writing at segment {@code firstSegment} of {@code dir}, which this log now owns. */
  public JournalLog(DataDirectory dir, long firstSegment, long snapshotThreshold) {
    this.dir = dir;
    this.snapshotThreshold = snapshotThreshold;
    try {
      startSegment(firstSegment);
    } catch (IOException e) {
      throw new StorageException("Cannot create journal segment " + dir.segment(firstSegment) + ": " + e.getMessage(), e);
    }
    writer = daemon(this::writeLoop, "borealis-journal");
    writer.start();
  }

  private static Thread daemon(Runnable body, String name) {
    Thread thread = new Thread(body, name);
    thread.setDaemon(true);
    return thread;
  }

  @Override
  public CompletionStage<Void> append(List<Mutation> batch) {
    CompletableFuture<Void> done = new CompletableFuture<>();
    Throwable failed = failure;
    if (failed != null) {
      done.completeExceptionally(failed);
    } else {
      queue.add(new Append(batch, done));
    }
    return done;
  }

  @Override
  public boolean wantsSnapshot() {
    return bytesSinceSnapshot.get() >= snapshotThreshold && !snapshotRunning.get() && failure == null;
  }

  @Override
  public void snapshot(List<Mutation> state) {
    if (snapshotRunning.compareAndSet(false, true)) {
      queue.add(new Rotate(state));
    }
  }

  /** How many syncs ran and how many batches they carried: the group-commit ratio, for benchmarks. */
  public long syncs() {
    return commits.get();
  }

  public long batchesCommitted() {
    return batches.get();
  }

  @Override
  public void close() {
    CompletableFuture<Void> done = new CompletableFuture<>();
    queue.add(new Stop(done));
    try {
      done.get(30, TimeUnit.SECONDS);
      snapshotter.shutdown();
      snapshotter.awaitTermination(60, TimeUnit.SECONDS);
    } catch (Exception e) {
      LOG.log(Level.WARNING, "Journal did not close cleanly", e);
    } finally {
      dir.close();
    }
  }

  private void writeLoop() {
    List<Work> work = new ArrayList<>();
    List<CompletableFuture<Void>> done = new ArrayList<>();
    List<byte[]> payloads = new ArrayList<>();
    try {
      while (true) {
        work.add(queue.take());
        queue.drainTo(work);
        for (Work item : work) {
          if (item instanceof Append append) {
            payloads.add(encodeBatch(append.batch()));
            done.add(append.done());
          } else if (item instanceof Rotate rotate) {
            writeAndSync(payloads, done);
            startSegment(segmentNumber + 1);
            long number = segmentNumber;
            snapshotter.execute(() -> writeSnapshot(number, rotate.state()));
          } else if (item instanceof Stop stop) {
            writeAndSync(payloads, done);
            segment.close();
            stop.done().complete(null);
            return;
          }
        }
        writeAndSync(payloads, done);
        work.clear();
      }
    } catch (Throwable e) {
      failure = new StorageException("Writing the journal " + dir.segment(segmentNumber) + " failed: " + e, e);
      LOG.log(Level.SEVERE, "Journal write failed; no further change can be made durable", e);
      done.forEach(future -> future.completeExceptionally(failure));
      work.forEach(this::fail);
      queue.forEach(this::fail);
    }
  }

  /**
   * A whole batch as one record, so its checksum covers it all: a crash mid-batch loses the batch,
   * never half of it (a task marked LOST without its replacement, say).
   */
  private byte[] encodeBatch(List<Mutation> batch) {
    List<byte[]> parts = new ArrayList<>(batch.size() + 1);
    batch.forEach(mutation -> encoder.encode(mutation, parts));
    return RecordFormat.joinParts(parts);
  }

  private void fail(Work work) {
    if (work instanceof Append append) {
      append.done().completeExceptionally(failure);
    } else if (work instanceof Stop stop) {
      stop.done().complete(null);
    } else {
      snapshotRunning.set(false);
    }
  }

  private void writeAndSync(List<byte[]> payloads, List<CompletableFuture<Void>> done) throws IOException {
    if (!payloads.isEmpty()) {
      long size = 0;
      for (byte[] payload : payloads) {
        size += RecordFormat.RECORD_OVERHEAD + payload.length;
      }
      if (buffer.capacity() < size) {
        buffer = ByteBuffer.allocateDirect((int) Math.max(size, buffer.capacity() * 2L));
      }
      buffer.clear();
      payloads.forEach(payload -> RecordFormat.writeRecord(buffer, payload));
      buffer.flip();
      while (buffer.hasRemaining()) {
        segment.write(buffer);
      }
      segment.force(false);
      commits.incrementAndGet();
      bytesSinceSnapshot.addAndGet(size);
      payloads.clear();
    }
    batches.addAndGet(done.size());
    done.forEach(future -> future.complete(null));
    done.clear();
  }

  private void startSegment(long number) throws IOException {
    if (segment != null) {
      segment.close();
    }
    segment = FileChannel.open(dir.segment(number), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    segment.write(ByteBuffer.wrap(RecordFormat.JOURNAL_MAGIC));
    segment.force(true);
    dir.syncDirectory();
    segmentNumber = number;
    encoder = new MutationCodec.Encoder();
    bytesSinceSnapshot.set(0);
  }

  /** Snapshot N holds the state before segment N; once it is durable, everything older can go. */
  private void writeSnapshot(long number, List<Mutation> state) {
    long started = System.nanoTime();
    try {
      byte[] bytes = SnapshotFile.encode(state);
      SnapshotFile.writeDurably(dir.snapshotInProgress(number), bytes);
      Files.move(dir.snapshotInProgress(number), dir.snapshot(number), StandardCopyOption.ATOMIC_MOVE);
      dir.syncDirectory();
      dir.deleteBefore(number);
      LOG.info(() -> "Wrote snapshot " + number + " (" + state.size() + " records, " + bytes.length / 1024 + " KiB) in "
          + (System.nanoTime() - started) / 1_000_000 + " ms");
    } catch (IOException | RuntimeException e) {
      LOG.log(Level.WARNING, "Snapshot " + number + " failed; the journal still holds everything", e);
    } finally {
      snapshotRunning.set(false);
    }
  }
}
