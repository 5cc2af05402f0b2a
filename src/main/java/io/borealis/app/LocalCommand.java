package io.borealis.app;

import io.borealis.devcluster.AgentSpec;
import io.borealis.devcluster.AgentVerticle;
import io.borealis.devcluster.FaultPlan;
import io.borealis.devcluster.MasterSettings;
import io.borealis.scheduler.SchedulerSettings;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import io.borealis.access.AccessSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code borealis local}: scheduler + embedded master + agents in this process, until Ctrl-C. */
@Command(name = "local", mixinStandardHelpOptions = true,
    description = "Run the scheduler and an embedded Mesos-compatible cluster on this machine until Ctrl-C.",
    footer = {"", "Example:", "  borealis local --agents 3 --attribute rack=a"},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:The servers started; they then run until Ctrl-C.", "1:A server could not start (for example its port is taken).",
        "2:Invalid command line (unknown option, missing or malformed argument)."})
final class LocalCommand implements Callable<Integer> {
  /** {@code --faults} alone is an empty plan (the endpoint only); a bad plan is a usage error naming the entry. */
  static final class FaultPlanConverter implements picocli.CommandLine.ITypeConverter<FaultPlan> {
    @Override
    public FaultPlan convert(String value) {
      try {
        return FaultPlan.parse(value);
      } catch (IllegalArgumentException e) {
        throw new picocli.CommandLine.TypeConversionException(e.getMessage());
      }
    }
  }

  /** Set while servers run, so main() does not exit the JVM under them. */
  static final AtomicBoolean RUNNING = new AtomicBoolean();

  @Option(names = "--host", defaultValue = "127.0.0.1", description = "Address every server binds (default ${DEFAULT-VALUE}).")
  String host;

  @Option(names = "--http-port", defaultValue = "8081", description = "Scheduler HTTP port: API, dashboard, /health (0 = any).")
  int httpPort;

  @Option(names = "--master-port", defaultValue = "5050", description = "Dev-cluster master port (0 = any).")
  int masterPort;

  @Option(names = "--agent-port", defaultValue = "5051", description = "Port of the first agent; the next agents take the following ports (0 = any).")
  int agentPort;

  @Option(names = "--agents", defaultValue = "1", description = "Number of agents (default ${DEFAULT-VALUE}).")
  int agents;

  @Option(names = "--agent-resources", defaultValue = AgentSpec.DEFAULT_RESOURCES,
      description = "Resources of each agent, Mesos syntax (default ${DEFAULT-VALUE}).")
  String agentResources;

  @Option(names = "--attribute", paramLabel = "NAME=VALUE", description = "Attribute of every agent (repeatable); 'host' is always set to the hostname.")
  Map<String, String> attributes = new LinkedHashMap<>();

  @Option(names = "--work-dir", description = "Where agents put sandboxes (default: a directory under the system temp dir).")
  Path workDir;

  @Option(names = "--cluster", defaultValue = "devcluster", description = "Cluster name jobs must use (default ${DEFAULT-VALUE}).")
  String cluster;

  @Option(names = "--data-dir", description = "Where the scheduler stores jobs and tasks across restarts "
      + "(default: $XDG_DATA_HOME/borealis/local, else ~/.local/share/borealis/local).")
  Path dataDir;

  @Option(names = "--ephemeral", description = "Keep nothing: a throw-away run that forgets every job when it stops.")
  boolean ephemeral;

  @Option(names = "--heartbeat", defaultValue = "PT15S",
      description = "How often the dev-cluster master sends HEARTBEAT events (ISO-8601, default 15 s as Mesos).")
  Duration heartbeat;

  @Option(names = "--agent-ping-timeout", defaultValue = "PT75S",
      description = "How long an agent may go unheard before the master reports its tasks unreachable "
          + "(ISO-8601, default 75 s as Mesos: 5 pings of 15 s).")
  Duration agentPingTimeout;

  @Option(names = "--faults", arity = "0..1", fallbackValue = "", paramLabel = "PLAN", converter = FaultPlanConverter.class,
      description = {"Serve the dev cluster's fault injection on the master's port, POST /devcluster/faults/<fault>[?<params>] "
          + "(cut-streams, replace-stream-ids, withhold-heartbeats?seconds=, unavailable?seconds=, redirect?seconds=&location=, "
          + "restart-master?downtime_seconds=&recovery_seconds=, partition-agent?agent=, heal-agent?agent=, clear). "
          + "Off by default: nothing breaks unless asked.",
          "With =PLAN, also apply faults by themselves: a comma-separated list of <fault>[?<params>][@<when>], "
          + "<when> a time after the start (500ms, 10s, 2m, 1h; none: at once), "
          + "e.g. --faults=cut-streams@10s,restart-master?downtime_seconds=2@1m."})
  FaultPlan faults;

  @Mixin
  AccessOptions accessOptions;

