package io.borealis.updates;

import io.borealis.config.JobJson;
import io.borealis.model.JobConfig;
import io.borealis.model.ScheduledTask;
import io.borealis.model.TaskState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiPredicate;

/**
 * A job's tasks for planner tests, applying the planner's commands the way the scheduler does, but
 * instantly: a killed task is KILLED at once, an added one RUNNING at once unless {@code fails} says
 * its config dies on that instance (then it is FAILED a second later). Health is given per instance.
 */
final class SimulatedJob {
  private final Map<Integer, List<ScheduledTask>> tasks = new TreeMap<>();
  private final Map<Integer, Boolean> health = new HashMap<>();
  private final BiPredicate<Integer, JobConfig> fails;
  private final List<Integer> inFlightHistory = new ArrayList<>();
  private int next;

  /** A service of {@code instances} whose one process runs {@code cmdline}: configs differ by their cmdline. */
  static JobConfig config(String cmdline, int instances) {
    return JobJson.read("""
        {"cluster": "devcluster", "role": "www-data", "environment": "prod", "name": "web", "instances": %d, "service": true,
         "task": {"processes": [{"name": "web", "cmdline": "%s"}], "resources": {"cpu": 0.1, "ram": 1048576, "disk": 1048576}}}
        """.formatted(instances, cmdline)).jobs().get(0);
  }

  /** How an update driven to its end went. */
  record Run(UpdateState update, List<UpdateStep.InstanceEvent> events, List<String> reasons, Instant end) {}

  /**
   * Steps {@code update} until it stops moving, applying each step to this job and jumping the clock
   * to the time the planner asks for when a step changes nothing.
   */
  Run drive(UpdatePlanner planner, UpdateState update, Instant start) {
    Instant now = start;
    List<UpdateStep.InstanceEvent> events = new ArrayList<>();
    List<String> reasons = new ArrayList<>();
    for (int i = 0; i < 5_000 && update.status().isMoving(); i++) {
      UpdateStep step = planner.step(update, observe(), now);
      apply(step, now);
      events.addAll(step.events());
      if (step.reason() != null) {
        reasons.add(step.reason());
      }
      update = step.state();
      if (step.commands().isEmpty() && step.events().isEmpty() && step.reason() == null) {
        now = step.evaluateAt() != null && step.evaluateAt().isAfter(now) ? step.evaluateAt() : now.plusSeconds(1);
      }
    }
    return new Run(update, events, reasons, now);
  }

  SimulatedJob(JobConfig running, BiPredicate<Integer, JobConfig> fails, Instant now) {
    this.fails = fails;
    for (int i = 0; i < running.instances(); i++) {
      add(i, running, now);
    }
  }

  private void add(int instance, JobConfig config, Instant now) {
    ScheduledTask task = new ScheduledTask("task-" + instance + "-" + next++, config, instance, TaskState.INIT, null, null, Map.of(),
        0, null, List.of()).withState(TaskState.PENDING, now, "created").withState(TaskState.RUNNING, now, null);
    if (fails.test(instance, config)) {
      task = task.withState(TaskState.FAILED, now.plus(Duration.ofSeconds(1)), "process exited 1");
    }
    tasks.computeIfAbsent(instance, k -> new ArrayList<>()).add(task);
  }

  void setHealthy(int instance, Boolean healthy) {
    health.put(instance, healthy);
  }

  void apply(UpdateStep step, Instant now) {
    for (UpdateStep.TaskCommand command : step.commands()) {
      if (command instanceof UpdateStep.KillTask kill) {
        List<ScheduledTask> list = tasks.get(kill.instance());
        for (int i = 0; i < list.size(); i++) {
          if (list.get(i).taskId().equals(kill.taskId())) {
            list.set(i, list.get(i).withState(TaskState.KILLING, now, kill.reason()).withState(TaskState.KILLED, now, null));
          }
        }
      } else if (command instanceof UpdateStep.AddTask add) {
        add(add.instance(), add.config(), now);
      }
    }
    long inFlight = step.state().currentPass().count(InstanceProgress.Phase.IN_FLIGHT);
    inFlightHistory.add((int) inFlight);
  }

  Map<Integer, InstanceObservation> observe() {
    Map<Integer, InstanceObservation> seen = new TreeMap<>();
    tasks.forEach((instance, list) -> {
      ScheduledTask active = list.stream().filter(t -> !t.state().isTerminal()).findFirst().orElse(null);
      List<ScheduledTask> ended = list.stream().filter(t -> t.state().isTerminal()).toList();
      Boolean healthy = health.get(instance);
      seen.put(instance, new InstanceObservation(active, healthy, Boolean.TRUE.equals(healthy) && active != null ? active.since() : null,
          ended));
    });
    return seen;
  }

  /** The config each instance's active task runs; absent instances have none. */
  Map<Integer, JobConfig> runningConfigs() {
    Map<Integer, JobConfig> configs = new TreeMap<>();
    tasks.forEach((instance, list) -> list.stream().filter(t -> !t.state().isTerminal()).findFirst()
        .ifPresent(t -> configs.put(instance, t.config())));
    return configs;
  }

  int maxInFlight() {
    return inFlightHistory.stream().mapToInt(Integer::intValue).max().orElse(0);
  }
}
