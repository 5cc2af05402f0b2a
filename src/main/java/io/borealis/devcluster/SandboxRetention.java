package io.borealis.devcluster;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Which finished sandboxes an agent deletes, as a Mesos agent's garbage collection decides: every one
 * kept longer than the delay, then the oldest first until the rest fit the disk budget. Running
 * tasks' sandboxes are never candidates. Pure: the agent measures and deletes.
 */
final class SandboxRetention {
  /** A sandbox whose executor has exited: when, and how many bytes it holds. */
  record Finished(Path sandbox, Instant finishedAt, long bytes) {}

  private final Duration delay;
  private final long diskBudgetBytes;

  SandboxRetention(Duration delay, long diskBudgetBytes) {
    this.delay = delay;
    this.diskBudgetBytes = diskBudgetBytes;
  }

  List<Path> toDelete(List<Finished> finished, Instant now) {
    List<Finished> oldestFirst = finished.stream().sorted(Comparator.comparing(Finished::finishedAt)).toList();
    List<Path> delete = new ArrayList<>();
    long kept = oldestFirst.stream().mapToLong(Finished::bytes).sum();
    for (Finished sandbox : oldestFirst) {
      if (!sandbox.finishedAt().plus(delay).isAfter(now) || kept > diskBudgetBytes) {
        delete.add(sandbox.sandbox());
        kept -= sandbox.bytes();
      }
    }
    return delete;
  }
}
