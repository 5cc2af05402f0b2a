package io.borealis.updates;

import io.borealis.model.InstanceRanges;
import io.borealis.model.JobConfig;
import io.borealis.model.ScheduledTask;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

/**
 * The configs a job's active tasks run, with the instances running each: one group normally, more
 * after a canary or an unfinished update. Configs that give instances the same task are one group.
 */
public final class ConfigGroups {
  private ConfigGroups() {}

  public record Group(JobConfig config, InstanceRanges instances) {}

  /** Groups in the order of their lowest instance. */
  public static List<Group> of(List<ScheduledTask> activeTasks) {
    List<JobConfig> configs = new ArrayList<>();
    List<TreeSet<Integer>> instances = new ArrayList<>();
    activeTasks.stream().sorted(Comparator.comparingInt(ScheduledTask::instance)).forEach(task -> {
      int index = 0;
      while (index < configs.size() && !UpdateDiff.sameTask(configs.get(index), task.config())) {
        index++;
      }
      if (index == configs.size()) {
        configs.add(task.config());
        instances.add(new TreeSet<>());
      }
      instances.get(index).add(task.instance());
    });
    List<Group> groups = new ArrayList<>();
    for (int i = 0; i < configs.size(); i++) {
      groups.add(new Group(configs.get(i), InstanceRanges.of(instances.get(i))));
    }
    return groups;
  }
}
