package io.borealis.executor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whether a process still runs. {@link ProcessHandle#isAlive()} counts a zombie as alive, and a
 * killed grandchild whose parent died first is a zombie until init reaps it; some container inits
 * reap only every few seconds. A zombie runs no code and holds no resources but its pid, so here it
 * counts as gone. Reads /proc: call from a worker thread.
 */
final class ProcessLiveness {
  private ProcessLiveness() {}

  static boolean isRunning(ProcessHandle process) {
    if (!process.isAlive()) {
      return false;
    }
    try {
      // /proc/<pid>/stat is "pid (command) state ...": the command may hold spaces and parentheses,
      // so the state is the first field after the last ')'.
      String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"), StandardCharsets.UTF_8);
      String afterCommand = stat.substring(stat.lastIndexOf(')') + 1).strip();
      char state = afterCommand.isEmpty() ? '?' : afterCommand.charAt(0);
      return state != 'Z' && state != 'X' && process.isAlive();
    } catch (IOException | RuntimeException e) {
      // Gone between the two checks, or no /proc on this system: trust the JDK's answer.
      return process.isAlive();
    }
  }
}
