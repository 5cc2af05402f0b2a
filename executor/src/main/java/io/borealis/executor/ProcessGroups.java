package io.borealis.executor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The processes of a process group or session, found in /proc. Each process is started as the
 * leader of its own session and group ({@code setsid}), so everything it forks, even a daemon that
 * double-forked and was re-parented away from us, still carries the leader's pid as its group or
 * session id unless it moved itself out. The kernel does not reuse a pid while a group or session
 * of that id exists, so matching on a leader that has exited is still safe. Reads /proc: call from
 * a worker thread.
 */
final class ProcessGroups {
  private static final Path PROC = Path.of("/proc");

  private ProcessGroups() {}

  /** Every process whose process group or session id is {@code leader}; empty without /proc. */
  static List<ProcessHandle> members(long leader) {
    List<ProcessHandle> members = new ArrayList<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(PROC, entry -> isNumber(entry.getFileName().toString()))) {
      for (Path entry : entries) {
        if (inGroupOrSession(entry.resolve("stat"), leader)) {
          ProcessHandle.of(Long.parseLong(entry.getFileName().toString())).ifPresent(members::add);
        }
      }
    } catch (IOException | RuntimeException e) {
      // No /proc here: the descendants the killer finds anyway are all we can do.
    }
    return members;
  }

  /**
   * Reads "pid (command) state ppid pgrp session ...": the command may hold spaces and parentheses,
   * so fields are counted from the last ')'.
   */
  static boolean inGroupOrSession(Path stat, long leader) {
    try {
      String line = Files.readString(stat, StandardCharsets.UTF_8);
      String[] fields = line.substring(line.lastIndexOf(')') + 1).strip().split(" ");
      return fields.length > 3 && (Long.parseLong(fields[2]) == leader || Long.parseLong(fields[3]) == leader);
    } catch (IOException | RuntimeException gone) {
      return false;
    }
  }

  private static boolean isNumber(String name) {
    return !name.isEmpty() && name.chars().allMatch(Character::isDigit);
  }
}
