package io.borealis.config.aurora.schema;

import static io.borealis.config.aurora.schema.Schema.BOOLEAN;
import static io.borealis.config.aurora.schema.Schema.FLOAT;
import static io.borealis.config.aurora.schema.Schema.INTEGER;
import static io.borealis.config.aurora.schema.Schema.STRING;
import static io.borealis.config.aurora.schema.Schema.defaulted;
import static io.borealis.config.aurora.schema.Schema.list;
import static io.borealis.config.aurora.schema.Schema.map;
import static io.borealis.config.aurora.schema.Schema.optional;
import static io.borealis.config.aurora.schema.Schema.required;
import static io.borealis.config.aurora.schema.Schema.struct;

import io.borealis.config.aurora.pystachio.ChoiceType;
import io.borealis.config.aurora.pystachio.PObject;
import io.borealis.config.aurora.pystachio.ScalarType;
import io.borealis.config.aurora.pystachio.StructType;
import java.util.List;
import java.util.Map;

/** Aurora's schema (apache/aurora/config/schema/base.py), with the names and defaults Aurora uses. */
public final class AuroraSchema {
  private AuroraSchema() {}

  public static final StructType MESOS_CONTEXT = struct("MesosContext",
      required("instance", INTEGER), required("hostname", STRING));

  public static final StructType QUEUE_UPDATE = struct("QueueUpdateStrategy", defaulted("batch_size", INTEGER, 1L));
  public static final StructType BATCH_UPDATE = struct("BatchUpdateStrategy",
      defaulted("batch_size", INTEGER, 1L), defaulted("autopause_after_batch", BOOLEAN, false));
  public static final StructType VARIABLE_BATCH_UPDATE = struct("VariableBatchUpdateStrategy",
      required("batch_sizes", list(INTEGER)), defaulted("autopause_after_batch", BOOLEAN, false));

  public static final StructType UPDATE_CONFIG = struct("UpdateConfig",
      defaulted("batch_size", INTEGER, 1L),
      defaulted("watch_secs", INTEGER, 45L),
      defaulted("max_per_shard_failures", INTEGER, 0L),
      defaulted("max_total_failures", INTEGER, 0L),
      defaulted("rollback_on_failure", BOOLEAN, true),
      defaulted("wait_for_batch_completion", BOOLEAN, false),
      optional("pulse_interval_secs", INTEGER),
      defaulted("sla_aware", BOOLEAN, false),
      optional("update_strategy", new ChoiceType(null, List.of(QUEUE_UPDATE, BATCH_UPDATE, VARIABLE_BATCH_UPDATE))));

  public static final StructType HTTP_HEALTH_CHECKER = struct("HttpHealthChecker",
      defaulted("endpoint", STRING, "/health"),
      defaulted("expected_response", STRING, "ok"),
      defaulted("expected_response_code", INTEGER, 0L));
  public static final StructType SHELL_HEALTH_CHECKER = struct("ShellHealthChecker", required("shell_command", STRING));
  public static final StructType HEALTH_CHECKER_CONFIG = struct("HealthCheckerConfig",
      optional("http", HTTP_HEALTH_CHECKER), optional("shell", SHELL_HEALTH_CHECKER));
  public static final PObject DEFAULT_HEALTH_CHECKER =
      HEALTH_CHECKER_CONFIG.construct(List.of(), Map.of("http", HTTP_HEALTH_CHECKER.construct(List.of(), Map.of(), null)), null);

  public static final StructType HEALTH_CHECK_CONFIG = struct("HealthCheckConfig",
      defaulted("health_checker", HEALTH_CHECKER_CONFIG, DEFAULT_HEALTH_CHECKER),
      defaulted("initial_interval_secs", FLOAT, 15.0),
      defaulted("interval_secs", FLOAT, 10.0),
      defaulted("max_consecutive_failures", INTEGER, 0L),
      defaulted("min_consecutive_successes", INTEGER, 1L),
      defaulted("timeout_secs", FLOAT, 1.0));

  public static final StructType HTTP_LIFECYCLE_CONFIG = struct("HttpLifecycleConfig",
      defaulted("port", STRING, "health"),
      defaulted("graceful_shutdown_endpoint", STRING, "/quitquitquit"),
      defaulted("shutdown_endpoint", STRING, "/abortabortabort"),
      defaulted("graceful_shutdown_wait_secs", INTEGER, 5L),
      defaulted("shutdown_wait_secs", INTEGER, 5L));
  public static final StructType LIFECYCLE_CONFIG = struct("LifecycleConfig", optional("http", HTTP_LIFECYCLE_CONFIG));
  public static final PObject DISABLE_LIFECYCLE = LIFECYCLE_CONFIG.construct(List.of(), Map.of(), null);
  public static final PObject DEFAULT_LIFECYCLE_CONFIG =
      LIFECYCLE_CONFIG.construct(List.of(), Map.of("http", HTTP_LIFECYCLE_CONFIG.construct(List.of(), Map.of(), null)), null);

