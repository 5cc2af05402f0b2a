package io.borealis.model;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules Aurora's client and scheduler apply to a job before accepting it. Returns every problem,
 * each with the JSON path of the field at fault, so a user can fix them all in one go.
 */
public final class JobConfigValidator {
  /** Aurora's process-name rule: not starting with '.' or '/', no '/' anywhere. */
  private static final Pattern PROCESS_NAME = Pattern.compile("[^./][^/]*");
  private static final Pattern LIMIT = Pattern.compile("limit:(\\d+)");

  private JobConfigValidator() {}

  public static List<Problem> validate(JobConfig job) {
    List<Problem> problems = new ArrayList<>();
    if (job.instances() < 1 || job.instances() > JobConfig.MAX_INSTANCES) {
      problems.add(new Problem("$.instances", "must be between 1 and " + JobConfig.MAX_INSTANCES + ", was " + job.instances()));
    }
    if (job.maxTaskFailures() < -1) {
      problems.add(new Problem("$.max_task_failures", "must be -1 (unlimited) or at least 0, was " + job.maxTaskFailures()));
    }
    if (job.priority() < 0) {
      problems.add(new Problem("$.priority", "must not be negative, was " + job.priority()));
    }
    validateTier(job, problems);
    validateTask(job.task(), problems);
    validateConstraints(job.constraints(), problems);
    validateUpdate(job, problems);
    validateHealthCheck(job.healthCheck(), problems);
    return problems;
  }

  private static void validateTier(JobConfig job, List<Problem> problems) {
    if (job.tier() == null) {
      return;
    }
    Tier tier = Tier.named(job.tier());
    if (tier == null) {
      problems.add(new Problem("$.tier", "unknown tier '" + job.tier() + "': use preferred, preemptible or revocable"));
    } else if (job.production() && tier != Tier.PREFERRED) {
      problems.add(new Problem("$.production", "a production job is in tier 'preferred', not '" + job.tier() + "'"));
    }
  }

  private static void validateTask(TaskConfig task, List<Problem> problems) {
    if (task.processes().isEmpty()) {
      problems.add(new Problem("$.task.processes", "a task needs at least one process"));
    }
    Set<String> names = new HashSet<>();
    for (int i = 0; i < task.processes().size(); i++) {
      ProcessConfig process = task.processes().get(i);
      String path = "$.task.processes[" + i + "]";
      if (!PROCESS_NAME.matcher(process.name()).matches()) {
        problems.add(new Problem(path + ".name", "'" + process.name() + "' is not a valid process name (no '/', must not start with '.')"));
      } else if (!names.add(process.name())) {
        problems.add(new Problem(path + ".name", "process name '" + process.name() + "' is used twice"));
      }
      if (process.cmdline().isBlank()) {
        problems.add(new Problem(path + ".cmdline", "must not be empty"));
      }
      if (process.maxFailures() < 0) {
        problems.add(new Problem(path + ".max_failures", "must not be negative (0 retries forever)"));
      }
      LoggerConfig logger = process.logger();
      if (logger != null && logger.logSizeBytes() < 1) {
        problems.add(new Problem(path + ".logger.rotate.log_size", "must be at least 1 byte, was " + logger.logSizeBytes()));
      }
      if (logger != null && logger.backups() < 0) {
        problems.add(new Problem(path + ".logger.rotate.backups", "must not be negative, was " + logger.backups()));
      }
    }
    for (int i = 0; i < task.order().size(); i++) {
      for (String name : task.order().get(i)) {
        if (!names.contains(name)) {
          problems.add(new Problem("$.task.constraints[" + i + "].order", "names process '" + name + "', which the task does not have"));
        }
      }
    }
    Resources resources = task.resources();
    if (!(resources.cpu() > 0)) {
      problems.add(new Problem("$.task.resources.cpu", "must be greater than 0, was " + resources.cpu()));
    }
    if (resources.ramMb() < 1) {
      problems.add(new Problem("$.task.resources.ram", "must be at least 1 MB (1048576 bytes), was " + resources.ramBytes()));
    }
    if (resources.diskMb() < 1) {
      problems.add(new Problem("$.task.resources.disk", "must be at least 1 MB (1048576 bytes), was " + resources.diskBytes()));
    }
    if (resources.gpu() < 0) {
      problems.add(new Problem("$.task.resources.gpu", "must not be negative"));
    }
  }

  private static void validateConstraints(Map<String, String> constraints, List<Problem> problems) {
    constraints.forEach((attribute, expression) -> {
      String path = "$.constraints." + attribute;
      if (expression.startsWith("limit:")) {
        var matcher = LIMIT.matcher(expression);
        if (!matcher.matches() || Long.parseLong(matcher.group(1)) < 1) {
          problems.add(new Problem(path, "'" + expression + "' is not a limit: expected limit:N with N at least 1"));
        }
      } else {
        String values = expression.startsWith("!") ? expression.substring(1) : expression;
        if (values.isBlank() || List.of(values.split(",", -1)).stream().anyMatch(String::isBlank)) {
          problems.add(new Problem(path, "'" + expression + "' is not a value constraint: expected values like a,b or !a,b"));
        }
      }
    });
  }

  private static void validateUpdate(JobConfig job, List<Problem> problems) {
    UpdateConfig update = job.update();
    if (update.batchSize() < 1) {
      problems.add(new Problem("$.update_config.batch_size", "must be at least 1"));
    }
    if (update.watchSecs() < 0) {
      problems.add(new Problem("$.update_config.watch_secs", "must not be negative"));
    }
    if (update.maxPerShardFailures() < 0) {
      problems.add(new Problem("$.update_config.max_per_shard_failures", "must not be negative"));
    }
    if (update.maxTotalFailures() < 0 || update.maxTotalFailures() >= Math.max(job.instances(), 1)) {
      problems.add(new Problem("$.update_config.max_total_failures",
          "must be at least 0 and less than the number of instances (" + job.instances() + ")"));
    }
  }

  private static void validateHealthCheck(HealthCheckConfig check, List<Problem> problems) {
    if (check.initialIntervalSecs() < 0 || check.intervalSecs() < 0 || check.timeoutSecs() < 0) {
      problems.add(new Problem("$.health_check_config", "intervals and timeout must not be negative"));
    }
    if (check.maxConsecutiveFailures() < 0 || check.minConsecutiveSuccesses() < 0) {
      problems.add(new Problem("$.health_check_config", "failure and success counts must not be negative"));
    }
  }
}
