package io.borealis.devcluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import java.util.stream.Stream;

/** The blocking half of sandbox garbage collection: measure finished sandboxes, delete what retention says. */
final class SandboxCollector {
  private static final Logger LOG = Logger.getLogger(SandboxCollector.class.getName());

  private SandboxCollector() {}

  /** Blocking: on a worker. Returns the sandboxes it no longer needs to track (deleted, or gone already). */
  static List<Path> collect(Map<Path, Instant> finished, SandboxRetention retention, Instant now) throws IOException {
    List<SandboxRetention.Finished> measured = new ArrayList<>();
    List<Path> gone = new ArrayList<>();
    for (Map.Entry<Path, Instant> sandbox : finished.entrySet()) {
      if (Files.exists(sandbox.getKey())) {
        measured.add(new SandboxRetention.Finished(sandbox.getKey(), sandbox.getValue(), bytes(sandbox.getKey())));
      } else {
        gone.add(sandbox.getKey());
      }
    }
    for (Path sandbox : retention.toDelete(measured, now)) {
      delete(sandbox);
      gone.add(sandbox);
      LOG.info(() -> "Deleted finished sandbox " + sandbox);
    }
    return gone;
  }

  private static long bytes(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).mapToLong(file -> {
        try {
          return Files.size(file);
        } catch (IOException e) {
          return 0;
        }
      }).sum();
    }
  }

  private static void delete(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(file);
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }
}
