package io.borealis.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.borealis.model.JobKey;
import io.borealis.model.ScheduledTask;
import io.borealis.storage.JournalLog;
import io.borealis.storage.Storage;
import io.borealis.storage.StoredState;
import io.borealis.testing.TestCluster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code borealis admin backup} against a scheduler that keeps accepting jobs while it copies, and
 * {@code borealis admin restore} into data directories: the backup is a consistent cut (every job in it
 * whole), restore refuses a running scheduler's directory and existing state unless forced.
 */
class AdminBackupRestoreTest {
  private static final int JOBS = 30;
  private static final int INSTANCES = 3;

  @TempDir
  Path dir;

  private TestCluster cluster;

  @BeforeEach
  void startCluster() throws Exception {
    cluster = TestCluster.start(dir, List.of(TestCluster.agent("localhost", Map.of())), dir.resolve("data"));
  }

  @AfterEach
  void stopCluster() throws Exception {
    cluster.close();
  }

  /** Too big for the agent, so the tasks stay PENDING and no process runs: this test is about state. */
  private static String job(int n) {
    return """
        {"cluster": "devcluster", "role": "backup", "environment": "prod", "name": "job%d", "instances": %d, "service": true,
         "task": {"processes": [{"name": "p", "cmdline": "sleep 600"}], "resources": {"cpu": 100, "ram": 1048576, "disk": 1048576}}}
        """.formatted(n, INSTANCES);
  }

  @Test
  void backupWhileServingThenRestore() throws Exception {
    Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    for (int n = 0; n < 5; n++) {
      assertThat(cluster.send("POST", "/api/v1/jobs", job(n)).statusCode()).isEqualTo(201);
      acknowledged.add("devcluster/backup/prod/job" + n);
    }
    Set<String> beforeBackup = Set.copyOf(acknowledged);
    CompletableFuture<Void> creating = CompletableFuture.runAsync(() -> {
      try {
        for (int n = 5; n < JOBS; n++) {
          assertThat(cluster.send("POST", "/api/v1/jobs", job(n)).statusCode()).isEqualTo(201);
          acknowledged.add("devcluster/backup/prod/job" + n);
        }
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
    Path backup = dir.resolve("backup.snap");
    var backedUp = cluster.cli("admin", "backup", "devcluster", backup.toString());
    creating.get(60, TimeUnit.SECONDS);
    assertThat(backedUp.exitCode()).as(backedUp.err()).isZero();
    assertThat(backedUp.out()).containsPattern("Backed up \\d+ jobs and \\d+ tasks \\(\\d+ bytes\\) to " + backup);
    assertThat(dir.resolve("backup.snap.partial")).doesNotExist();

    var intoRunning = cluster.cli("admin", "restore", backup.toString(), "--data-dir", dir.resolve("data").toString(), "--force");
    assertThat(intoRunning.exitCode()).isEqualTo(1);
    assertThat(intoRunning.err()).contains("is in use by another scheduler (pid " + ProcessHandle.current().pid() + ")");

    Path restoredDir = dir.resolve("restored");
    var restored = cluster.cli("admin", "restore", backup.toString(), "--data-dir", restoredDir.toString());
    assertThat(restored.exitCode()).as(restored.err()).isZero();
    assertThat(restored.out()).contains("into " + restoredDir).contains("(framework ");

    StoredState state = open(restoredDir);
    Set<String> jobs = state.jobs().keySet().stream().map(JobKey::toString).collect(Collectors.toSet());
    assertThat(jobs).as("every job acknowledged before the backup began").containsAll(beforeBackup);
    assertThat(acknowledged).as("nothing that was never acknowledged").containsAll(jobs);
    assertThat(restored.out()).contains("Restored " + jobs.size() + " jobs and " + jobs.size() * INSTANCES + " tasks");
    Map<JobKey, List<Integer>> instances = state.tasks().values().stream().collect(
        Collectors.groupingBy(ScheduledTask::jobKey, Collectors.mapping(ScheduledTask::instance, Collectors.toList())));
    assertThat(instances).as("each job whole: a backup is a cut between two changes, never through one")
        .allSatisfy((key, ids) -> assertThat(ids).containsExactlyInAnyOrder(0, 1, 2));

    var again = cluster.cli("admin", "restore", backup.toString(), "--data-dir", restoredDir.toString());
    assertThat(again.exitCode()).isEqualTo(1);
    assertThat(again.err()).contains("already holds a scheduler's state").contains("--force");
    var forced = cluster.cli("admin", "restore", backup.toString(), "--data-dir", restoredDir.toString(), "--force");
    assertThat(forced.exitCode()).as(forced.err()).isZero();
    assertThat(open(restoredDir)).isEqualTo(state);
  }

  @Test
  void restoreRefusesWhatIsNotABackup() throws Exception {
    Path bogus = Files.writeString(dir.resolve("notes.txt"), "not a snapshot");
    var result = cluster.cli("admin", "restore", bogus.toString(), "--data-dir", dir.resolve("elsewhere").toString());
    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err()).startsWith("Error: ").contains(bogus.toString()).doesNotContain("Exception");
  }

  private static StoredState open(Path dataDir) {
    Storage.Opened opened = Storage.open(dataDir, JournalLog.DEFAULT_SNAPSHOT_THRESHOLD);
    opened.log().close();
    return opened.state();
  }
}
