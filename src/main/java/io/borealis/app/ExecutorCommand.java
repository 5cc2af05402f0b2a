package io.borealis.app;

import java.io.File;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The shell command agents run to start the Borealis executor. On one machine it is this JVM's own
 * java and class path; the flags keep each per-task executor JVM small and quick to start.
 */
final class ExecutorCommand {
  static final String MAIN_CLASS = "io.borealis.executor.ExecutorMain";

  /**
   * An executor watches one task: a small heap, C1 only, one compiler thread, small code cache and
   * metaspace, no perf-data file, and Netty without pooled arenas (sized for servers, not for one
   * connection to the agent). C1 compiles only what stays hot at 50 times the usual thresholds: the
   * start runs once, and compiling it cost more memory (about 2 MB) than it saved time, while a
   * long-lived executor's loops (a rotating log's copy) still get compiled. The properties keep
   * classes off the start path that one loopback connection does not need: Netty's JFR events,
   * Vert.x's DNS client (the JDK resolver is enough to find the agent), its metrics lookup and its
   * class-path file cache.
   */
  static final List<String> FLAGS = List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
      "-XX:CICompilerCount=1", "-XX:CompileThresholdScaling=50", "-Xss256k", "-Xms8m", "-Xmx48m", "-XX:ReservedCodeCacheSize=16m", "-XX:MaxMetaspaceSize=64m",
      "-XX:-UsePerfData", "-XX:MaxDirectMemorySize=16m", "-Dio.netty.allocator.type=unpooled", "-Dio.netty.jfr.enabled=false",
      "-Dvertx.disableDnsResolver=true", "-Dvertx.disableMetrics=true", "-Dvertx.disableFileCPResolving=true",
      "-Dvertx.logger-delegate-factory-class-name=io.vertx.core.logging.JULLogDelegateFactory");

  /**
   * Jars of the scheduler, CLI and dashboard that no executor loads a class from. At start an executor
   * reads the service files of every jar on its class path ({@code System.getLogger}, Vert.x's service
   * lookups), so these cost it time and memory for nothing. Listed by exclusion: a jar a new executor
   * dependency brings stays on the executor's class path unless someone adds it here. Without
   * jackson-databind, Vert.x's JSON runs on jackson-core alone (ArchitectureTest keeps the executor off
   * databind).
   */
  private static final Pattern SCHEDULER_ONLY = Pattern.compile(
      "(jackson-databind|micrometer-.*|vertx-micrometer-metrics|prometheus-metrics-.*|HdrHistogram|LatencyUtils|picocli|jline-.*|progressbar"
          + "|snakeyaml|vertx-web.*|vertx-openapi|vertx-json-schema|vertx-auth-common|vertx-bridge-common"
          + "|vertx-eventbus-bridge-common)-[0-9][^/]*\\.jar");

  /**
   * With a class-data archive: map it at the archive's usual address (JDK 17 relocates by default,
   * which writes to, and so privately copies, every page of it), and fall back to no archive rather
   * than fail should it not fit the JVM or class path after all.
   */
  static final List<String> ARCHIVE_FLAGS = List.of("-XX:+UnlockDiagnosticVMOptions", "-XX:ArchiveRelocationMode=0",
      "-Xshare:auto");

  private ExecutorCommand() {}

  /** This JVM's java and class path, without a class-data archive. */
  static String fromCurrentJvm() {
    return java(classPathOf(System.getProperty("java.class.path")), List.of());
  }

  /** {@code javaClassPath} without the jars only the scheduler's side uses. */
  static String classPathOf(String javaClassPath) {
    return String.join(File.pathSeparator, Arrays.stream(javaClassPath.split(File.pathSeparator))
        .filter(entry -> !SCHEDULER_ONLY.matcher(Path.of(entry).getFileName().toString()).matches()).toList());
  }

  /**
   * This JVM's java on the archive's class path, with the archive when its file is there at launch:
   * it appears once the warm-up made it, and executors launched before that start without it.
   */
  static String withArchive(ExecutorArchive archive) {
    String file = archive.file().toString();
    List<String> flags = new java.util.ArrayList<>(ARCHIVE_FLAGS);
    flags.add("-XX:SharedArchiveFile=" + file);
    return "if [ -r " + quote(file) + " ]; then " + java(archive.classPath(), flags)
        + "; else " + java(archive.classPath(), List.of()) + "; fi";
  }

  /** The executor on {@code classPath}, writing a class-data archive of what it loaded to {@code archive} as it exits. */
  static String archivingAtExit(String classPath, Path archive) {
    return java(classPath, List.of("-XX:ArchiveClassesAtExit=" + archive));
  }

  /** The java this JVM runs. */
  static String javaBinary() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  private static String java(String classPath, List<String> extraFlags) {
    StringBuilder command = new StringBuilder("exec ").append(quote(javaBinary())).append(' ').append(String.join(" ", FLAGS));
    extraFlags.forEach(flag -> command.append(' ').append(quote(flag)));
    return command.append(" -cp ").append(quote(classPath)).append(' ').append(MAIN_CLASS).toString();
  }

  static String quote(String value) {
    return "'" + value.replace("'", "'\\''") + "'";
  }
}
