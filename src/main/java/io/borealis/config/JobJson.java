package io.borealis.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.borealis.model.AnnouncerConfig;
import io.borealis.model.ContainerConfig;
import io.borealis.model.HealthCheckConfig;
import io.borealis.model.JobConfig;
import io.borealis.model.PartitionPolicy;
import io.borealis.model.Tier;
import io.borealis.model.JobConfigValidator;
import io.borealis.model.JobKey;
import io.borealis.model.Problem;
import io.borealis.model.UpdateConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Aurora's job JSON ({@code aurora job create --read-json}) to and from {@link JobConfig}. The shape
 * is the {@code .aurora} object tree: {@code {"name", "role", "environment", "cluster", "instances",
 * "task": {"processes": [...], "resources": {"cpu", "ram", "disk"}}, "constraints": {...}}}, with
 * Pystachio's defaults for every field left out. Fields Aurora knows but Borealis does not act on
 * yet are accepted when null or at their default, so files Aurora wrote still load.
 */
public final class JobJson {
  /** Every top-level field of a job document; the OpenAPI document must describe exactly these. */
  public static final Set<String> JOB_FIELDS = Set.of("name", "role", "environment", "cluster", "instances", "service",
      "max_task_failures", "tier", "production", "priority", "contact", "task", "constraints",
      "health_check_config", "update_config", "container", "partition_policy", "announce",
      // Accepted for compatibility with files Aurora writes; not acted on yet.
      "cron_schedule", "cron_collision_policy", "metadata", "lifecycle", "executor_config",
      "enable_hooks", "sla_policy", "task_links");

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private JobJson() {}

  /** Every job in the document, or every problem found in it. */
  public record ReadResult(List<JobConfig> jobs, List<Problem> problems) {
    public boolean ok() {
      return problems.isEmpty();
    }
  }

  /** Reads one job object, or a {@code {"jobs": [...]}} document. */
  public static ReadResult read(JsonNode document) {
    List<Problem> problems = new ArrayList<>();
    List<JobConfig> jobs = new ArrayList<>();
    if (document != null && document.isObject() && document.has("jobs") && !document.has("task")) {
      JsonNode list = document.get("jobs");
      if (!list.isArray()) {
        problems.add(new Problem("$.jobs", "expected an array of jobs, found " + JsonFieldReader.describe(list)));
      } else {
        for (int i = 0; i < list.size(); i++) {
          readJob(list.get(i), "$.jobs[" + i + "]", problems, jobs);
        }
      }
    } else {
      readJob(document, "$", problems, jobs);
    }
    return new ReadResult(problems.isEmpty() ? jobs : List.of(), problems);
  }

  /** Parses {@code text} as JSON first; a syntax error is one problem with its line and column. */
  public static ReadResult read(String text) {
    try {
      return read(MAPPER.readTree(text));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      var location = e.getLocation();
      String where = location == null ? "$" : "line " + location.getLineNr() + ", column " + location.getColumnNr();
      return new ReadResult(List.of(), List.of(new Problem(where, "not valid JSON: " + e.getOriginalMessage())));
    }
  }

  private static void readJob(JsonNode node, String path, List<Problem> problems, List<JobConfig> jobs) {
    JsonFieldReader job = JsonFieldReader.of(node, path, problems);
    if (job == null) {
      return;
    }
    int before = problems.size();
    job.rejectUnknown(JOB_FIELDS);
    if (job.has("cron_schedule")) {
      problems.add(new Problem(job.path("cron_schedule"), "cron jobs are not supported yet"));
    }
    if (Tier.REVOCABLE.configName().equals(job.string("tier", null))) {
      problems.add(new Problem(job.path("tier"), "tier 'revocable' runs on revocable resources, which this scheduler does not use yet"));
    }
    var task = TaskJson.read(job);
    String name = job.has("name") ? job.string("name", "") : (task == null ? "" : task.name());
    JobKey key = readKey(job, name, problems);
    HealthCheckConfig health = HealthCheckJson.read(job.object("health_check_config"));
    UpdateConfig update = UpdateConfigJson.read(job.object("update_config"));
    ContainerConfig container = ContainerJson.read(job.object("container"));
    PartitionPolicy partitionPolicy = partitionPolicy(job.object("partition_policy"));
    AnnouncerConfig announce = announcer(job.object("announce"));
    Map<String, String> constraints = readConstraints(job);
    int instances = job.integer("instances", 1);
    boolean service = job.bool("service", false);
    int maxTaskFailures = job.integer("max_task_failures", JobConfig.DEFAULT_MAX_TASK_FAILURES);
    String tier = job.string("tier", null);
    boolean production = job.bool("production", false);
    int priority = job.integer("priority", 0);
    String contact = job.string("contact", null);
    if (problems.size() > before || key == null || task == null) {
      return;
    }
    JobConfig config = new JobConfig(key, instances, service, maxTaskFailures, tier, production, priority, contact,
        task, constraints, health, update, container, partitionPolicy, announce);
    for (Problem problem : JobConfigValidator.validate(config)) {
      problems.add(new Problem(path + problem.path().substring(1), problem.message()));
    }
    if (problems.size() == before) {
      jobs.add(config);
    }
  }

