package io.borealis.devcluster;

import io.borealis.mesos.wire.AgentId;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * Faults a test (or a person, through {@code /devcluster/faults/...} on the master's port when the
 * cluster was started with faults enabled) breaks the dev cluster with on purpose: the event streams
 * cut, stream ids replaced, heartbeats withheld, the scheduler endpoint answering 503 or 307 for a
 * while, the master restarted (agents and their tasks kept; it recovers for a while), an agent
 * partitioned from the master and healed. Nothing here happens unless asked for. Every method may
 * be called from any thread.
 */
public final class MasterFaults {
  private static final Logger LOG = Logger.getLogger(MasterFaults.class.getName());
  private final MasterVerticle master;
  /** Agents cut off from the master: messages either way are dropped. Read from agents' threads too. */
  private final Set<AgentId> partitioned = ConcurrentHashMap.newKeySet();
  private volatile Instant heartbeatsWithheldUntil = Instant.MIN;
  private volatile Refusal refusal;
  /** Faults of the start plan not applied yet, with when they are due. */
  private final Map<FaultPlan.Entry, Instant> planned = new ConcurrentHashMap<>();

  /**
   * The scheduler endpoint answers {@code status} until {@code until}: 503 with {@code message} as its
   * plain-text body, or 307 to {@code location}.
   */
  record Refusal(int status, String location, String message, Instant until) {}

  /** Mesos' answer ({@code Master::Http::scheduler}) while no master is elected. */
  static final String NO_LEADER = "No leader elected";
  /** Mesos' answer while a newly elected master has not yet recovered its state from the registry. */
  static final String RECOVERING = "Master has not finished recovery";

  MasterFaults(MasterVerticle master) {
    this.master = master;
  }

  /** Closes every framework's subscription connection at once, as a network failure would. */
  public Future<Void> cutStreams() {
    return master.onLoop(master::cutStreams);
  }

  /** The master keeps streams open but sends no HEARTBEAT for this long. */
  public Future<Void> withholdHeartbeats(Duration duration) {
    heartbeatsWithheldUntil = Instant.now().plus(duration);
    return Future.succeededFuture();
  }

  /**
   * For this long the scheduler endpoint answers 503 "No leader elected", as a master without a
   * leader does; open streams are cut first, as when a master loses leadership.
   */
  public Future<Void> answerUnavailable(Duration duration) {
    refusal = new Refusal(503, null, NO_LEADER, Instant.now().plus(duration));
    return cutStreams();
  }

  /**
   * For this long the scheduler endpoint answers 307 with {@code Location: location} (Mesos' form is
   * protocol-relative, {@code //host:port/api/v1/scheduler}; null points back at this master, so a
   * client following it keeps being redirected until the time is up). Open streams are cut first.
   */
  public Future<Void> redirect(String location, Duration duration) {
    refusal = new Refusal(307, location, null, Instant.now().plus(duration));
    return cutStreams();
  }

  /**
   * Gives every subscribed framework a new stream id it was never told, leaving its stream open: its
   * next call carries a stale {@code Mesos-Stream-Id} and gets Mesos' 400 for that, as after a
   * subscription the framework did not see replaced its own.
   */
  public Future<Void> replaceStreamIds() {
    return master.onLoop(master::replaceStreamIds);
  }

  /**
   * Restarts the master: its port refuses connections for {@code downtime}, then a new master (new
   * master id, no frameworks, no offers) serves on the same port, answering 503 "Master has not
   * finished recovery" for the master's configured recovery window; agents and their tasks carry on.
   */
  public Future<Void> restartMaster(Duration downtime) {
    return master.restart(downtime, null);
  }

  /** As {@link #restartMaster(Duration)}, recovering for {@code recovery} instead of the configured window. */
  public Future<Void> restartMaster(Duration downtime, Duration recovery) {
    return master.restart(downtime, recovery);
  }

  /** The new master behind a restart reads its state back: until then it answers 503, as Mesos does. */
  void recovering(Duration recovery) {
    if (!recovery.isZero() && !recovery.isNegative()) {
      refusal = new Refusal(503, null, RECOVERING, Instant.now().plus(recovery));
    }
  }

  /**
   * Cuts an agent (by agent id or hostname) off from the master. After the ping timeout the master
   * reports its tasks unreachable; once healed, it re-registers.
   *
   * @return the agent's id
   */
  public Future<AgentId> partitionAgent(String agent) {
    return master.resolveAgent(agent).onSuccess(partitioned::add);
  }

  public Future<AgentId> healAgent(String agent) {
    return master.resolveAgent(agent).onSuccess(partitioned::remove);
  }

  /** Ends every fault now: agents healed, heartbeats and the scheduler endpoint back to normal. */
  public Future<Void> clear() {
    partitioned.clear();
    heartbeatsWithheldUntil = Instant.MIN;
    refusal = null;
    return Future.succeededFuture();
  }

  /** Applies each fault of {@code plan} at its time after now; a fault that fails to apply is logged. */
  void follow(FaultPlan plan, Vertx vertx) {
    Instant start = Instant.now();
    for (FaultPlan.Entry entry : plan.entries()) {
      planned.put(entry, start.plus(entry.at()));
      vertx.setTimer(Math.max(1, entry.at().toMillis()), id -> {
        planned.remove(entry);
        LOG.info(() -> "Fault plan: applying " + entry.text());
        entry.command().applyTo(this).onFailure(e -> LOG.warning(() -> "Fault plan: " + entry.text() + " failed: " + e.getMessage()));
      });
    }
  }

  boolean linkUp(AgentId agent) {
    return !partitioned.contains(agent);
  }

  boolean heartbeatsWithheld() {
    return Instant.now().isBefore(heartbeatsWithheldUntil);
  }

  /** The refusal in force now, or null. */
  Refusal refusal() {
    Refusal current = refusal;
    return current != null && Instant.now().isBefore(current.until()) ? current : null;
  }

  JsonObject describe() {
    Refusal current = refusal();
    Instant withheld = heartbeatsWithheldUntil;
    JsonArray plan = new JsonArray();
    planned.entrySet().stream().sorted(Map.Entry.comparingByValue())
        .forEach(e -> plan.add(new JsonObject().put("fault", e.getKey().text()).put("at", e.getValue().toString())));
    return new JsonObject()
        .put("planned", plan)
        .put("partitioned_agents", new JsonArray(partitioned.stream().map(AgentId::value).sorted().toList()))
        .put("heartbeats_withheld_until", heartbeatsWithheld() ? withheld.toString() : null)
        .put("refusing", current == null ? null
            : new JsonObject().put("status", current.status()).put("location", current.location())
                .put("message", current.message()).put("until", current.until().toString()));
  }
}
