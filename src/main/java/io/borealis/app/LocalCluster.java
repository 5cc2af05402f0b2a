package io.borealis.app;

import io.borealis.access.AccessSettings;
import io.borealis.api.ApiVerticle;
import io.borealis.devcluster.AgentSpec;
import io.borealis.devcluster.AgentVerticle;
import io.borealis.devcluster.DevCluster;
import io.borealis.devcluster.MasterFaults;
import io.borealis.devcluster.MasterSettings;
import io.borealis.devcluster.SimulatedAgents;
import io.borealis.scheduler.SchedulerDeployment;
import io.borealis.scheduler.SchedulerSettings;
import io.borealis.state.LifecycleSettings;
import io.borealis.storage.Storage;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * The scheduler, its HTTP API and an embedded dev cluster (master + agents) in one JVM: what
 * {@code borealis local} runs, and what end-to-end tests start on random ports. The dev cluster has
 * a Vert.x (and event loops) of its own, as a Mesos master would have its own process: sharing
 * loops, the master's work queued behind the scheduler's (a REVIVE waited 400 ms behind the events
 * of a 10,000-task job) and made the pair slower than either alone.
 */
public final class LocalCluster {
  private final Vertx vertx;
  private final Vertx clusterVertx;
  private final SchedulerDeployment scheduler;
  private final DevCluster devCluster;
  /** Null without one. */
  private final ExecutorArchive executorArchive;
  private final int httpPort;
  private final String host;

  private LocalCluster(Vertx vertx, Vertx clusterVertx, SchedulerDeployment scheduler, DevCluster devCluster,
      ExecutorArchive executorArchive, String host, int httpPort) {
    this.vertx = vertx;
    this.clusterVertx = clusterVertx;
    this.scheduler = scheduler;
    this.devCluster = devCluster;
    this.executorArchive = executorArchive;
    this.host = host;
    this.httpPort = httpPort;
  }

  /**
   * Everything that can be set from {@code borealis local}'s flags.
   *
   * @param simulated null for real agents that start executor processes; otherwise the agents are
   *     simulated in-process with this behaviour (benchmarks, scale tests)
   * @param dataDir where the scheduler's state is stored; null keeps nothing (ephemeral)
   * @param zkEnsemble where executors announce jobs with an {@code announce}; null: nowhere
   * @param master the dev-cluster master's settings; null: Mesos' defaults with {@code heartbeat}
   * @param reconciliationInterval how often the scheduler reconciles every task with Mesos
   * @param executorArchive where executors' class-data archive is made and kept (see {@link ExecutorArchive});
   *     null: executors start without one
   */
  public record Options(String host, int httpPort, int masterPort, List<AgentSpec> agents, Path workDir,
      String cluster, Duration heartbeat, AgentVerticle.AgentSettings agentSettings, SimulatedAgents.Behaviour simulated,
      Path dataDir, AccessSettings access, Duration preemptionDelay, String zkEnsemble, MasterSettings master,
      Duration reconciliationInterval, Path executorArchive) {
    /** Open to everyone, as a local cluster is by default, with Aurora's preemption delay and no ZooKeeper. */
    public Options(String host, int httpPort, int masterPort, List<AgentSpec> agents, Path workDir, String cluster,
        Duration heartbeat, AgentVerticle.AgentSettings agentSettings, SimulatedAgents.Behaviour simulated, Path dataDir) {
      this(host, httpPort, masterPort, agents, workDir, cluster, heartbeat, agentSettings, simulated, dataDir, AccessSettings.OPEN,
          SchedulerSettings.DEFAULT_PREEMPTION_DELAY, null, null, SchedulerSettings.DEFAULT_RECONCILIATION_INTERVAL, null);
    }

    /** The master's settings: those given, else Mesos' defaults with this heartbeat. */
    public MasterSettings masterSettings() {
      return master != null ? master : MasterSettings.withHeartbeat(heartbeat);
    }

    /** The dev-cluster master tuned (agent ping timeout, fault injection). */
    public Options withMaster(MasterSettings settings) {
      return new Options(host, httpPort, masterPort, agents, workDir, cluster, settings.heartbeat(), agentSettings, simulated, dataDir,
          access, preemptionDelay, zkEnsemble, settings, reconciliationInterval, executorArchive);
    }

    public Options withReconciliationInterval(Duration interval) {
      return new Options(host, httpPort, masterPort, agents, workDir, cluster, heartbeat, agentSettings, simulated, dataDir, access,
          preemptionDelay, zkEnsemble, master, interval, executorArchive);
    }

    public Options withAccess(AccessSettings access) {
      return new Options(host, httpPort, masterPort, agents, workDir, cluster, heartbeat, agentSettings, simulated, dataDir, access,
          preemptionDelay, zkEnsemble, master, reconciliationInterval, executorArchive);
    }

    public Options withPreemptionDelay(Duration delay) {
      return new Options(host, httpPort, masterPort, agents, workDir, cluster, heartbeat, agentSettings, simulated, dataDir, access,
          delay, zkEnsemble, master, reconciliationInterval, executorArchive);
    }

    public Options withZkEnsemble(String ensemble) {
      return new Options(host, httpPort, masterPort, agents, workDir, cluster, heartbeat, agentSettings, simulated, dataDir, access,
          preemptionDelay, ensemble, master, reconciliationInterval, executorArchive);
    }

    /** Executors get a class-data archive, made and kept in {@code dir}. */
    public Options withExecutorArchive(Path dir) {
      return new Options(host, httpPort, masterPort, agents, workDir, cluster, heartbeat, agentSettings, simulated, dataDir, access,
          preemptionDelay, zkEnsemble, master, reconciliationInterval, dir);
    }

    public Options withAgentSettings(AgentVerticle.AgentSettings settings) {
      return new Options(host, httpPort, masterPort, agents, workDir, cluster, heartbeat, settings, simulated, dataDir, access,
          preemptionDelay, zkEnsemble, master, reconciliationInterval, executorArchive);
    }
  }

