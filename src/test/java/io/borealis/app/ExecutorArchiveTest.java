package io.borealis.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.borealis.mesos.wire.TaskStatus.State;
import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The executors' class-data archive, with real JVMs: made by a warm-up run of the real executor,
 * mapped by the executor command, and never in the way when it is missing, stale or broken. The
 * archive is made once (seconds) and the cases run in order on it.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ExecutorArchiveTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(60);
  private static final String CLASS_PATH = System.getProperty("java.class.path");

  @TempDir
  static Path dir;

  private static Vertx vertx;
  private static ExecutorArchive archive;

  @BeforeAll
  static void makeArchive() throws Exception {
    // The warm-up's task runs as nobody when the tests run as root, and must reach its sandbox.
    Files.setPosixFilePermissions(dir, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
    vertx = Vertx.vertx();
    archive = ExecutorArchive.prepare(dir.resolve("cds"), CLASS_PATH);
    assertThat(archive.isCurrent()).isFalse();
    assertThat(archive.make(vertx)).as("made now").isTrue();
  }

  @AfterAll
  static void closeVertx() {
    vertx.close();
  }

  @Test
  @Order(1)
  void theWarmUpLeavesACurrentArchiveOnAJarOnlyClassPath() throws Exception {
    assertThat(archive.isCurrent()).isTrue();
    assertThat(archive.make(vertx)).as("nothing to do when current").isFalse();
    assertThat(archive.classPath().split(java.io.File.pathSeparator)).isNotEmpty().allSatisfy(entry -> {
      assertThat(entry).endsWith(".jar");
      assertThat(Path.of(entry)).isRegularFile();
    });
    assertThat(Files.list(archive.file().getParent()).map(p -> p.getFileName().toString()))
        .as("no temporary file or warm-up sandbox left").noneMatch(name -> name.endsWith(".tmp") || name.equals("warm-up"));
  }

  @Test
  @Order(2)
  void aJvmOnTheArchivesClassPathMapsIt() throws Exception {
    // -Xshare:on fails instead of running without the archive.
    Process java = new ProcessBuilder(ExecutorCommand.javaBinary(), "-XX:SharedArchiveFile=" + archive.file(), "-Xshare:on",
        "-Xlog:cds=info", "-cp", archive.classPath(), "-version").redirectErrorStream(true).start();
    String output = new String(java.getInputStream().readAllBytes());
    assertThat(java.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(java.exitValue()).as(output).isZero();
    assertThat(output).contains("Opened archive " + archive.file());
  }

  @Test
  @Order(3)
  void theExecutorCommandRunsATaskWithTheArchive() throws Exception {
    assertRunsATask(ExecutorCommand.withArchive(archive), "with-archive");
  }

  @Test
  @Order(4)
  void aJarChangedSinceMakesTheArchiveStaleAndTheJvmRunsWithoutIt() throws Exception {
    Path jar = Path.of(archive.classPath().split(java.io.File.pathSeparator)[0]);
    Files.setLastModifiedTime(jar, FileTime.from(Instant.now().plusSeconds(5)));
    assertThat(archive.isCurrent()).isFalse();
    // An executor launched before the agent noticed: the JVM refuses the archive and starts anyway.
    Path sandbox = assertRunsATask(ExecutorCommand.withArchive(archive), "stale-archive");
    assertThat(Files.readString(sandbox.resolve("stdout")) + Files.readString(sandbox.resolve("stderr")))
        .contains("Unable to use shared archive");

    ExecutorArchive again = ExecutorArchive.prepare(dir.resolve("cds"), CLASS_PATH);
    assertThat(again.file()).as("a stale archive is deleted before any executor could map it").doesNotExist();
    assertRunsATask(ExecutorCommand.withArchive(again), "no-archive");
  }

  @Test
  @Order(5)
  void aBrokenArchiveAndOrphanedLeftoversAreDeletedBeforeAnyExecutorMapsIt() throws Exception {
    // A truncated archive crashes the JVM that maps it; one with no stamp is never trusted.
    Path cds = dir.resolve("broken");
    Files.createDirectories(cds);
    Files.write(cds.resolve(ExecutorArchive.FILE), new byte[4096]);
    // Half-written by a warm-up whose cluster was killed, and one being written by a live process.
    Path orphaned = Files.write(cds.resolve(ExecutorArchive.FILE + ".999999999999.tmp"), new byte[4096]);
    Path inProgress = Files.write(cds.resolve(ExecutorArchive.FILE + "." + ProcessHandle.current().pid() + ".tmp"), new byte[4096]);
    ExecutorArchive broken = ExecutorArchive.prepare(cds, CLASS_PATH);
    assertThat(broken.file()).doesNotExist();
    assertThat(orphaned).doesNotExist();
    assertThat(inProgress).exists();
    assertRunsATask(ExecutorCommand.withArchive(broken), "broken-archive");
  }

  @Test
  @Order(6)
  void withoutAnArchiveTheExecutorRunsOnThisJvmsClassPath() throws Exception {
    assertRunsATask(ExecutorCommand.fromCurrentJvm(), "plain");
  }

  /** Runs the executor through {@code command} like an agent and expects its trivial task to finish. */
  private static Path assertRunsATask(String command, String name) throws Exception {
    Path sandbox = dir.resolve("sandboxes").resolve(name);
    String user = "root".equals(System.getProperty("user.name")) ? "nobody" : System.getProperty("user.name");
    ExecutorWarmUp.Result result = new ExecutorWarmUp().run(vertx, command, sandbox, user, TIMEOUT);
    assertThat(result.exitCode()).as(Files.readString(sandbox.resolve("stderr"))).isZero();
    // Updates travel on separate requests, so they may arrive out of order.
    assertThat(result.states()).containsExactlyInAnyOrder(State.TASK_STARTING, State.TASK_RUNNING, State.TASK_FINISHED);
    return sandbox;
  }
}
