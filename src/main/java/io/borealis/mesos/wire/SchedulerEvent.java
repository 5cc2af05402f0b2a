package io.borealis.mesos.wire;

import java.util.List;

/** {@code mesos.v1.scheduler.Event}: one RecordIO record of the subscription stream. */
public record SchedulerEvent(
    Type type,
    Subscribed subscribed,
    Offers offers,
    Rescind rescind,
    Update update,
    Message message,
    Failure failure,
    Error error) {

  /** Unknown event types decode as null and should be ignored. */
  public enum Type { SUBSCRIBED, OFFERS, INVERSE_OFFERS, RESCIND, RESCIND_INVERSE_OFFER, UPDATE, UPDATE_OPERATION_STATUS, MESSAGE, FAILURE, ERROR, HEARTBEAT }

  public record Subscribed(FrameworkId frameworkId, Double heartbeatIntervalSeconds, MasterInfo masterInfo) {}

  /** Mesos nests the list twice: {@code {"offers": {"offers": [...]}}}. */
  public record Offers(List<Offer> offers) {}

  public record Rescind(OfferId offerId) {}

  public record Update(TaskStatus status) {}

  public record Message(AgentId agentId, ExecutorId executorId, byte[] data) {}

  public record Failure(AgentId agentId, ExecutorId executorId, Integer status) {}

  public record Error(String message) {}

  private static SchedulerEvent empty(Type type) {
    return new SchedulerEvent(type, null, null, null, null, null, null, null);
  }

  public static SchedulerEvent subscribed(FrameworkId id, double heartbeatSeconds, MasterInfo master) {
    return new SchedulerEvent(Type.SUBSCRIBED, new Subscribed(id, heartbeatSeconds, master), null, null, null, null, null, null);
  }

  public static SchedulerEvent heartbeat() {
    return empty(Type.HEARTBEAT);
  }

  public static SchedulerEvent offers(List<Offer> offers) {
    return new SchedulerEvent(Type.OFFERS, null, new Offers(offers), null, null, null, null, null);
  }

  public static SchedulerEvent rescind(OfferId id) {
    return new SchedulerEvent(Type.RESCIND, null, null, new Rescind(id), null, null, null, null);
  }

  public static SchedulerEvent update(TaskStatus status) {
    return new SchedulerEvent(Type.UPDATE, null, null, null, new Update(status), null, null, null);
  }

  public static SchedulerEvent failure(AgentId agent, ExecutorId executor, Integer status) {
    return new SchedulerEvent(Type.FAILURE, null, null, null, null, null, new Failure(agent, executor, status), null);
  }

  public static SchedulerEvent error(String message) {
    return new SchedulerEvent(Type.ERROR, null, null, null, null, null, null, new Error(message));
  }
}
