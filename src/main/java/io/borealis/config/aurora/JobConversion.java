package io.borealis.config.aurora;

import io.borealis.config.aurora.pystachio.Ref;
import io.borealis.config.aurora.pystachio.Struct;
import io.borealis.model.JobConfig;
import io.borealis.model.JobConfigValidator;
import io.borealis.model.JobKey;
import io.borealis.model.Problem;
import io.borealis.model.Tier;
import java.util.ArrayList;
import java.util.List;

/**
 * A job turned into Borealis's {@link JobConfig}, applying the rules Aurora's client applies before
 * it sends a job ({@code problems}: required fields, check(), unbound references, resources), then
 * saying what Borealis cannot run yet ({@code unsupported}: refused rather than silently dropped) and
 * what it accepts but ignores ({@code warnings}). {@code config} is null when there are problems.
 */
public record JobConversion(JobConfig config, List<String> problems, List<String> unsupported, List<String> warnings) {

  /** The job can be created: Aurora accepts it and Borealis can run all of it. */
  public boolean creatable() {
    return problems.isEmpty() && unsupported.isEmpty();
  }

  static JobConversion of(JobEvaluation evaluation) {
    List<String> problems = new ArrayList<>();
    Struct job = evaluation.job();
    String name = Fields.string(job, "name");
    requireFields(job, name, problems);
    if (problems.isEmpty() && !evaluation.check().ok()) {
      problems.add(evaluation.check().message());
    }
    List<String> unbound = evaluation.unbound().stream()
        .filter(ref -> !AuroraJob.isExecutorRef(Ref.parse(ref.substring(2, ref.length() - 2)))).toList();
    if (problems.isEmpty() && !unbound.isEmpty()) {
      problems.add("Config contains unbound variables: " + String.join(" ", unbound));
    }
    JobConfig config = null;
    if (problems.isEmpty()) {
      config = ModelMapping.toJobConfig(job, problems);
    }
    if (config != null) {
      for (Problem problem : JobConfigValidator.validate(config)) {
        problems.add(problem.path() + ": " + problem.message());
      }
    }
    return new JobConversion(problems.isEmpty() ? config : null, List.copyOf(problems), unsupported(job), warnings(job));
  }

  /** Aurora's validate_job. */
  private static void requireFields(Struct job, String name, List<String> problems) {
    for (String field : List.of("cluster", "task", "role")) {
      if (job.raw(field) == null) {
        problems.add(Character.toUpperCase(field.charAt(0)) + field.substring(1) + " required for job \"" + name + "\"");
      }
    }
    Struct task = Fields.struct(job, "task");
    if (task != null && task.raw("processes") == null) {
      problems.add("Processes required for task on job \"" + name + "\"");
    }
  }

  static final String REVOCABLE = "tier: 'revocable' runs on revocable resources, which this scheduler does not use yet";

  private static List<String> unsupported(Struct job) {
    List<String> out = new ArrayList<>();
    if (job.raw("cron_schedule") != null) {
      out.add("cron_schedule: cron jobs are not supported yet");
    }
    if (Tier.REVOCABLE.configName().equals(Fields.string(job, "tier"))) {
      out.add(REVOCABLE);
    }
    if (job.raw("container") != null && ModelMapping.container(job) == null) {
      out.add("container: only Docker images can be given to Docker or Mesos containers here (an appc image cannot)");
    }
    return List.copyOf(out);
  }

  private static List<String> warnings(Struct job) {
    List<String> out = new ArrayList<>();
    ignored(job, "sla_policy", "SLA-aware maintenance is not implemented yet", out);
    ignored(job, "task_links", "task links are not supported", out);
    if (!Fields.list(job, "metadata").isEmpty()) {
      out.add("metadata is accepted but ignored");
    }
    if (Fields.bool(job, "enable_hooks", false)) {
      out.add("enable_hooks is accepted but ignored: Borealis has no client hooks");
    }
    return List.copyOf(out);
  }

  private static void ignored(Struct job, String field, String why, List<String> out) {
    if (job.raw(field) != null) {
      out.add(field + " is accepted but ignored: " + why);
    }
  }
}
