package io.borealis.storage;

import io.borealis.config.JobJson;
import io.borealis.model.JobConfig;
import io.borealis.model.ScheduledTask;
import io.borealis.model.TaskState;
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
    mutations.add(new Mutation.RemoveJob(batch.key()));
    mutations.add(new Mutation.SaveFrameworkId("framework-2"));
    return mutations;
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
    return result;
  }
}
