package io.borealis.devcluster;

import java.time.Duration;

/**
 * How the dev-cluster master is tuned: Mesos' defaults unless a test or {@code borealis local} asks
 * otherwise.
 *
 * @param heartbeat how often subscribed frameworks get a HEARTBEAT (Mesos: 15 s)
 * @param agentPingTimeout how long an agent may go unheard before the master calls it unreachable
 *     (Mesos: {@code --agent_ping_timeout} 15 s times {@code --max_agent_ping_timeouts} 5 = 75 s)
 * @param faults whether {@code /faults} (fault injection on purpose) is served on the master's port;
 *     off unless asked for, so a normal dev cluster cannot be broken by a stray request
 */
public record MasterSettings(Duration heartbeat, Duration agentPingTimeout, boolean faults) {
  public static final Duration DEFAULT_HEARTBEAT = Duration.ofSeconds(15);
  public static final Duration DEFAULT_AGENT_PING_TIMEOUT = Duration.ofSeconds(75);

  public static MasterSettings defaults() {
    return new MasterSettings(DEFAULT_HEARTBEAT, DEFAULT_AGENT_PING_TIMEOUT, false);
  }

  public static MasterSettings withHeartbeat(Duration heartbeat) {
    return new MasterSettings(heartbeat, DEFAULT_AGENT_PING_TIMEOUT, false);
  }

  public MasterSettings withAgentPingTimeout(Duration timeout) {
    return new MasterSettings(heartbeat, timeout, faults);
  }

  public MasterSettings withFaults(boolean enabled) {
    return new MasterSettings(heartbeat, agentPingTimeout, enabled);
  }

  /** How often the master looks at its agents: often enough that the timeout is kept to within a tenth. */
  Duration pingInterval() {
    return Duration.ofMillis(Math.max(50, Math.min(15_000, agentPingTimeout.toMillis() / 10)));
  }
}
