package io.borealis.config.aurora.schema;

import io.borealis.config.aurora.python.PyCallable;
import io.borealis.config.aurora.python.PyModule;
import io.borealis.config.aurora.pystachio.PystachioNames;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * What a config sees before its first line, as Aurora's loader gives it: {@code from pystachio import *}
 * and {@code from apache.aurora.config.schema.base import *}.
 */
public final class AuroraNames {
  private static Map<String, Object> prelude;

  private AuroraNames() {}

  /** The names, built once (types and helpers are immutable, so every config can share them). */
  public static synchronized Map<String, Object> prelude() {
    if (prelude == null) {
      Map<String, Object> names = new LinkedHashMap<>(PystachioNames.create());
      names.putAll(schema());
      prelude = Collections.unmodifiableMap(names);
    }
    return prelude;
  }

  /** Modules a config may import besides the standard ones: the schema modules themselves. */
  public static Map<String, PyModule> modules() {
    PyModule pystachio = new PyModule("pystachio", PystachioNames.create(), Set.of());
    PyModule base = new PyModule("apache.aurora.config.schema.base", prelude(), Set.of());
    return Map.of("pystachio", pystachio, "apache.aurora.config.schema.base", base,
        "apache.aurora.config.schema", base, "apache.thermos.config.schema", base);
  }

  private static Map<String, Object> schema() {
    Map<String, Object> n = new LinkedHashMap<>();
    n.put("BYTES", 1L);
    n.put("KB", Schema.KB);
    n.put("MB", Schema.MB);
    n.put("GB", Schema.GB);
    n.put("TB", Schema.TB);
    n.put("ThermosContext", ThermosSchema.THERMOS_CONTEXT);
    n.put("Resources", ThermosSchema.RESOURCES);
    n.put("Constraint", ThermosSchema.CONSTRAINT);
    n.put("RotatePolicy", ThermosSchema.ROTATE_POLICY);
    n.put("LoggerDestination", ThermosSchema.LOGGER_DESTINATION);
    n.put("LoggerMode", ThermosSchema.LOGGER_MODE);
    n.put("Logger", ThermosSchema.LOGGER);
    n.put("Process", ThermosSchema.PROCESS);
    n.put("Task", ThermosSchema.TASK);
    n.put("MesosContext", AuroraSchema.MESOS_CONTEXT);
    n.put("QueueUpdateStrategy", AuroraSchema.QUEUE_UPDATE);
    n.put("BatchUpdateStrategy", AuroraSchema.BATCH_UPDATE);
    n.put("VariableBatchUpdateStrategy", AuroraSchema.VARIABLE_BATCH_UPDATE);
    n.put("UpdateConfig", AuroraSchema.UPDATE_CONFIG);
    n.put("HttpHealthChecker", AuroraSchema.HTTP_HEALTH_CHECKER);
    n.put("ShellHealthChecker", AuroraSchema.SHELL_HEALTH_CHECKER);
    n.put("HealthCheckerConfig", AuroraSchema.HEALTH_CHECKER_CONFIG);
    n.put("DefaultHealthChecker", AuroraSchema.DEFAULT_HEALTH_CHECKER);
    n.put("HealthCheckConfig", AuroraSchema.HEALTH_CHECK_CONFIG);
    n.put("HttpLifecycleConfig", AuroraSchema.HTTP_LIFECYCLE_CONFIG);
    n.put("LifecycleConfig", AuroraSchema.LIFECYCLE_CONFIG);
    n.put("DisableLifecycle", AuroraSchema.DISABLE_LIFECYCLE);
    n.put("DefaultLifecycleConfig", AuroraSchema.DEFAULT_LIFECYCLE_CONFIG);
    n.put("Announcer", AuroraSchema.ANNOUNCER);
    n.put("MesosTaskInstance", AuroraSchema.MESOS_TASK_INSTANCE);
    n.put("Parameter", AuroraSchema.PARAMETER);
    n.put("Docker", AuroraSchema.DOCKER);
    n.put("AppcImage", AuroraSchema.APPC_IMAGE);
    n.put("DockerImage", AuroraSchema.DOCKER_IMAGE);
    n.put("Mode", AuroraSchema.MODE);
    n.put("Volume", AuroraSchema.VOLUME);
    n.put("Mesos", AuroraSchema.MESOS);
    n.put("Container", AuroraSchema.CONTAINER);
    n.put("PartitionPolicy", AuroraSchema.PARTITION_POLICY);
    n.put("Metadata", AuroraSchema.METADATA);
    n.put("ExecutorConfig", AuroraSchema.EXECUTOR_CONFIG);
    n.put("AURORA_EXECUTOR_NAME", AuroraSchema.AURORA_EXECUTOR_NAME);
    n.put("PercentageSlaPolicy", AuroraSchema.PERCENTAGE_SLA_POLICY);
    n.put("CountSlaPolicy", AuroraSchema.COUNT_SLA_POLICY);
    n.put("CoordinatorSlaPolicy", AuroraSchema.COORDINATOR_SLA_POLICY);
    n.put("MesosJob", AuroraSchema.MESOS_JOB);
    n.put("Job", AuroraSchema.MESOS_JOB);
    n.put("Service", AuroraSchema.SERVICE);
    n.put("order", TaskHelpers.ORDER);
    n.put("SequentialTask", TaskHelpers.SEQUENTIAL_TASK);
    n.put("SimpleTask", TaskHelpers.SIMPLE_TASK);
    n.put("combine_tasks", TaskHelpers.COMBINE);
    n.put("concat_tasks", TaskHelpers.CONCAT);
    n.put("java_options", UnitsHelpers.JAVA_OPTIONS);
    n.put("python_options", UnitsHelpers.PYTHON_OPTIONS);
    n.put("Tasks", new PyModule("Tasks", Map.of("combine", TaskHelpers.COMBINE, "concat", TaskHelpers.CONCAT,
        "simple", TaskHelpers.SIMPLE_TASK,
        "sequential", (PyCallable) (site, args, kwargs) -> TaskHelpers.sequential(
            (io.borealis.config.aurora.pystachio.Struct) args.get(0), site)), Set.of()));
    n.put("Processes", new PyModule("Processes", Map.of("order", TaskHelpers.ORDER), Set.of()));
    n.put("Units", new PyModule("Units", Map.of("resources_sum", UnitsHelpers.RESOURCES_SUM,
        "resources_max", UnitsHelpers.RESOURCES_MAX), Set.of()));
    n.put("Options", new PyModule("Options", Map.of("java", UnitsHelpers.JAVA_OPTIONS,
        "python", UnitsHelpers.PYTHON_OPTIONS), Set.of()));
    return n;
  }
}
