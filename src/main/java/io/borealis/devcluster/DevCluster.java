package io.borealis.devcluster;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A running dev cluster: one master and its agents, deployed on a Vert.x instance. Undeploying (or
 * closing the Vert.x) stops every executor the agents started.
 */
public final class DevCluster {
  private final MasterVerticle master;
  private final List<AgentVerticle> agents;

  private DevCluster(MasterVerticle master, List<AgentVerticle> agents) {
    this.master = master;
    this.agents = List.copyOf(agents);
  }

  /**
   * Starts a master on {@code masterPort} and one agent per spec.
   *
   * @param heartbeat how often the master heartbeats subscribed frameworks (Mesos: 15 s)
   */
  public static Future<DevCluster> start(Vertx vertx, String host, int masterPort, List<AgentSpec> specs, Path workDir,
      Duration heartbeat, AgentVerticle.AgentSettings agentSettings) {
    return start(vertx, host, masterPort, specs, workDir, MasterSettings.withHeartbeat(heartbeat), agentSettings);
  }

  /** As above, with every master setting (ping timeout, fault injection) given. */
  public static Future<DevCluster> start(Vertx vertx, String host, int masterPort, List<AgentSpec> specs, Path workDir,
      MasterSettings masterSettings, AgentVerticle.AgentSettings agentSettings) {
    MasterVerticle master = new MasterVerticle(host, masterPort, masterSettings);
    return vertx.deployVerticle(master).compose(id -> {
      List<AgentVerticle> agents = new ArrayList<>();
      Future<?> chain = Future.succeededFuture();
      for (AgentSpec spec : specs) {
        AgentVerticle agent = new AgentVerticle(spec, master, workDir, agentSettings);
        agents.add(agent);
        chain = chain.compose(v -> vertx.deployVerticle(agent));
      }
      return chain.map(v -> new DevCluster(master, agents));
    });
  }

  /** A master whose agents are simulated in-process ({@link SimulatedAgents}): no processes are started. */
  public static Future<DevCluster> startSimulated(Vertx vertx, String host, int masterPort, List<AgentSpec> specs,
      Duration heartbeat, SimulatedAgents.Behaviour behaviour, Duration statusUpdateRetry) {
    return startSimulated(vertx, host, masterPort, specs, MasterSettings.withHeartbeat(heartbeat), behaviour, statusUpdateRetry);
  }

  /** As above, with every master setting given. */
  public static Future<DevCluster> startSimulated(Vertx vertx, String host, int masterPort, List<AgentSpec> specs,
      MasterSettings masterSettings, SimulatedAgents.Behaviour behaviour, Duration statusUpdateRetry) {
    MasterVerticle master = new MasterVerticle(host, masterPort, masterSettings);
    return vertx.deployVerticle(master)
        .compose(id -> vertx.deployVerticle(new SimulatedAgents(specs, master, behaviour, statusUpdateRetry)))
        .map(id -> new DevCluster(master, List.of()));
  }

  /** Breaks the cluster on purpose; see {@link MasterFaults}. */
  public MasterFaults faults() {
    return master.faults();
  }

  public String masterUrl() {
    return master.url();
  }

  public int masterPort() {
    return master.port();
  }

  /**
   * Stops agent {@code index} (in the order given) as for a restart, leaving checkpointing frameworks'
   * executors running; {@link #recoverAgent} brings it back. See {@link AgentVerticle#stopKeepingExecutors}.
   */
  public Future<Void> stopAgentKeepingExecutors(int index) {
    return agents.get(index).stopKeepingExecutors();
  }

  /** Starts a stopped agent again on its port and work directory, recovering its checkpointed executors. */
  public Future<Void> recoverAgent(int index) {
    return agents.get(index).recover();
  }

  public List<Integer> agentPorts() {
    return agents.stream().map(AgentVerticle::port).toList();
  }
}
