package io.borealis.scheduler;

import io.borealis.state.LifecycleSettings;
import java.time.Duration;

/**
 * How the scheduler presents itself to Mesos and launches tasks.
 *
 * @param cluster the cluster name jobs must carry in their key
 * @param masterUrl the Mesos master (or dev cluster) to subscribe to
 * @param frameworkName shown in Mesos
 * @param user the user tasks run as when they do not say
 * @param failoverTimeout how long Mesos keeps our tasks while we are away
 * @param executorCommand shell command an agent runs to start the Borealis executor
 * @param executorCpus Aurora's executor overhead per task ({@code thermos_executor_cpu})
 * @param executorMemMb Aurora's executor overhead per task ({@code thermos_executor_ram})
 * @param offerHoldTime how long an unused offer is kept before it is declined
 * @param dashboardUrl base URL of this scheduler's HTTP server, for Mesos' webui_url
 * @param lifecycle timeouts, kill retries and flapping throttle of the task life cycle
 * @param reconciliationInterval how often every task is reconciled with Mesos, explicitly (each task
 *     the scheduler believes on an agent) and implicitly (Mesos lists what it runs for us)
 * @param updateProgressDeadline how long one instance of a rolling update may take (killed, replaced,
 *     RUNNING and healthy for watch_secs) before it counts as failed
 * @param preemptionDelay how long a task must have waited for a host before it may preempt others
 *     (Aurora's {@code preemption_delay})
 * @param zkEnsemble ZooKeeper {@code host:port,...} where executors announce tasks of jobs with an
 *     {@code announce}; null: no announcing
 * @param framework role, credentials, hostname and web UI link the framework registers with
 */
public record SchedulerSettings(
    String cluster,
    String masterUrl,
    String frameworkName,
    String user,
    Duration failoverTimeout,
    String executorCommand,
    double executorCpus,
    double executorMemMb,
    Duration offerHoldTime,
    String dashboardUrl,
    LifecycleSettings lifecycle,
    Duration reconciliationInterval,
    Duration updateProgressDeadline,
    Duration preemptionDelay,
    String zkEnsemble,
    FrameworkSettings framework) {

  public static final double DEFAULT_EXECUTOR_CPUS = 0.25;
  public static final double DEFAULT_EXECUTOR_MEM_MB = 128;
  public static final Duration DEFAULT_OFFER_HOLD_TIME = Duration.ofMinutes(5);
  public static final Duration DEFAULT_FAILOVER_TIMEOUT = Duration.ofDays(21);
  /** Aurora's {@code reconciliation_explicit_interval} and {@code reconciliation_implicit_interval}. */
  public static final Duration DEFAULT_RECONCILIATION_INTERVAL = Duration.ofMinutes(60);
  public static final Duration DEFAULT_UPDATE_PROGRESS_DEADLINE = Duration.ofMinutes(10);
  public static final Duration DEFAULT_PREEMPTION_DELAY = Duration.ofMinutes(3);

  /** Registering with Mesos' defaults: role {@code *}, no credentials. */
  public SchedulerSettings(String cluster, String masterUrl, String frameworkName, String user, Duration failoverTimeout,
      String executorCommand, double executorCpus, double executorMemMb, Duration offerHoldTime, String dashboardUrl,
      LifecycleSettings lifecycle, Duration reconciliationInterval, Duration updateProgressDeadline, Duration preemptionDelay,
      String zkEnsemble) {
    this(cluster, masterUrl, frameworkName, user, failoverTimeout, executorCommand, executorCpus, executorMemMb, offerHoldTime,
        dashboardUrl, lifecycle, reconciliationInterval, updateProgressDeadline, preemptionDelay, zkEnsemble, FrameworkSettings.DEFAULT);
  }

  public SchedulerSettings withFramework(FrameworkSettings newFramework) {
    return new SchedulerSettings(cluster, masterUrl, frameworkName, user, failoverTimeout, executorCommand,
        executorCpus, executorMemMb, offerHoldTime, dashboardUrl, lifecycle, reconciliationInterval, updateProgressDeadline,
        preemptionDelay, zkEnsemble, newFramework);
  }

  public SchedulerSettings withDashboardUrl(String url) {
    return new SchedulerSettings(cluster, masterUrl, frameworkName, user, failoverTimeout, executorCommand,
        executorCpus, executorMemMb, offerHoldTime, url, lifecycle, reconciliationInterval, updateProgressDeadline, preemptionDelay,
        zkEnsemble, framework);
  }

  public SchedulerSettings withPreemptionDelay(Duration delay) {
    return new SchedulerSettings(cluster, masterUrl, frameworkName, user, failoverTimeout, executorCommand,
        executorCpus, executorMemMb, offerHoldTime, dashboardUrl, lifecycle, reconciliationInterval, updateProgressDeadline, delay,
        zkEnsemble, framework);
  }
}
