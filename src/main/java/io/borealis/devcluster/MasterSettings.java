package io.borealis.devcluster;

import java.time.Duration;

/**
 * How the dev-cluster master is tuned: Mesos' defaults unless a test or {@code borealis local} asks
 * otherwise.
 *
 * @param heartbeat how often subscribed frameworks get a HEARTBEAT (Mesos: 15 s)
 * @param agentPingTimeout how long an agent may go unheard before the master calls it unreachable
 *     (Mesos: {@code --agent_ping_timeout} 15 s times {@code --max_agent_ping_timeouts} 5 = 75 s)
 * @param faults whether {@code /devcluster/faults} (fault injection on purpose) is served on the
 *     master's port; off unless asked for, so a normal dev cluster cannot be broken by a stray request
 * @param recovery how long a master brought back by the restart fault answers 503 "Master has not
 *     finished recovery", as a newly elected Mesos master does while it reads its registry back
 * @param faultPlan faults applied by themselves at set times after the master starts
 *     ({@code borealis local --faults=PLAN}); empty for none
 */
public record MasterSettings(Duration heartbeat, Duration agentPingTimeout, boolean faults, Duration recovery, FaultPlan faultPlan) {
  public static final Duration DEFAULT_HEARTBEAT = Duration.ofSeconds(15);
  public static final Duration DEFAULT_AGENT_PING_TIMEOUT = Duration.ofSeconds(75);
  /**
   * A Mesos master recovers from its replicated-log registry in well under a second on a small
   * cluster, and agents re-register in the seconds after; one second makes a framework meet the 503
   * and back off at least once without slowing tests that restart the master many times.
   */
  public static final Duration DEFAULT_RECOVERY = Duration.ofSeconds(1);

  public MasterSettings(Duration heartbeat, Duration agentPingTimeout, boolean faults) {
    this(heartbeat, agentPingTimeout, faults, DEFAULT_RECOVERY, FaultPlan.NONE);
  }

  public static MasterSettings defaults() {
    return new MasterSettings(DEFAULT_HEARTBEAT, DEFAULT_AGENT_PING_TIMEOUT, false);
  }

  public static MasterSettings withHeartbeat(Duration heartbeat) {
    return new MasterSettings(heartbeat, DEFAULT_AGENT_PING_TIMEOUT, false);
  }

  public MasterSettings withAgentPingTimeout(Duration timeout) {
    return new MasterSettings(heartbeat, timeout, faults, recovery, faultPlan);
  }

  public MasterSettings withFaults(boolean enabled) {
    return new MasterSettings(heartbeat, agentPingTimeout, enabled, recovery, faultPlan);
  }

  public MasterSettings withRecovery(Duration window) {
    return new MasterSettings(heartbeat, agentPingTimeout, faults, window, faultPlan);
  }

  /** Faults applied by themselves; a plan turns the fault endpoint on too, so its effects can be watched. */
  public MasterSettings withFaultPlan(FaultPlan plan) {
    return new MasterSettings(heartbeat, agentPingTimeout, faults || !plan.isEmpty(), recovery, plan);
  }

  /** How often the master looks at its agents: often enough that the timeout is kept to within a tenth. */
  Duration pingInterval() {
    return Duration.ofMillis(Math.max(50, Math.min(15_000, agentPingTimeout.toMillis() / 10)));
  }
}
