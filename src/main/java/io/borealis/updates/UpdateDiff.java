package io.borealis.updates;

import io.borealis.model.JobConfig;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/** The instances an update must touch, in Aurora's order: added, then changed, then removed, each ascending. */
public final class UpdateDiff {
  private UpdateDiff() {}

  /**
   * @param running the config each existing instance runs now
   * @param desired the new config; instances {@code 0..desired.instances()-1} should run it
   * @param scope the instances the update may touch (a canary's {@code 0-1}), or null for all
   * @return only the instances that change; empty when the job already runs {@code desired}
   */
  public static List<InstanceGoal> between(Map<Integer, JobConfig> running, JobConfig desired, Set<Integer> scope) {
    Set<Integer> instances = new TreeSet<>(running.keySet());
    for (int i = 0; i < desired.instances(); i++) {
      instances.add(i);
    }
    List<InstanceGoal> goals = new ArrayList<>();
    for (int instance : instances) {
      if (scope != null && !scope.contains(instance)) {
        continue;
      }
      JobConfig from = running.get(instance);
      JobConfig to = instance < desired.instances() ? desired : null;
      if (from == null || to == null || !sameTask(from, to)) {
        goals.add(new InstanceGoal(instance, from, to));
      }
    }
    goals.sort(Comparator.comparing((InstanceGoal goal) -> goal.kind()).thenComparingInt(InstanceGoal::instance));
    return goals;
  }

  /**
   * Whether two configs give an instance the same task: everything but the instance count and the
   * update settings, which describe the job rather than what one instance runs (Aurora's TaskConfig).
   */
  public static boolean sameTask(JobConfig a, JobConfig b) {
    return a == b || a.key().equals(b.key()) && a.service() == b.service() && a.maxTaskFailures() == b.maxTaskFailures()
        && Objects.equals(a.tier(), b.tier()) && a.production() == b.production() && a.priority() == b.priority()
        && Objects.equals(a.contact(), b.contact()) && a.task().equals(b.task()) && a.constraints().equals(b.constraints())
        && Objects.equals(a.healthCheck(), b.healthCheck());
  }
}
