package io.borealis.devcluster;

import io.borealis.mesos.wire.AgentId;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Faults a test (or a person, through {@code /devcluster/faults/...} on the master's port when the
 * cluster was started with faults enabled) breaks the dev cluster with on purpose: the event streams
 * cut, heartbeats withheld, the scheduler endpoint answering 503 or 307 for a while, the master
 * restarted (agents and their tasks kept), an agent partitioned from the master and healed. Nothing
 * here happens unless asked for. Every method may be called from any thread.
 */
public final class MasterFaults {
  private final MasterVerticle master;
  /** Agents cut off from the master: messages either way are dropped. Read from agents' threads too. */
  private final Set<AgentId> partitioned = ConcurrentHashMap.newKeySet();
  private volatile Instant heartbeatsWithheldUntil = Instant.MIN;
  private volatile Refusal refusal;

  /** The scheduler endpoint answers {@code status} (503, or 307 to {@code location}) until {@code until}. */
  record Refusal(int status, String location, Instant until) {}

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
    refusal = new Refusal(503, null, Instant.now().plus(duration));
    return cutStreams();
  }

  /**
   * For this long the scheduler endpoint answers 307 with {@code Location: location} (Mesos' form is
   * protocol-relative, {@code //host:port/api/v1/scheduler}; null points back at this master, so a
   * client following it keeps being redirected until the time is up). Open streams are cut first.
   */
  public Future<Void> redirect(String location, Duration duration) {
    refusal = new Refusal(307, location, Instant.now().plus(duration));
    return cutStreams();
  }

  /**
   * Restarts the master: its port refuses connections for {@code downtime}, then a new master (new
   * master id, no frameworks, no offers) serves on the same port; agents and their tasks carry on.
   */
  public Future<Void> restartMaster(Duration downtime) {
    return master.restart(downtime);
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
    return new JsonObject()
        .put("partitioned_agents", new JsonArray(partitioned.stream().map(AgentId::value).sorted().toList()))
        .put("heartbeats_withheld_until", heartbeatsWithheld() ? withheld.toString() : null)
        .put("refusing", current == null ? null
            : new JsonObject().put("status", current.status()).put("location", current.location())
                .put("until", current.until().toString()));
  }
}
