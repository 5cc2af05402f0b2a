package io.borealis.events;

import io.borealis.model.ScheduledTask;
import java.util.List;

/** What the scheduler asks of Mesos, sent to {@link BusAddresses#MESOS}. */
public final class MesosCommands {
  private MesosCommands() {}

  public sealed interface Command {}

  /** Launch these ASSIGNED tasks with these offers, all of one agent. */
  public record Launch(List<String> offerIds, String agentId, List<ScheduledTask> tasks) implements Command {}

  /** Give offers back without using them. */
  public record Decline(List<String> offerIds) implements Command {}

  /** Nothing is pending: stop sending offers (held ones stay held until they are used or declined). */
  public record Suppress() implements Command {}

  /** Something is pending again: offers, please. */
  public record Revive() implements Command {}

  /** Kill a task on its agent. */
  public record Kill(String taskId, String agentId) implements Command {}

  /** Asks the Mesos client (at {@link BusAddresses#MESOS_STATUS}) whether it holds the subscription; the reply is a {@link Connection}. */
  public record GetConnection() {}

  /**
   * Whether this scheduler is subscribed to the Mesos master, which makes it the one that leads the
   * framework. {@code problem} says why it is not (or what last went wrong), null when all is well.
   * {@code fatal}: the master ended the framework (an ERROR event: removed, failed over to another
   * scheduler); this scheduler has stopped scheduling and will not re-subscribe until restarted. A
   * transient disconnect, which it recovers from by itself, is not fatal.
   */
  public record Connection(boolean subscribed, String master, String frameworkId, String problem, boolean fatal) {}
}
