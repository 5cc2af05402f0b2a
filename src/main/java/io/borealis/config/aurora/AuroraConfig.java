package io.borealis.config.aurora;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/** A loaded {@code .aurora} file: its jobs, in the order of its {@code jobs} list. */
public record AuroraConfig(Path file, List<AuroraJob> jobs) {
  public AuroraConfig {
    jobs = List.copyOf(jobs);
  }

  /**
   * The jobs whose key is {@code cluster/role/env/name}, compared on interpolated values as Aurora's
   * {@code pick} does, so names built from templates and profiles match.
   */
  public List<AuroraJob> matching(String key) {
    return jobs.stream().filter(job -> job.key().equals(key)).toList();
  }

  /** Aurora's {@code config list} line: {@code jobs=[c/r/e/n, ...]}. */
  public String listLine() {
    return jobs.stream().map(AuroraJob::key).collect(Collectors.joining(", ", "jobs=[", "]"));
  }
}
