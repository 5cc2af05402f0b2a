package io.borealis.api;

import io.borealis.config.aurora.AuroraConfig;
import io.borealis.config.aurora.AuroraConfigError;
import io.borealis.config.aurora.AuroraConfigLoader;
import io.borealis.config.aurora.AuroraJob;
import io.borealis.config.aurora.Binds;
import io.borealis.config.aurora.JobConversion;
import io.borealis.model.JobConfig;
import io.borealis.model.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A {@code .aurora} config posted to {@code POST /api/v1/jobs} as text: evaluated as the CLI would
 * (blocking and CPU-bound, so callers run it on a worker), then the job is picked by key or, when the
 * config defines only one, that one. Every failure says where, so a curl user can fix the file.
 */
final class AuroraSubmission {
  /** The name error locations carry: the posted text has no file name of its own. */
  static final String SOURCE_NAME = "job.aurora";

  /** Either a job to create (with the evaluator's warnings) or why not: a message and problems. */
  record Result(JobConfig config, List<String> warnings, String error, List<Problem> problems) {
    boolean ok() {
      return config != null;
    }

    static Result rejected(String error, List<Problem> problems) {
      return new Result(null, List.of(), error, problems);
    }
  }

  private AuroraSubmission() {}

  /**
   * @param key {@code cluster/role/env/name} of the job to create, or null to take the only job
   * @param binds {@code name=value} values as {@code --bind} takes them
   * @param user what {@code getpass.getuser()} answers (the scheduler has no user of its own), or null
   */
  static Result evaluate(String source, String key, List<String> binds, String user) {
    AuroraConfig config;
    try {
      Map<String, String> environment = user == null ? Map.of() : Map.of("USER", user);
      config = AuroraConfigLoader.loadSource(SOURCE_NAME, source, Binds.parse(binds), environment);
    } catch (AuroraConfigError e) {
      return Result.rejected("the .aurora config does not load: " + e.getMessage(), List.of(problem(e)));
    }
    List<AuroraJob> matching = key == null ? config.jobs() : config.matching(key);
    if (matching.size() != 1) {
      List<Problem> candidates = config.jobs().stream().map(job -> new Problem("jobs", job.key())).toList();
      String why = key == null ? "the config defines " + config.jobs().size() + " jobs; choose one with ?key=cluster/role/env/name"
          : matching.isEmpty() ? "the config has no job " + key : "several jobs of the config match " + key;
      return Result.rejected(why, candidates);
    }
    JobConversion conversion;
    try {
      conversion = matching.get(0).evaluate().convert();
    } catch (AuroraConfigError e) {
      return Result.rejected("the job does not evaluate: " + e.getMessage(), List.of(problem(e)));
    }
    if (!conversion.creatable()) {
      List<Problem> problems = new ArrayList<>();
      conversion.problems().forEach(p -> problems.add(new Problem(matching.get(0).key(), p)));
      conversion.unsupported().forEach(p -> problems.add(new Problem(matching.get(0).key(), p)));
      return Result.rejected("job " + matching.get(0).key() + " cannot be created", problems);
    }
    return new Result(conversion.config(), conversion.warnings(), null, List.of());
  }

  /** {@code job.aurora:3:7} as the path when the evaluator knows the place, else the file. */
  private static Problem problem(AuroraConfigError error) {
    return new Problem(error.location() == null ? SOURCE_NAME : error.location().toString(), error.getMessage());
  }
}
