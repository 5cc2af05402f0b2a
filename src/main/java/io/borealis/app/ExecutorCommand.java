package io.borealis.app;

import java.nio.file.Path;

/**
 * The shell command agents run to start the Borealis executor. On one machine it is this JVM's own
 * java and class path; the flags keep each per-task executor JVM small and quick to start.
 */
final class ExecutorCommand {
  static final String MAIN_CLASS = "io.borealis.executor.ExecutorMain";

  /**
   * An executor watches one task: a small heap, C1 only, one compiler thread, small code cache and
   * metaspace, no perf-data file, and Netty without pooled arenas (sized for servers, not for one
   * connection to the agent).
   */
  static final java.util.List<String> FLAGS = java.util.List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
      "-XX:CICompilerCount=1", "-Xss256k", "-Xms8m", "-Xmx48m", "-XX:ReservedCodeCacheSize=16m", "-XX:MaxMetaspaceSize=64m",
      "-XX:-UsePerfData", "-XX:MaxDirectMemorySize=16m", "-Dio.netty.allocator.type=unpooled", "-Xshare:auto");

  private ExecutorCommand() {}

  static String fromCurrentJvm() {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String classPath = System.getProperty("java.class.path");
    return "exec " + quote(java) + " " + String.join(" ", FLAGS) + " -cp " + quote(classPath) + " " + MAIN_CLASS;
  }

  private static String quote(String value) {
    return "'" + value.replace("'", "'\\''") + "'";
  }
}
