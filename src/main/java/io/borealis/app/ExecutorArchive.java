package io.borealis.app;

import io.borealis.mesos.wire.TaskStatus;
import io.vertx.core.Vertx;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.logging.Logger;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;

/**
 * A class-data-sharing archive of what an executor loads to start (Vert.x, Netty, Jackson, its own
 * classes: some 4,000 classes), so that each executor JVM maps them ready-made instead of reading,
 * parsing and verifying them again. Kept in one directory of the agents' work dir.
 *
 * <p>JDK 17 archives classes from jar files only, and an archive fits exactly one JVM and class path.
 * So directories on this JVM's class path ({@code target/classes} in a checkout) are packed as jars
 * here, re-packed only when their contents change, and executors run on that class path. The archive
 * is made by a warm-up run of the real executor ({@link ExecutorWarmUp}) with
 * {@code -XX:ArchiveClassesAtExit}, checked by mapping it once, and only then moved into place (the JVM
 * crashes on a truncated archive). A stamp beside it records what it was made from; a stale archive is
 * deleted before any executor could map it and made again. Until it is in place executors start
 * without one, as they also do should the JVM refuse it ({@code -Xshare:auto}).
 */
final class ExecutorArchive {
  private static final Logger LOG = Logger.getLogger(ExecutorArchive.class.getName());
  static final Duration WARM_UP_TIMEOUT = Duration.ofSeconds(60);
  static final String FILE = "executor.jsa";

  private final Path dir;
  private final List<Path> classPath;
  private final ExecutorWarmUp warmUp = new ExecutorWarmUp();
  private volatile boolean closed;

  private ExecutorArchive(Path dir, List<Path> classPath) {
    this.dir = dir;
    this.classPath = classPath;
  }

  /**
   * The archive kept in {@code dir} for executors on {@code javaClassPath}: its directories packed as
   * jars, and a stale archive deleted. Blocking (file I/O).
   */
  static ExecutorArchive prepare(Path dir, String javaClassPath) throws IOException {
    Files.createDirectories(dir);
    List<Path> entries = new ArrayList<>();
    int directories = 0;
    for (String entry : ExecutorCommand.classPathOf(javaClassPath).split(File.pathSeparator)) {
      Path path = entry.isEmpty() ? null : Path.of(entry).toAbsolutePath();
      if (path != null && Files.isDirectory(path)) {
        entries.add(packed(path, dir.resolve("classes-" + directories++ + ".jar")));
      } else if (path != null && Files.isRegularFile(path)) {
        entries.add(path);
      }
    }
    deleteLeftovers(dir);
    ExecutorArchive archive = new ExecutorArchive(dir, entries);
    if (Files.exists(archive.file()) && !archive.isCurrent()) {
      LOG.info(() -> "executor class-data archive " + archive.file() + " is stale (the JVM or class path changed); making it again");
      Files.delete(archive.file());
    }
    return archive;
  }

  Path file() {
    return dir.resolve(FILE);
  }

  /** The executors' class path: jars only. */
  String classPath() {
    return String.join(File.pathSeparator, classPath.stream().map(Path::toString).toList());
  }

  /** Whether the archive is there and was made for this JVM, these flags and these jars as they are now. */
  boolean isCurrent() throws IOException {
    Path stamp = stampFile();
    return Files.exists(file()) && Files.exists(stamp) && Files.readString(stamp).equals(stamp());
  }

