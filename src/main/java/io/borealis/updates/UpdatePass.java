package io.borealis.updates;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One direction of an update: the instance goals in the order they are taken, how far each got, and
 * (for batch strategies) where the current batch ends. A rollback is a second pass over the instances
 * the first one touched, in reverse.
 *
 * @param batchIndex which batch is current (0-based)
 * @param batchEnd position in {@code goals} after the current batch's last instance
 */
public record UpdatePass(List<InstanceGoal> goals, Map<Integer, InstanceProgress> progress, int batchIndex, int batchEnd) {
  public UpdatePass {
    goals = List.copyOf(goals);
    progress = Collections.unmodifiableMap(new LinkedHashMap<>(progress));
  }

  static UpdatePass start(List<InstanceGoal> goals, BatchStrategy strategy) {
    return new UpdatePass(goals, Map.of(), 0, Math.min(goals.size(), strategy.batchSize(0)));
  }

  /** The instances this pass started, undone in reverse: what rolling it back means. */
  UpdatePass reversed(BatchStrategy strategy) {
    List<InstanceGoal> touched = new ArrayList<>();
    for (InstanceGoal goal : goals) {
      if (progress.containsKey(goal.instance())) {
        touched.add(0, goal.reversed());
      }
    }
    return start(touched, strategy);
  }

  UpdatePass with(int instance, InstanceProgress next) {
    Map<Integer, InstanceProgress> changed = new LinkedHashMap<>(progress);
    changed.put(instance, next);
    return new UpdatePass(goals, changed, batchIndex, batchEnd);
  }

  UpdatePass nextBatch(BatchStrategy strategy) {
    int index = batchIndex + 1;
    return new UpdatePass(goals, progress, index, Math.min(goals.size(), batchEnd + strategy.batchSize(index)));
  }

  public long count(InstanceProgress.Phase phase) {
    return progress.values().stream().filter(p -> p.phase() == phase).count();
  }

  boolean allDone() {
    return progress.size() == goals.size() && progress.values().stream().allMatch(InstanceProgress::isDone);
  }

  boolean currentBatchDone() {
    for (int i = 0; i < batchEnd; i++) {
      InstanceProgress p = progress.get(goals.get(i).instance());
      if (p == null || !p.isDone()) {
        return false;
      }
    }
    return true;
  }
}
