package io.borealis.storage;

import io.borealis.config.JobJson;
import io.borealis.model.JobConfig;
import io.borealis.model.ScheduledTask;
import io.borealis.model.TaskState;
import io.borealis.updates.InstanceAction;
import io.borealis.updates.InstanceGoal;
import io.borealis.updates.InstanceProgress;
import io.borealis.updates.UpdatePass;
import io.borealis.updates.UpdateRecord;
import io.borealis.updates.UpdateState;
import io.borealis.updates.UpdateStatus;
import io.borealis.updates.UpdateStep;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Jobs and task histories shaped like the scheduler's, for storage tests. */
final class StorageFixtures {
  static final Instant T0 = Instant.parse("2026-11-25T10:00:00.123456789Z");

  private StorageFixtures() {}

  static JobConfig job(String name, int instances) {
    String json = """
        {"cluster": "devcluster", "role": "www-data", "environment": "prod", "name": "%s", "instances": %d,
         "service": true, "constraints": {"host": "limit:1"},
         "task": {"processes": [{"name": "web", "cmdline": "python3 -m http.server {{thermos.ports[http]}}"},
                                {"name": "tail", "cmdline": "tail -F log", "daemon": true}],
                  "resources": {"cpu": 0.5, "ram": 134217728, "disk": 268435456}},
         "health_check_config": {"initial_interval_secs": 5}}
        """.formatted(name, instances);
    return JobJson.read(json).jobs().get(0);
  }

  /** A task that went PENDING → ASSIGNED → RUNNING, with ports and an ancestor. */
  static ScheduledTask runningTask(JobConfig job, int instance, String uuid) {
    String id = ScheduledTask.newTaskId(job.key(), instance, uuid);
    return new ScheduledTask(id, job, instance, TaskState.INIT, null, null, Map.of(), 1, "ancestor-" + uuid, List.of())
        .withState(TaskState.PENDING, T0, "Task created")
        .withPlacement("agent-1", "host-1", Map.of("http", 31001))
        .withState(TaskState.ASSIGNED, T0.plusMillis(5), "Assigned to host-1")
        .withState(TaskState.RUNNING, T0.plusSeconds(2), null);
  }

  /** A plausible sequence of mutations: jobs created, tasks moving, some removed, ids stored. */
  static List<Mutation> history(int tasks) {
    JobConfig web = job("web", tasks);
    JobConfig batch = job("batch", 2);
    List<Mutation> mutations = new ArrayList<>();
    mutations.add(new Mutation.SaveFrameworkId("framework-1"));
    mutations.add(new Mutation.SaveJob(web));
    mutations.add(new Mutation.SaveJob(batch));
    for (int i = 0; i < tasks; i++) {
      ScheduledTask task = runningTask(web, i, "u" + i);
      mutations.add(new Mutation.SaveTask(task));
      mutations.add(new Mutation.SaveEventId(i + 1));
      if (i % 3 == 0) {
        mutations.add(new Mutation.SaveTask(task.withState(TaskState.KILLING, T0.plusSeconds(60), "Killed by user")));
      }
      if (i % 7 == 0) {
        mutations.add(new Mutation.RemoveTask(task.taskId()));
      }
      if (i % 5 == 0) {
        mutations.add(new Mutation.SaveThrottle(task.taskId(), T0.plusSeconds(30)));
      }
    }
    mutations.add(new Mutation.SaveTask(runningTask(batch, 0, "b0")));
    mutations.add(new Mutation.SaveUpdate(update("update-1", web, job("web", tasks + 2))));
    mutations.add(new Mutation.SaveUpdate(update("update-2", batch, job("batch", 1))));
    mutations.add(new Mutation.RemoveUpdate("update-2"));
    mutations.add(new Mutation.SaveQuota("www-data", new io.borealis.model.Resources(10.5, 64L << 30, 1L << 40, 0)));
    mutations.add(new Mutation.RemoveJob(batch.key()));
    mutations.add(new Mutation.SaveFrameworkId("framework-2"));
    return mutations;
  }

  /**
   * An update that rolled two instances forward, failed on the second and is rolling back, with its
   * history: every part of an update record has a value.
   */
  static UpdateRecord update(String id, JobConfig from, JobConfig to) {
    List<InstanceGoal> goals = List.of(new InstanceGoal(from.instances(), null, to), new InstanceGoal(0, from, to),
        new InstanceGoal(1, from, to));
    UpdateState started = UpdateState.start(id, from.key(), to.update(), goals, T0);
    UpdatePass forward = new UpdatePass(goals, Map.of(
        from.instances(), new InstanceProgress(InstanceProgress.Phase.SUCCEEDED, T0, null),
        0, new InstanceProgress(InstanceProgress.Phase.FAILED, T0.plusSeconds(1), "its new task failed")), 0, 1);
    UpdatePass backward = new UpdatePass(List.of(goals.get(1).reversed(), goals.get(0).reversed()),
        Map.of(0, new InstanceProgress(InstanceProgress.Phase.IN_FLIGHT, T0.plusSeconds(2), null)), 0, 1);
    UpdateState rollingBack = new UpdateState(id, from.key(), UpdateStatus.ROLLING_BACK, to.update(), forward, backward,
        T0.plusSeconds(2));
    return UpdateRecord.start(started, from, to, T0, "started by tester").advanced(rollingBack,
        List.of(new UpdateStep.InstanceEvent(0, InstanceAction.INSTANCE_UPDATE_FAILED, T0.plusSeconds(2), "its new task failed"),
            new UpdateStep.InstanceEvent(0, InstanceAction.INSTANCE_ROLLING_BACK, T0.plusSeconds(2), null)),
        "1 instance(s) failed", T0.plusSeconds(2));
  }

  static StoredState replay(List<Mutation> mutations) {
    StoredState state = StoredState.empty();
    mutations.forEach(state::apply);
    return state;
  }

  /** The state as a snapshot's mutations, as the scheduler writes them. */
  static List<Mutation> asSnapshot(StoredState state) {
    List<Mutation> result = new ArrayList<>();
    if (state.frameworkId() != null) {
      result.add(new Mutation.SaveFrameworkId(state.frameworkId()));
    }
    result.add(new Mutation.SaveEventId(state.lastEventId()));
    state.jobs().values().forEach(job -> result.add(new Mutation.SaveJob(job)));
    state.tasks().values().forEach(task -> result.add(new Mutation.SaveTask(task)));
    state.throttles().forEach((id, until) -> result.add(new Mutation.SaveThrottle(id, until)));
    state.updates().values().forEach(update -> result.add(new Mutation.SaveUpdate(update)));
    state.quotas().forEach((role, quota) -> result.add(new Mutation.SaveQuota(role, quota)));
    return result;
  }
}