  public static final StructType ANNOUNCER = struct("Announcer",
      defaulted("primary_port", STRING, "http"),
      defaulted("portmap", map(STRING, STRING), Map.of("aurora", "{{primary_port}}")),
      optional("zk_path", STRING));

  public static final StructType PARAMETER = struct("Parameter", required("name", STRING), required("value", STRING));
  public static final StructType DOCKER = struct("Docker",
      required("image", STRING), defaulted("parameters", list(PARAMETER), List.of()));
  public static final StructType APPC_IMAGE = struct("AppcImage", required("name", STRING), required("image_id", STRING));
  public static final StructType DOCKER_IMAGE = struct("DockerImage", required("name", STRING), required("tag", STRING));
  public static final ScalarType MODE = ScalarType.enumeration(null, List.of("RO", "RW"));
  public static final StructType VOLUME = struct("Volume",
      required("container_path", STRING), required("host_path", STRING), required("mode", MODE));
  public static final StructType MESOS = struct("Mesos",
      optional("image", new ChoiceType(null, List.of(APPC_IMAGE, DOCKER_IMAGE))),
      defaulted("volumes", list(VOLUME), List.of()));
  public static final StructType CONTAINER = struct("Container", optional("docker", DOCKER));

  public static final StructType PARTITION_POLICY = struct("PartitionPolicy",
      defaulted("reschedule", BOOLEAN, true), defaulted("delay_secs", INTEGER, 0L));
  public static final StructType METADATA = struct("Metadata", required("key", STRING), required("value", STRING));
  public static final String AURORA_EXECUTOR_NAME = "AuroraExecutor";
  public static final StructType EXECUTOR_CONFIG = struct("ExecutorConfig",
      defaulted("name", STRING, AURORA_EXECUTOR_NAME), defaulted("data", STRING, ""));

  public static final StructType PERCENTAGE_SLA_POLICY = struct("PercentageSlaPolicy",
      required("percentage", FLOAT), required("duration_secs", INTEGER));
  public static final StructType COUNT_SLA_POLICY = struct("CountSlaPolicy",
      required("count", INTEGER), required("duration_secs", INTEGER));
  public static final StructType COORDINATOR_SLA_POLICY = struct("CoordinatorSlaPolicy",
      required("coordinator_url", STRING), defaulted("status_key", STRING, "drain"));

  public static final StructType MESOS_TASK_INSTANCE = struct("MesosTaskInstance",
      required("task", ThermosSchema.TASK),
      required("instance", INTEGER),
      required("role", STRING),
      optional("announce", ANNOUNCER),
      required("environment", STRING),
      defaulted("health_check_config", HEALTH_CHECK_CONFIG, HEALTH_CHECK_CONFIG.construct(List.of(), Map.of(), null)),
      optional("lifecycle", LIFECYCLE_CONFIG));

  /** Aurora's {@code Job}; its class is really named MesosJob, and that name appears in messages. */
  public static final StructType MESOS_JOB = struct("MesosJob",
      defaulted("name", STRING, "{{task.name}}"),
      required("role", STRING),
      optional("contact", STRING),
      required("cluster", STRING),
      required("environment", STRING),
      defaulted("instances", INTEGER, 1L),
      required("task", ThermosSchema.TASK),
      optional("announce", ANNOUNCER),
      optional("tier", STRING),
      optional("cron_schedule", STRING),
      defaulted("cron_collision_policy", STRING, "KILL_EXISTING"),
      defaulted("update_config", UPDATE_CONFIG, UPDATE_CONFIG.construct(List.of(), Map.of(), null)),
      optional("constraints", map(STRING, STRING)),
      defaulted("metadata", list(METADATA), List.of()),
      defaulted("service", BOOLEAN, false),
      defaulted("max_task_failures", INTEGER, 1L),
      defaulted("production", BOOLEAN, false),
      defaulted("priority", INTEGER, 0L),
      defaulted("health_check_config", HEALTH_CHECK_CONFIG, HEALTH_CHECK_CONFIG.construct(List.of(), Map.of(), null)),
      defaulted("lifecycle", LIFECYCLE_CONFIG, DEFAULT_LIFECYCLE_CONFIG),
      optional("task_links", map(STRING, STRING)),
      defaulted("executor_config", EXECUTOR_CONFIG, EXECUTOR_CONFIG.construct(List.of(), Map.of(), null)),
      defaulted("enable_hooks", BOOLEAN, false),
      optional("partition_policy", PARTITION_POLICY),
      optional("sla_policy", new ChoiceType(null, List.of(COORDINATOR_SLA_POLICY, COUNT_SLA_POLICY, PERCENTAGE_SLA_POLICY))),
      optional("container", new ChoiceType(null, List.of(CONTAINER, DOCKER, MESOS))));

  /** {@code Service = Job(service=True)}: an instance, used as a template. */
  public static final PObject SERVICE = MESOS_JOB.construct(List.of(), Map.of("service", true), null);
}