  /** Makes the archive on a thread of its own unless it is current; says in the log how that went. */
  void makeInBackground(Vertx vertx) {
    Thread thread = new Thread(() -> {
      long started = System.nanoTime();
      try {
        if (make(vertx)) {
          LOG.info(() -> "executor class-data archive " + file() + " made in "
              + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started) + " ms; executors launched from now on map it");
        }
      } catch (Exception e) {
        if (!closed) {
          LOG.warning("no executor class-data archive (" + e.getMessage() + "); executors start without one");
        }
      }
    }, "executor-archive");
    thread.setDaemon(true);
    thread.start();
  }

  /**
   * Makes the archive by a warm-up run of the executor unless it is current. Blocking: seconds.
   *
   * @return false when it was current already
   * @throws IOException saying why there is no archive
   */
  boolean make(Vertx vertx) throws Exception {
    if (isCurrent()) {
      return false;
    }
    Path made = dir.resolve(FILE + "." + ProcessHandle.current().pid() + ".tmp");
    Path sandbox = dir.resolve("warm-up");
    deleteTree(sandbox);
    Files.deleteIfExists(made);
    // As root, the executor runs a task as its role's user; true needs no one's rights.
    String user = "root".equals(System.getProperty("user.name")) ? "nobody" : System.getProperty("user.name");
    ExecutorWarmUp.Result result = warmUp.run(vertx, ExecutorCommand.archivingAtExit(classPath(), made), sandbox, user,
        WARM_UP_TIMEOUT);
    if (result.exitCode() != 0 || !result.states().contains(TaskStatus.State.TASK_FINISHED) || !Files.exists(made)) {
      Files.deleteIfExists(made);
      throw new IOException("the warm-up executor exited with " + result.exitCode() + " after reporting " + result.states()
          + "; its log is in " + sandbox.resolve("stderr"));
    }
    checkMaps(made);
    Files.writeString(stampFile(), stamp());
    Files.move(made, file(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    deleteTree(sandbox);
    return true;
  }

  /** Stops a warm-up in progress: the cluster is going away. */
  void close() {
    closed = true;
    warmUp.kill();
  }

  /** A JVM on this class path must map the archive ({@code -Xshare:on} fails otherwise), or it is no use. */
  private void checkMaps(Path archive) throws Exception {
    Process check = new ProcessBuilder(ExecutorCommand.javaBinary(), "-XX:SharedArchiveFile=" + archive, "-Xshare:on",
        "-cp", classPath(), "-version").redirectErrorStream(true).start();
    String output = new String(check.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    if (!check.waitFor(30, TimeUnit.SECONDS) || check.exitValue() != 0) {
      Files.deleteIfExists(archive);
      throw new IOException("the archive made does not map: " + output.strip());
    }
  }

  private Path stampFile() {
    return dir.resolve(FILE + ".stamp");
  }

  /** What the archive depends on: the JVM, the executor's flags, and each jar's size and modification time. */
  private String stamp() throws IOException {
    StringBuilder stamp = new StringBuilder()
        .append(System.getProperty("java.home")).append(' ').append(System.getProperty("java.vm.version")).append('\n')
        .append(String.join(" ", ExecutorCommand.FLAGS)).append('\n');
    for (Path jar : classPath) {
      stamp.append(jar).append(' ').append(Files.size(jar)).append(' ').append(Files.getLastModifiedTime(jar).toMillis()).append('\n');
    }
    return stamp.toString();
  }

  /**
   * {@code directory} as the jar {@code jar}, packed again only when the directory's contents changed
   * (its files' count, total size or newest modification), so the jar, and the archive, stay valid.
   */
  private static Path packed(Path directory, Path jar) throws IOException {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(directory)) {
      files = walk.filter(Files::isRegularFile).sorted().toList();
    }
    long bytes = 0;
    long newest = 0;
    for (Path file : files) {
      bytes += Files.size(file);
      newest = Math.max(newest, Files.getLastModifiedTime(file).toMillis());
    }
    String source = directory + " " + files.size() + " " + bytes + " " + newest + "\n";
    Path sourceFile = jar.resolveSibling(jar.getFileName() + ".source");
    if (Files.exists(jar) && Files.exists(sourceFile) && Files.readString(sourceFile).equals(source)) {
      return jar;
    }
    Path packing = jar.resolveSibling(jar.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
    try (OutputStream out = Files.newOutputStream(packing); JarOutputStream jarOut = new JarOutputStream(out)) {
      // Level 0: quicker to pack and to read, and the size hardly matters here.
      jarOut.setLevel(0);
      for (Path file : files) {
        JarEntry entry = new JarEntry(directory.relativize(file).toString().replace(File.separatorChar, '/'));
        entry.setMethod(ZipEntry.DEFLATED);
        jarOut.putNextEntry(entry);
        Files.copy(file, jarOut);
        jarOut.closeEntry();
      }
    }
    Files.move(packing, jar, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    Files.writeString(sourceFile, source);
    return jar;
  }

  /**
   * Files a killed run left half-written ({@code <name>.<pid>.tmp} of a process that is gone): a
   * warm-up executor orphaned by a {@code kill -9} still writes its archive as it exits.
   */
  private static void deleteLeftovers(Path dir) throws IOException {
    List<Path> leftovers;
    try (Stream<Path> files = Files.list(dir)) {
      leftovers = files.filter(file -> {
        String[] parts = file.getFileName().toString().split("\\.");
        return parts.length > 2 && parts[parts.length - 1].equals("tmp") && parts[parts.length - 2].matches("\\d{1,18}")
            && ProcessHandle.of(Long.parseLong(parts[parts.length - 2])).isEmpty();
      }).toList();
    }
    for (Path leftover : leftovers) {
      Files.deleteIfExists(leftover);
    }
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
