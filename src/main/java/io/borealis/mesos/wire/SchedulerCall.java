package io.borealis.mesos.wire;

import java.util.List;

/**
 * {@code mesos.v1.scheduler.Call}: what a framework POSTs to {@code /api/v1/scheduler}. Exactly the
 * sub-message named by {@code type} is set; the static factories build each kind.
 */
public record SchedulerCall(
    Type type,
    FrameworkId frameworkId,
    Subscribe subscribe,
    Accept accept,
    Decline decline,
    Kill kill,
    Acknowledge acknowledge,
    Reconcile reconcile,
    Revive revive,
    Suppress suppress) {

  public enum Type { SUBSCRIBE, TEARDOWN, ACCEPT, DECLINE, REVIVE, KILL, SHUTDOWN, ACKNOWLEDGE, RECONCILE, MESSAGE, SUPPRESS }

  public record Subscribe(FrameworkInfo frameworkInfo) {}

  public record Accept(List<OfferId> offerIds, List<Operation> operations, Filters filters) {}

  public record Decline(List<OfferId> offerIds, Filters filters) {}

  public record Kill(TaskId taskId, AgentId agentId) {}

  public record Acknowledge(AgentId agentId, TaskId taskId, byte[] uuid) {}

  /** An empty list asks for implicit reconciliation; on the wire it is {@code "reconcile": {}}. */
  public record Reconcile(List<ReconcileTask> tasks) {
    public Reconcile {
      tasks = tasks == null ? List.of() : List.copyOf(tasks);
    }
  }

  public record ReconcileTask(TaskId taskId, AgentId agentId) {}

  public record Revive(List<String> roles) {}

  public record Suppress(List<String> roles) {}

  /** {@code Offer.Operation}; Borealis launches with LAUNCH only. */
  public record Operation(OperationType type, Launch launch) {}

  public enum OperationType { LAUNCH, LAUNCH_GROUP, RESERVE, UNRESERVE, CREATE, DESTROY }

  public record Launch(List<TaskInfo> taskInfos) {}

  private static SchedulerCall of(Type type, FrameworkId id) {
    return new SchedulerCall(type, id, null, null, null, null, null, null, null, null);
  }

  /** First subscription has no framework id; a re-subscription repeats it at the top level and in the info. */
  public static SchedulerCall subscribe(FrameworkInfo info) {
    return new SchedulerCall(Type.SUBSCRIBE, info.id(), new Subscribe(info), null, null, null, null, null, null, null);
  }

  public static SchedulerCall launch(FrameworkId id, List<OfferId> offers, List<TaskInfo> tasks, Filters filters) {
    Accept accept = new Accept(offers, List.of(new Operation(OperationType.LAUNCH, new Launch(tasks))), filters);
    return new SchedulerCall(Type.ACCEPT, id, null, accept, null, null, null, null, null, null);
  }

  public static SchedulerCall decline(FrameworkId id, List<OfferId> offers, Filters filters) {
    return new SchedulerCall(Type.DECLINE, id, null, null, new Decline(offers, filters), null, null, null, null, null);
  }

  public static SchedulerCall kill(FrameworkId id, TaskId task, AgentId agent) {
    return new SchedulerCall(Type.KILL, id, null, null, null, new Kill(task, agent), null, null, null, null);
  }

  public static SchedulerCall acknowledge(FrameworkId id, AgentId agent, TaskId task, byte[] uuid) {
    return new SchedulerCall(Type.ACKNOWLEDGE, id, null, null, null, null, new Acknowledge(agent, task, uuid), null, null, null);
  }

  public static SchedulerCall reconcile(FrameworkId id, List<ReconcileTask> tasks) {
    return new SchedulerCall(Type.RECONCILE, id, null, null, null, null, null, new Reconcile(tasks), null, null);
  }

  public static SchedulerCall revive(FrameworkId id) {
    return new SchedulerCall(Type.REVIVE, id, null, null, null, null, null, null, new Revive(null), null);
  }

  public static SchedulerCall suppress(FrameworkId id) {
    return new SchedulerCall(Type.SUPPRESS, id, null, null, null, null, null, null, null, new Suppress(null));
  }

  public static SchedulerCall teardown(FrameworkId id) {
    return of(Type.TEARDOWN, id);
  }
}
