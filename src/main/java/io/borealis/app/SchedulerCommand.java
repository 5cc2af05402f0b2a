package io.borealis.app;

import io.borealis.api.ApiVerticle;
import io.borealis.scheduler.FrameworkSettings;
import io.borealis.scheduler.SchedulerDeployment;
import io.borealis.scheduler.SchedulerSettings;
import io.borealis.state.LifecycleSettings;
import io.borealis.storage.Storage;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import io.borealis.access.AccessSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code borealis scheduler}: the scheduler alone, against a real Mesos master (or a dev cluster elsewhere). */
@Command(name = "scheduler", mixinStandardHelpOptions = true, description = "Run the scheduler against a Mesos master until Ctrl-C.",
    footer = {"", "Example:", "  borealis scheduler --master http://mesos-master:5050 --cluster prod-east \\",
        "      --host 0.0.0.0 --data-dir /var/lib/borealis"},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:The servers started; they then run until Ctrl-C.", "1:The scheduler could not start (for example its storage or its port).",
        "2:Invalid command line (unknown option, missing or malformed argument)."})
final class SchedulerCommand implements Callable<Integer> {
  /** The command line as the user's invocation configured it, so a refusal goes to its error stream. */
  @picocli.CommandLine.Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--master", required = true, description = "Mesos master URL, e.g. http://mesos-master:5050")
  String master;

  @Option(names = "--host", defaultValue = "127.0.0.1", description = "Address the HTTP server binds (default ${DEFAULT-VALUE}).")
  String host;

  @Option(names = "--http-port", defaultValue = "8081", description = "HTTP port: API, dashboard, /health (0 = any).")
  int httpPort;

  @Option(names = "--cluster", required = true, description = "Name of the cluster this scheduler serves.")
  String cluster;

  @Option(names = "--executor-command", description = "Shell command Mesos agents run to start the Borealis executor "
      + "(default: this installation's java and class path, which must exist on every agent).")
  String executorCommand;

  @Option(names = "--data-dir", description = "Where the scheduler stores jobs, tasks and its framework id across restarts.")
  java.nio.file.Path dataDir;

  @Option(names = "--ephemeral", description = "Keep nothing (testing only): a restart forgets every job and orphans its tasks.")
  boolean ephemeral;

  @Option(names = "--framework-user", description = "User Mesos runs tasks as (default: the user running the scheduler).")
  String user;

  @Option(names = "--framework-role", defaultValue = FrameworkSettings.DEFAULT_ROLE,
      description = "Mesos role the framework's offers are allocated to (default ${DEFAULT-VALUE}: unreserved resources).")
  String frameworkRole;

  @Option(names = "--framework-principal", description = "Principal the framework authenticates as; with --framework-secret-file "
      + "every call carries HTTP Basic credentials (for masters run with --authenticate_http_frameworks).")
  String frameworkPrincipal;

  @Option(names = "--framework-secret-file", paramLabel = "FILE",
      description = "File holding the principal's secret (its first line; keep it readable by the scheduler's user only).")
  java.nio.file.Path frameworkSecretFile;

  @Option(names = "--framework-hostname", description = "Hostname Mesos shows for the framework (default: the master's view of it).")
  String frameworkHostname;

  @Option(names = "--framework-webui-url", description = "Link Mesos' web UI shows for the framework (default: this scheduler's dashboard).")
  String frameworkWebuiUrl;

  @Option(names = "--update-progress-deadline", defaultValue = "PT10M",
      description = "How long one instance of a rolling update may take before it counts as failed (ISO-8601, default 10 minutes).")
  Duration updateProgressDeadline;

  @Mixin
  AccessOptions accessOptions;

  @Mixin
  SchedulingOptions scheduling;

  @Override
  public Integer call() throws Exception {
    if (ephemeral == (dataDir != null)) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(),
          "give --data-dir DIR (where state is kept) or --ephemeral (keep nothing), exactly one of them");
    }
    AccessSettings access = accessOptions.settingsOrExplain();
    if (access == null) {
      return 1;
    }
    FrameworkSettings framework = frameworkSettings();
    MonitoredVertx monitored = MonitoredVertx.create();
    Vertx vertx = monitored.vertx();
    // Recovery (seconds for a large store) runs on a worker while the HTTP server starts.
    Future<Storage.Opened> storage = SchedulerStorage.open(vertx, ephemeral ? null : dataDir);
    ApiVerticle api = new ApiVerticle(host, httpPort, cluster, monitored.registry(), access);
    try {
      vertx.deployVerticle(api).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      storage.onSuccess(opened -> opened.log().close());
      vertx.close();
      System.err.println("Error: cannot serve HTTP on " + host + ":" + httpPort + ": " + (e.getCause() == null ? e : e.getCause()).getMessage());
      return 1;
    }
    String url = "http://" + host + ":" + api.port();
    SchedulerSettings settings = new SchedulerSettings(cluster, master, "Borealis",
        user != null ? user : System.getProperty("user.name"), SchedulerSettings.DEFAULT_FAILOVER_TIMEOUT,
        executorCommand != null ? executorCommand : ExecutorCommand.fromCurrentJvm(),
        SchedulerSettings.DEFAULT_EXECUTOR_CPUS, SchedulerSettings.DEFAULT_EXECUTOR_MEM_MB,
        SchedulerSettings.DEFAULT_OFFER_HOLD_TIME, url + "/scheduler",
        LifecycleSettings.AURORA_DEFAULTS, SchedulerSettings.DEFAULT_RECONCILIATION_INTERVAL, updateProgressDeadline,
        scheduling.preemptionDelay, scheduling.zkEnsemble, framework);
    SchedulerDeployment scheduler;
    try {
      scheduler = storage
          .compose(opened -> SchedulerDeployment.deploy(vertx, settings, Clock.systemUTC(), monitored.registry(), opened)
              .onFailure(e -> opened.log().close()))
          .toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    } catch (java.util.concurrent.ExecutionException e) {
      vertx.close();
      System.err.println("Error: the scheduler could not start: " + e.getCause().getMessage());
      return 1;
    }
    LocalCommand.RUNNING.set(true);
    Runtime.getRuntime().addShutdownHook(new Thread(
        () -> scheduler.undeploy().eventually(() -> vertx.close()).toCompletionStage().toCompletableFuture().join(), "borealis-shutdown"));
    System.out.println("Borealis scheduler for cluster '" + cluster + "' on " + url + "/scheduler, using Mesos at " + master);
    System.out.println("Access: " + AccessOptions.describe(access));
    return 0;
  }

  /** The framework's role, credentials and links from the command line; a bad combination is a command-line error (exit 2). */
  private FrameworkSettings frameworkSettings() {
    picocli.CommandLine line = spec.commandLine();
    if ((frameworkPrincipal == null) != (frameworkSecretFile == null)) {
      throw new picocli.CommandLine.ParameterException(line,
          "give --framework-principal and --framework-secret-file together (Mesos authenticates a principal with its secret)");
    }
    String secret = null;
    if (frameworkSecretFile != null) {
      try {
        secret = java.nio.file.Files.readAllLines(frameworkSecretFile).stream().findFirst().orElse("").strip();
      } catch (java.io.IOException e) {
        throw new picocli.CommandLine.ParameterException(line, "cannot read --framework-secret-file " + frameworkSecretFile + ": " + e);
      }
      if (secret.isEmpty()) {
        throw new picocli.CommandLine.ParameterException(line, "--framework-secret-file " + frameworkSecretFile + " is empty");
      }
    }
    return new FrameworkSettings(frameworkRole, frameworkPrincipal, secret, frameworkHostname, frameworkWebuiUrl);
  }
}
