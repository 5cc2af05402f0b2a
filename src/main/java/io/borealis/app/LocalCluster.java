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
 * The scheduler, its HTTP API and an embedded dev cluster (master + agents) in one Vert.x: what
 * {@code borealis local} runs, and what end-to-end tests start on random ports.
 */
public final class LocalCluster {
  private final Vertx vertx;
  private final SchedulerDeployment scheduler;
  private final DevCluster devCluster;
  /** Null without one. */
  private final ExecutorArchive executorArchive;
  private final int httpPort;
  private final String host;

  private LocalCluster(Vertx vertx, SchedulerDeployment scheduler, DevCluster devCluster, ExecutorArchive executorArchive,
      String host, int httpPort) {
    this.vertx = vertx;
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
    Future<DevCluster> devCluster = options.simulated() == null
        ? DevCluster.start(vertx, options.host(), options.masterPort(), options.agents(), options.workDir(),
            options.masterSettings(), options.agentSettings())
        : DevCluster.startSimulated(vertx, options.host(), options.masterPort(), options.agents(), options.masterSettings(),
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
                return new LocalCluster(vertx, scheduler, dev, executorArchive, options.host(), api.port());
              });
        })).onFailure(e -> opened.log().close()));
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
    return scheduler.undeploy().eventually(() -> vertx.close());
  }
}