  public static Future<LocalCluster> start(MonitoredVertx monitored, Options options) {
    Vertx vertx = monitored.vertx();
    Vertx clusterVertx = Vertx.vertx();
    Future<DevCluster> devCluster = options.simulated() == null
        ? DevCluster.start(clusterVertx, options.host(), options.masterPort(), options.agents(), options.workDir(),
            options.masterSettings(), options.agentSettings())
        : DevCluster.startSimulated(clusterVertx, options.host(), options.masterPort(), options.agents(), options.masterSettings(),
            options.simulated(), options.agentSettings().statusUpdateRetry());
    // Packing class directories as jars is file I/O; simulated agents start no executor.
    Future<ExecutorArchive> archive = options.executorArchive() == null || options.simulated() != null
        ? Future.succeededFuture()
        : vertx.executeBlocking(() -> ExecutorArchive.prepare(options.executorArchive(), System.getProperty("java.class.path")), false);
    Future<Storage.Opened> storage = SchedulerStorage.open(vertx, options.dataDir());
    return storage.compose(opened -> archive.compose(executorArchive -> devCluster.compose(dev -> {
          String executorCommand = executorArchive == null ? ExecutorCommand.fromCurrentJvm()
              : ExecutorCommand.withArchive(executorArchive);
          SchedulerSettings settings = new SchedulerSettings(options.cluster(), dev.masterUrl(), "Borealis",
              System.getProperty("user.name"), SchedulerSettings.DEFAULT_FAILOVER_TIMEOUT, executorCommand,
              SchedulerSettings.DEFAULT_EXECUTOR_CPUS, SchedulerSettings.DEFAULT_EXECUTOR_MEM_MB,
              SchedulerSettings.DEFAULT_OFFER_HOLD_TIME, null, LifecycleSettings.AURORA_DEFAULTS,
              options.reconciliationInterval(), SchedulerSettings.DEFAULT_UPDATE_PROGRESS_DEADLINE,
              options.preemptionDelay(), options.zkEnsemble());
          ApiVerticle api = new ApiVerticle(options.host(), options.httpPort(), options.cluster(), monitored.registry(),
              options.access());
          return vertx.deployVerticle(api)
              .compose(id -> SchedulerDeployment.deploy(vertx,
                  settings.withDashboardUrl("http://" + options.host() + ":" + api.port() + "/scheduler"), Clock.systemUTC(),
                  monitored.registry(), opened))
              .map(scheduler -> {
                if (executorArchive != null) {
                  executorArchive.makeInBackground(vertx);
                }
                return new LocalCluster(vertx, clusterVertx, scheduler, dev, executorArchive, options.host(), api.port());
              });
        })).onFailure(e -> opened.log().close()))
        .onFailure(e -> clusterVertx.close());
  }

  public String schedulerUrl() {
    return "http://" + host + ":" + httpPort;
  }

  public int httpPort() {
    return httpPort;
  }

  public String masterUrl() {
    return devCluster.masterUrl();
  }

  /** The dev cluster's fault injection (tests; {@code borealis local --faults} serves it over HTTP). */
  public MasterFaults faults() {
    return devCluster.faults();
  }

  /** Stops a dev-cluster agent as for a restart, checkpointed executors left running (tests). */
  public Future<Void> stopAgentKeepingExecutors(int index) {
    return devCluster.stopAgentKeepingExecutors(index);
  }

  /** Brings a stopped dev-cluster agent back, recovering its checkpointed executors (tests). */
  public Future<Void> recoverAgent(int index) {
    return devCluster.recoverAgent(index);
  }

  public List<Integer> agentPorts() {
    return devCluster.agentPorts();
  }

  public Vertx vertx() {
    return vertx;
  }

  /**
   * Stops the scheduler first (so it does not try to re-subscribe to a master that is going away),
   * then everything else; the agents stop every executor and task they started.
   */
  public Future<Void> close() {
    if (executorArchive != null) {
      executorArchive.close();
    }
    return scheduler.undeploy().eventually(() -> vertx.close()).eventually(() -> clusterVertx.close());
  }
}
