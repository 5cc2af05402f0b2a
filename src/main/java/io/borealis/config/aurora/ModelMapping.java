package io.borealis.config.aurora;

import io.borealis.config.aurora.pystachio.ChoiceValue;
import io.borealis.config.aurora.pystachio.PObject;
import io.borealis.config.aurora.pystachio.Struct;
import io.borealis.model.AnnouncerConfig;
import io.borealis.model.ContainerConfig;
import io.borealis.model.HealthCheckConfig;
import io.borealis.model.JobConfig;
import io.borealis.model.PartitionPolicy;
import io.borealis.model.JobKey;
import io.borealis.model.LoggerConfig;
import io.borealis.model.ProcessConfig;
import io.borealis.model.Resources;
import io.borealis.model.TaskConfig;
import io.borealis.model.UpdateConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Field-by-field mapping of an interpolated, checked MesosJob onto {@link JobConfig}. */
final class ModelMapping {
  private ModelMapping() {}

  /** The job, or null with the reasons added to {@code problems} (Aurora's thrift conversion rules). */
  static JobConfig toJobConfig(Struct job, List<String> problems) {
    JobKey key;
    try {
      key = new JobKey(Fields.string(job, "cluster"), Fields.string(job, "role"), Fields.string(job, "environment"),
          Fields.string(job, "name"));
    } catch (IllegalArgumentException e) {
      problems.add(e.getMessage());
      return null;
    }
    Struct task = Fields.struct(job, "task");
    Struct resources = Fields.struct(task, "resources");
    if (resources == null) {
      problems.add("Task must specify resources!");
      return null;
    }
    Resources r = new Resources(Fields.number(resources, "cpu", 0), Fields.integer(resources, "ram", 0),
        Fields.integer(resources, "disk", 0), Fields.int32(resources, "gpu", 0));
    if (r.cpu() <= 0 || r.ramMb() <= 0 || r.diskMb() <= 0) {
      problems.add("Task must have positive cpu and at least 1 MB of ram and disk (cpu=" + r.cpu() + ", ramMb=" + r.ramMb()
          + ", diskMb=" + r.diskMb() + ")");
      return null;
    }
    List<ProcessConfig> processes = new ArrayList<>();
    java.util.Map<String, String> portmap = PortNames.portmap(job);
    for (PObject value : Fields.list(task, "processes")) {
      Struct p = (Struct) value;
      String cmdline = PortNames.resolveAliases(Fields.string(p, "cmdline"), portmap);
      processes.add(new ProcessConfig(Fields.string(p, "name"), cmdline,
          Fields.int32(p, "max_failures", 1), Fields.bool(p, "daemon", false), Fields.bool(p, "ephemeral", false),
          Fields.int32(p, "min_duration", 5), Fields.bool(p, "final", false), logger(Fields.struct(p, "logger"))));
    }
    List<List<String>> order = new ArrayList<>();
    for (PObject constraint : Fields.list(task, "constraints")) {
      order.add(Fields.strings(((Struct) constraint).raw("order")));
    }
    TaskConfig taskConfig = new TaskConfig(Fields.string(task, "name"), processes, order, r,
        Fields.int32(task, "max_failures", 1), Fields.int32(task, "max_concurrency", 0),
        Fields.int32(task, "finalization_wait", 30));
    return new JobConfig(key, Fields.int32(job, "instances", 1), Fields.bool(job, "service", false),
        Fields.int32(job, "max_task_failures", 1), Fields.string(job, "tier"), Fields.bool(job, "production", false),
        Fields.int32(job, "priority", 0), Fields.string(job, "contact"), taskConfig,
        Fields.stringMap(job, "constraints"), healthCheck(Fields.struct(job, "health_check_config")),
        update(Fields.struct(job, "update_config")), container(job), partitionPolicy(Fields.struct(job, "partition_policy")),
        announcer(Fields.struct(job, "announce")));
  }

  /** Aurora's {@code Announcer(primary_port, portmap, zk_path)}; null when the job does not announce. */
  static AnnouncerConfig announcer(Struct announcer) {
    if (announcer == null) {
      return null;
    }
    java.util.Map<String, String> portmap = announcer.raw("portmap") == null ? null : Fields.stringMap(announcer, "portmap");
    return new AnnouncerConfig(Fields.string(announcer, "primary_port"), portmap, Fields.string(announcer, "zk_path"));
  }

  /** Aurora's {@code Logger(destination, mode, rotate=RotatePolicy(log_size, backups))}; null without one. */
  static LoggerConfig logger(Struct logger) {
    if (logger == null) {
      return null;
    }
    Struct rotate = Fields.struct(logger, "rotate");
    String destination = Fields.string(logger, "destination");
    String mode = Fields.string(logger, "mode");
    return new LoggerConfig(
        destination == null ? LoggerConfig.Destination.FILE : LoggerConfig.Destination.valueOf(destination.toUpperCase(Locale.ROOT)),
        mode == null ? LoggerConfig.Mode.STANDARD : LoggerConfig.Mode.valueOf(mode.toUpperCase(Locale.ROOT)),
        rotate == null ? LoggerConfig.DEFAULT_LOG_SIZE_BYTES : Fields.integer(rotate, "log_size", LoggerConfig.DEFAULT_LOG_SIZE_BYTES),
        rotate == null ? LoggerConfig.DEFAULT_BACKUPS : Fields.int32(rotate, "backups", LoggerConfig.DEFAULT_BACKUPS));
  }