  @Mixin
  SchedulingOptions scheduling;

  @Option(names = "--sandbox-gc-delay", defaultValue = "P7D",
      description = "How long agents keep a finished task's sandbox (ISO-8601, default 7 days as Mesos' --gc_delay).")
  Duration sandboxGcDelay;

  @Option(names = "--sandbox-disk-budget-mb", defaultValue = "10240",
      description = "Disk that finished sandboxes may take per agent before the oldest are deleted (default ${DEFAULT-VALUE} MB).")
  long sandboxDiskBudgetMb;

  // Not Mesos' 15 minutes: a dev agent recovers executors only when restarted inside this process; a new
  // 'borealis local' starts new agents, so an executor orphaned by a crash would only be waiting in vain.
  @Option(names = "--agent-recovery-timeout", defaultValue = "PT15S",
      description = "How long executors of checkpointing frameworks wait for a restarting agent before killing their "
          + "tasks (ISO-8601, default 15 s; Mesos' --recovery_timeout is 15 min).")
  Duration agentRecoveryTimeout;

  @Override
  public Integer call() throws IOException {
    String hostname = InetAddress.getLocalHost().getHostName();
    List<AgentSpec> specs = new ArrayList<>();
    for (int i = 0; i < agents; i++) {
      String agentHost = agents == 1 ? hostname : hostname + "-" + i;
      try {
        specs.add(AgentSpec.parse(agentHost, agentPort == 0 ? 0 : agentPort + i, agentResources, attributes));
      } catch (IllegalArgumentException e) {
        throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this), "--agent-resources: " + e.getMessage());
      }
    }
    Path sandboxes = workDir != null ? workDir
        : Path.of(System.getProperty("java.io.tmpdir"), "borealis-" + System.getProperty("user.name"), "agents");
    Files.createDirectories(sandboxes);
    if (ephemeral && dataDir != null) {
      throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this), "--ephemeral and --data-dir exclude each other");
    }
    Path storage = ephemeral ? null : dataDir != null ? dataDir : SchedulerStorage.defaultDataDir("local");
    AccessSettings access = accessOptions.settingsOrExplain();
    if (access == null) {
      return 1;
    }
    MonitoredVertx monitored = MonitoredVertx.create();
    Vertx vertx = monitored.vertx();
    var master = new MasterSettings(heartbeat, agentPingTimeout, faults != null).withFaultPlan(faults == null ? FaultPlan.NONE : faults);
    var options = new LocalCluster.Options(host, httpPort, masterPort, specs, sandboxes, cluster, heartbeat,
        AgentVerticle.AgentSettings.defaults(host).withSandboxGc(sandboxGcDelay, sandboxDiskBudgetMb * 1024 * 1024,
            AgentVerticle.AgentSettings.DEFAULT_GC_INTERVAL)
            .withRecovery(agentRecoveryTimeout, AgentVerticle.AgentSettings.DEFAULT_EXECUTOR_REREGISTRATION_TIMEOUT), null,
        storage, access, scheduling.preemptionDelay, scheduling.zkEnsemble, master, SchedulerSettings.DEFAULT_RECONCILIATION_INTERVAL,
        sandboxes.resolve("executor-cds"));
    LocalCluster started;
    try {
      started = LocalCluster.start(monitored, options).toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    } catch (Exception e) {
      vertx.close();
      Throwable cause = e.getCause() != null ? e.getCause() : e;
      System.err.println("Error: Borealis could not start: " + cause.getMessage());
      return 1;
    }
    LocalCluster local = started;
    RUNNING.set(true);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      System.out.println("Shutting down: stopping executors and their tasks...");
      try {
        local.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
      } catch (Exception e) {
        System.err.println("Shutdown did not finish cleanly: " + e.getMessage());
      }
    }, "borealis-shutdown"));
    System.out.println("Borealis is running on cluster '" + cluster + "'.");
    System.out.println("  Dashboard:  " + local.schedulerUrl() + "/scheduler");
    System.out.println("  API:        " + local.schedulerUrl() + "/api/v1");
    System.out.println("  Mesos:      " + local.masterUrl() + " (" + specs.size() + " agent" + (specs.size() == 1 ? "" : "s") + ")");
    System.out.println("  Sandboxes:  " + sandboxes);
    System.out.println("  Access:     " + AccessOptions.describe(access));
    if (faults != null) {
      System.out.println("  Faults:     on: POST " + local.masterUrl() + "/devcluster/faults/<fault> breaks the dev cluster on purpose"
          + (faults.isEmpty() ? "" : "; planned: " + faults));
    }
    System.out.println("  State:      " + (storage == null ? "ephemeral (nothing is kept)" : storage.toAbsolutePath()));
    System.out.println("Try: ./borealis job create devcluster/www-data/prod/hello examples/hello_world.json");
    System.out.println("Press Ctrl-C to stop.");
    return 0;
  }
}
