package io.borealis.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One run of one instance of a job: its id ({@code role-env-name-instance-uuid}), the config it runs,
 * where it was placed and its event history. Immutable; every change makes a new value.
 */
public record ScheduledTask(
    String taskId,
    JobConfig config,
    int instance,
    TaskState state,
    String agentId,
    String host,
    Map<String, Integer> ports,
    int failureCount,
    String ancestorId,
    List<TaskEvent> events) {

  public ScheduledTask {
    ports = ports == null ? Map.of() : Map.copyOf(ports);
    events = List.copyOf(events);
  }

  public JobKey jobKey() {
    return config.key();
  }

  public static String newTaskId(JobKey key, int instance, String uuid) {
    String raw = key.role() + "-" + key.environment() + "-" + key.name() + "-" + instance + "-" + uuid;
    return raw.replaceAll("[^\\w-]", "-");
  }

  public ScheduledTask withState(TaskState next, Instant at, String message) {
    List<TaskEvent> history = new ArrayList<>(events);
    history.add(new TaskEvent(at, next, message));
    return new ScheduledTask(taskId, config, instance, next, agentId, host, ports, failureCount, ancestorId, history);
  }

  public ScheduledTask withPlacement(String newAgentId, String newHost, Map<String, Integer> newPorts) {
    return new ScheduledTask(taskId, config, instance, state, newAgentId, newHost, newPorts, failureCount, ancestorId, events);
  }

  /** When the task entered its current state. */
  public Instant since() {
    return events.isEmpty() ? Instant.EPOCH : events.get(events.size() - 1).timestamp();
  }

  /** The reason attached to the latest event, for status listings. */
  public String lastMessage() {
    return events.isEmpty() ? null : events.get(events.size() - 1).message();
  }

  /** Whether this task ever entered {@code state} (Aurora checks "was ever KILLING" for partitions). */
  public boolean wasEver(TaskState state) {
    return events.stream().anyMatch(e -> e.state() == state);
  }
}