  /** Aurora's {@code PartitionPolicy(reschedule=True, delay_secs=0)}; null (the default) when the job has none. */
  static PartitionPolicy partitionPolicy(Struct policy) {
    if (policy == null) {
      return null;
    }
    return new PartitionPolicy(Fields.bool(policy, "reschedule", true), Math.max(0, Fields.int32(policy, "delay_secs", 0)));
  }

  /**
   * Aurora's {@code container}: {@code Docker(image)}, the legacy {@code Container(docker=Docker(...))},
   * or {@code Mesos(image=DockerImage(name, tag), volumes)}; null without one (or with an image kind
   * Mesos cannot be given here, which the conversion reports).
   */
  static ContainerConfig container(Struct job) {
    Struct container = unwrapped(job.raw("container"));
    if (container != null && container.type().name().equals("Container")) {
      container = Fields.struct(container, "docker");
    }
    if (container == null) {
      return null;
    }
    if (container.type().name().equals("Docker")) {
      String image = Fields.string(container, "image");
      return image == null ? null : new ContainerConfig(ContainerConfig.Kind.DOCKER, image, List.of());
    }
    Struct image = unwrapped(container.raw("image"));
    if (image == null || !image.type().name().equals("DockerImage")) {
      return null;
    }
    String name = Fields.string(image, "name") + ":" + Fields.string(image, "tag");
    List<ContainerConfig.Volume> volumes = new ArrayList<>();
    for (PObject item : Fields.list(container, "volumes")) {
      Struct volume = (Struct) item;
      volumes.add(new ContainerConfig.Volume(Fields.string(volume, "container_path"), Fields.string(volume, "host_path"),
          !"RW".equals(Fields.string(volume, "mode"))));
    }
    return new ContainerConfig(ContainerConfig.Kind.MESOS, name, volumes);
  }

  private static Struct unwrapped(PObject value) {
    PObject inner = value instanceof ChoiceValue choice ? choice.unwrap() : value;
    return inner instanceof Struct struct ? struct : null;
  }

  private static HealthCheckConfig healthCheck(Struct config) {
    if (config == null) {
      return HealthCheckConfig.DEFAULT;
    }
    Struct checker = Fields.struct(config, "health_checker");
    Struct shell = Fields.struct(checker, "shell");
    Struct http = Fields.struct(checker, "http");
    HealthCheckConfig.ShellChecker shellChecker = shell == null ? null
        : new HealthCheckConfig.ShellChecker(Fields.string(shell, "shell_command"));
    HealthCheckConfig.HttpChecker httpChecker = shell != null ? null : http == null ? HealthCheckConfig.HttpChecker.DEFAULT
        : new HealthCheckConfig.HttpChecker(Fields.string(http, "endpoint"), Fields.string(http, "expected_response"),
            Fields.int32(http, "expected_response_code", 0));
    return new HealthCheckConfig(httpChecker, shellChecker, Fields.number(config, "initial_interval_secs", 15),
        Fields.number(config, "interval_secs", 10), Fields.int32(config, "max_consecutive_failures", 0),
        Fields.int32(config, "min_consecutive_successes", 1), Fields.number(config, "timeout_secs", 1));
  }

  private static UpdateConfig update(Struct config) {
    if (config == null) {
      return UpdateConfig.DEFAULT;
    }
    UpdateConfig.Strategy strategy = null;
    if (config.raw("update_strategy") instanceof Struct s) {
      UpdateConfig.Strategy.Kind kind = switch (s.type().name()) {
        case "QueueUpdateStrategy" -> UpdateConfig.Strategy.Kind.QUEUE;
        case "BatchUpdateStrategy" -> UpdateConfig.Strategy.Kind.BATCH;
        default -> UpdateConfig.Strategy.Kind.VARIABLE_BATCH;
      };
      List<Integer> sizes = Fields.strings(s.raw("batch_sizes")).stream().map(Integer::valueOf).toList();
      strategy = new UpdateConfig.Strategy(kind, Fields.int32(s, "batch_size", 0), sizes,
          Fields.bool(s, "autopause_after_batch", false));
    }
    Object pulse = Fields.raw(config, "pulse_interval_secs");
    return new UpdateConfig(Fields.int32(config, "batch_size", 1), Fields.int32(config, "watch_secs", 45),
        Fields.int32(config, "max_per_shard_failures", 0), Fields.int32(config, "max_total_failures", 0),
        Fields.bool(config, "rollback_on_failure", true), Fields.bool(config, "wait_for_batch_completion", false),
        pulse instanceof Long l ? Integer.valueOf(l.intValue()) : null, Fields.bool(config, "sla_aware", false), strategy);
  }
}
