package io.borealis.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalTest {
  @TempDir
  Path dir;

  private Storage.Opened open() {
    return Storage.open(dir, JournalLog.DEFAULT_SNAPSHOT_THRESHOLD);
  }

  private static void appendAll(StateLog log, List<Mutation> mutations, int batchSize) {
    List<CompletableFuture<Void>> acks = new ArrayList<>();
    for (int i = 0; i < mutations.size(); i += batchSize) {
      acks.add(log.append(mutations.subList(i, Math.min(mutations.size(), i + batchSize))).toCompletableFuture());
    }
    acks.forEach(CompletableFuture::join);
  }

  @Test
  void whatWasAcknowledgedComesBackAfterReopening() {
    List<Mutation> history = StorageFixtures.history(50);
    Storage.Opened first = open();
    assertThat(first.state().isEmpty()).isTrue();
    appendAll(first.log(), history, 7);
    first.log().close();

    Storage.Opened second = open();
    assertThat(second.state()).isEqualTo(StorageFixtures.replay(history));
    assertThat(second.state().frameworkId()).isEqualTo("framework-2");
    assertThat(second.state().jobs()).hasSize(1);
    assertThat(second.state().tasks().values().iterator().next().ports()).containsEntry("http", 31001);
    second.log().close();
  }

  @Test
  void aSnapshotPlusTheJournalAfterItEqualsReplayingEverything() throws Exception {
    List<Mutation> history = StorageFixtures.history(60);
    List<Mutation> before = history.subList(0, 100);
    List<Mutation> after = history.subList(100, history.size());
    Storage.Opened opened = Storage.open(dir, 1);
    appendAll(opened.log(), before, 10);
    assertThat(opened.log().wantsSnapshot()).isTrue();
    opened.log().snapshot(StorageFixtures.asSnapshot(StorageFixtures.replay(before)));
    appendAll(opened.log(), after, 10);
    opened.log().close();

    DataDirectory files = DataDirectory.open(dir);
    assertThat(files.snapshotNumbers()).containsExactly(2L);
    assertThat(files.segmentNumbers()).containsExactly(2L);
    files.close();
    Storage.Opened reopened = open();
    assertThat(reopened.state()).isEqualTo(StorageFixtures.replay(history));
    reopened.log().close();
  }

  @Test
  void aTornLastRecordIsCutAtEveryByteWhereTheCrashCouldHappen() throws IOException {
    List<Mutation> history = StorageFixtures.history(5);
    Storage.Opened opened = open();
    appendAll(opened.log(), history.subList(0, history.size() - 1), 1);
    opened.log().close();
    Path segment = dir.resolve("journal-000000000001.log");
    long before = Files.size(segment);
    opened = open();
    appendAll(opened.log(), List.of(history.get(history.size() - 1)), 1);
    opened.log().close();
    Path last = dir.resolve("journal-000000000002.log");
    byte[] whole = Files.readAllBytes(last);
    StoredState withoutLast = StorageFixtures.replay(history.subList(0, history.size() - 1));

    for (int cut = 0; cut < whole.length; cut++) {
      Files.write(last, java.util.Arrays.copyOf(whole, cut));
      Storage.Opened recovered = open();
      assertThat(recovered.state()).as("cut at byte %d", cut).isEqualTo(withoutLast);
      assertThat(recovered.notes()).as("cut at byte %d", cut).hasSize(cut == RecordFormat.HEADER_BYTES ? 0 : 1);
      recovered.log().close();
      deleteNewerThan(2);
    }
    assertThat(Files.size(segment)).isEqualTo(before);
  }

  @Test
  void aBatchCutShortIsLostWholeNeverHalfApplied() throws IOException {
    List<Mutation> history = StorageFixtures.history(6);
    List<Mutation> first = history.subList(0, 5);
    List<Mutation> second = history.subList(5, history.size());
    Storage.Opened opened = open();
    appendAll(opened.log(), first, first.size());
    appendAll(opened.log(), second, second.size());
    opened.log().close();
    Path segment = dir.resolve("journal-000000000001.log");
    byte[] bytes = Files.readAllBytes(segment);
    Files.write(segment, java.util.Arrays.copyOf(bytes, bytes.length - bytes.length / 4));

    Storage.Opened recovered = open();
    assertThat(recovered.state()).isEqualTo(StorageFixtures.replay(first));
    recovered.log().close();
  }

  @Test
  void aFlippedBitInTheLastRecordIsDetectedByItsChecksum() throws IOException {
    Storage.Opened opened = open();
    appendAll(opened.log(), StorageFixtures.history(3), 100);
    opened.log().close();
    Path segment = dir.resolve("journal-000000000001.log");
    byte[] bytes = Files.readAllBytes(segment);
    bytes[bytes.length - 3] ^= 0x10;
    Files.write(segment, bytes);

    Storage.Opened recovered = open();
    assertThat(recovered.notes()).singleElement().asString().contains("fails its checksum");
    recovered.log().close();
  }

  @Test
  void damageBeforeTheLastSegmentRefusesToStart() throws IOException {
    Storage.Opened opened = open();
    appendAll(opened.log(), StorageFixtures.history(3), 100);
    opened.log().close();
    open().log().close();
    Path first = dir.resolve("journal-000000000001.log");
    byte[] bytes = Files.readAllBytes(first);
    bytes[20] ^= 0x01;
    Files.write(first, bytes);

    assertThatThrownBy(this::open).isInstanceOf(StorageException.class)
        .hasMessageContaining("journal-000000000001.log is corrupt").hasMessageContaining("refusing to start");
  }

  @Test
  void aCorruptSnapshotRefusesToStart() throws IOException {
    Storage.Opened opened = Storage.open(dir, 1);
    appendAll(opened.log(), StorageFixtures.history(3), 100);
    opened.log().snapshot(StorageFixtures.asSnapshot(StorageFixtures.replay(StorageFixtures.history(3))));
    opened.log().close();
    Path snapshot = dir.resolve("snapshot-000000000002.snap");
    byte[] bytes = Files.readAllBytes(snapshot);
    Files.write(snapshot, java.util.Arrays.copyOf(bytes, bytes.length - 10));

    assertThatThrownBy(this::open).isInstanceOf(StorageException.class)
        .hasMessageContaining("Snapshot").hasMessageContaining("snapshot-000000000002.snap");
  }

  @Test
  void aMissingSegmentRefusesToStartInsteadOfStartingWithAGap() throws IOException {
    for (int i = 0; i < 3; i++) {
      Storage.Opened opened = open();
      appendAll(opened.log(), StorageFixtures.history(2), 100);
      opened.log().close();
    }
    Files.delete(dir.resolve("journal-000000000002.log"));
    assertThatThrownBy(this::open).isInstanceOf(StorageException.class).hasMessageContaining("journal-000000000002.log is missing");
  }

  @Test
  void aSecondSchedulerCannotUseTheSameDirectory() {
    Storage.Opened first = open();
    assertThatThrownBy(this::open).isInstanceOf(StorageException.class)
        .hasMessageContaining("in use by another scheduler").hasMessageContaining("pid " + ProcessHandle.current().pid());
    first.log().close();
    open().log().close();
  }

  @Test
  void aDirectoryHoldingOtherFilesIsNeverTakenOver() throws IOException {
    Files.writeString(dir.resolve("notes.txt"), "mine");
    assertThatThrownBy(this::open).isInstanceOf(StorageException.class)
        .hasMessageContaining("is not empty and holds no Borealis data");
    assertThat(Files.readString(dir.resolve("notes.txt"))).isEqualTo("mine");
  }

  @Test
  void aDataDirectoryThatIsAFileIsRefused() throws IOException {
    Path file = Files.writeString(dir.resolve("file"), "x");
    assertThatThrownBy(() -> Storage.open(file, 1)).isInstanceOf(StorageException.class).hasMessageContaining("is a file");
  }

  @Test
  void manyConcurrentBatchesShareSyncs() {
    Storage.Opened opened = open();
    JournalLog log = (JournalLog) opened.log();
    List<Mutation> history = StorageFixtures.history(400);
    appendAll(log, history, 1);
    assertThat(log.batchesCommitted()).isEqualTo(history.size());
    assertThat(log.syncs()).isLessThan(history.size());
    log.close();
  }

  @Test
  void aBackupRestoresIntoAnotherDirectory(@TempDir Path other) throws IOException {
    List<Mutation> history = StorageFixtures.history(20);
    StoredState state = StorageFixtures.replay(history);
    Path backup = other.resolve("backup.snap");
    Files.write(backup, SnapshotFile.encode(StorageFixtures.asSnapshot(state)));
    Storage.Opened opened = open();
    appendAll(opened.log(), StorageFixtures.history(3), 100);
    opened.log().close();

    assertThatThrownBy(() -> Storage.restore(dir, backup, false)).isInstanceOf(StorageException.class)
        .hasMessageContaining("already holds a scheduler's state");
    assertThat(Storage.restore(dir, backup, true)).isEqualTo(state);
    Storage.Opened restored = open();
    assertThat(restored.state()).isEqualTo(state);
    restored.log().close();
  }

  @Test
  void restoringSomethingThatIsNotABackupChangesNothing(@TempDir Path other) throws IOException {
    Storage.Opened opened = open();
    appendAll(opened.log(), StorageFixtures.history(3), 100);
    opened.log().close();
    Path bogus = Files.writeString(other.resolve("bogus.snap"), "hello");
    assertThatThrownBy(() -> Storage.restore(dir, bogus, true)).isInstanceOf(StorageException.class).hasMessageContaining("bogus.snap");
    Storage.Opened reopened = open();
    assertThat(reopened.state()).isEqualTo(StorageFixtures.replay(StorageFixtures.history(3)));
    reopened.log().close();
  }

  @Test
  void aRunningSchedulerCannotBeRestoredUnderneath(@TempDir Path other) throws IOException {
    Path backup = other.resolve("backup.snap");
    SnapshotFile.writeDurably(backup, SnapshotFile.encode(List.of()));
    Storage.Opened running = open();
    assertThatThrownBy(() -> Storage.restore(dir, backup, true)).isInstanceOf(StorageException.class)
        .hasMessageContaining("pid " + ProcessHandle.current().pid());
    running.log().close();
  }

  private void deleteNewerThan(long segment) throws IOException {
    try (var files = Files.list(dir)) {
      for (Path file : files.toList()) {
        String name = file.getFileName().toString();
        if (name.startsWith("journal-") && Long.parseLong(name.substring(8, 20)) > segment) {
          Files.delete(file);
        }
      }
    }
    Files.write(dir.resolve("journal-000000000002.log"), new byte[0], StandardOpenOption.APPEND);
  }
}
