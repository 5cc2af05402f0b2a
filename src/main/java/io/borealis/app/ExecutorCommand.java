package io.borealis.app;

import java.nio.file.Path;

/**
 * The shell command agents run to start the Borealis executor. On one machine it is this JVM's own
 * java and class path; the flags keep each per-task executor JVM small and quick to start.
 */
final class ExecutorCommand {
  static final String MAIN_CLASS = "io.borealis.executor.ExecutorMain";

  private ExecutorCommand() {}

  static String fromCurrentJvm() {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String classPath = System.getProperty("java.class.path");
    return "exec " + quote(java) + " -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xss512k -Xmx64m -Xshare:auto"
        + " -cp " + quote(classPath) + " " + MAIN_CLASS;
  }

  private static String quote(String value) {
    return "'" + value.replace("'", "'\\''") + "'";
  }
}