  /** Aurora's {@code {"primary_port": "http", "portmap": {"aurora": "http"}, "zk_path": null}}; null when absent. */
  private static AnnouncerConfig announcer(JsonFieldReader announcer) {
    if (announcer == null) {
      return null;
    }
    announcer.rejectUnknown(Set.of("primary_port", "portmap", "zk_path"));
    Map<String, String> portmap = null;
    JsonNode map = announcer.node("portmap");
    if (map != null && !map.isObject()) {
      announcer.problems().add(new Problem(announcer.path("portmap"),
          "expected an object mapping alias to port name or number, found " + JsonFieldReader.describe(map)));
    } else if (map != null) {
      Map<String, String> entries = new LinkedHashMap<>();
      map.properties().forEach(entry -> entries.put(entry.getKey(), entry.getValue().asText()));
      portmap = entries;
    }
    return new AnnouncerConfig(announcer.string("primary_port", null), portmap, announcer.string("zk_path", null));
  }

  /** Aurora's {@code {"reschedule": true, "delay_secs": 0}}; null (the default) when absent. */
  private static PartitionPolicy partitionPolicy(JsonFieldReader policy) {
    if (policy == null) {
      return null;
    }
    policy.rejectUnknown(Set.of("reschedule", "delay_secs"));
    int delay = policy.integer("delay_secs", 0);
    if (delay < 0) {
      policy.problems().add(new Problem(policy.path("delay_secs"), "must be at least 0, not " + delay));
      return null;
    }
    return new PartitionPolicy(policy.bool("reschedule", true), delay);
  }

  private static JobKey readKey(JsonFieldReader job, String name, List<Problem> problems) {
    String cluster = job.requiredString("cluster");
    String role = job.requiredString("role");
    String environment = job.requiredString("environment");
    Map<String, String> parts = new LinkedHashMap<>();
    parts.put("cluster", cluster);
    parts.put("role", role);
    parts.put("environment", environment);
    parts.put("name", name);
    boolean ok = true;
    for (var part : parts.entrySet()) {
      String problem = io.borealis.model.Identifiers.problemWith(part.getValue());
      if (problem != null && !part.getValue().isEmpty()) {
        problems.add(new Problem(job.path(part.getKey()), problem));
        ok = false;
      } else if (part.getValue().isEmpty()) {
        ok = false;
        if (part.getKey().equals("name")) {
          problems.add(new Problem(job.path("name"), "is required (or give the task a name)"));
        }
      }
    }
    return ok ? new JobKey(cluster, role, environment, name) : null;
  }

  private static Map<String, String> readConstraints(JsonFieldReader job) {
    Map<String, String> constraints = new LinkedHashMap<>();
    JsonNode node = job.node("constraints");
    if (node == null) {
      return constraints;
    }
    if (!node.isObject()) {
      job.problems().add(new Problem(job.path("constraints"),
          "expected an object mapping attribute to constraint, like {\"host\": \"limit:1\"}, found " + JsonFieldReader.describe(node)));
      return constraints;
    }
    node.properties().forEach(entry -> {
      if (entry.getValue().isTextual()) {
        constraints.put(entry.getKey(), entry.getValue().asText());
      } else {
        job.problems().add(new Problem(job.path("constraints") + "." + entry.getKey(),
            "expected a string like \"limit:1\" or \"a,b\", found " + JsonFieldReader.describe(entry.getValue())));
      }
    });
    return constraints;
  }

  /** The job as Aurora's JSON, every field written out (defaults included), as {@code --write-json} does. */
  public static ObjectNode write(JobConfig config) {
    ObjectNode job = MAPPER.createObjectNode();
    JobKey key = config.key();
    job.put("name", key.name());
    job.put("role", key.role());
    job.put("environment", key.environment());
    job.put("cluster", key.cluster());
    job.put("instances", config.instances());
    job.put("service", config.service());
    job.put("max_task_failures", config.maxTaskFailures());
    job.put("tier", config.tier());
    job.put("production", config.production());
    job.put("priority", config.priority());
    job.put("contact", config.contact());
    job.set("task", TaskJson.write(config.task()));
    ObjectNode constraints = job.putObject("constraints");
    config.constraints().forEach(constraints::put);
    job.set("health_check_config", HealthCheckJson.write(config.healthCheck()));
    job.set("update_config", UpdateConfigJson.write(config.update()));
    if (config.container() != null) {
      job.set("container", ContainerJson.write(config.container()));
    }
    if (config.announce() != null) {
      ObjectNode announce = job.putObject("announce").put("primary_port", config.announce().primaryPort());
      ObjectNode portmap = announce.putObject("portmap");
      config.announce().portmap().forEach(portmap::put);
      announce.put("zk_path", config.announce().zkPath());
    }
    job.putObject("partition_policy").put("reschedule", config.partitionPolicy().reschedule())
        .put("delay_secs", config.partitionPolicy().delaySecs());
    return job;
  }

  static ArrayNode array() {
    return MAPPER.createArrayNode();
  }

  static ObjectNode object() {
    return MAPPER.createObjectNode();
  }
}
