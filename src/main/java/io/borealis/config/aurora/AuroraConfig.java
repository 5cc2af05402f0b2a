package io.borealis.config.aurora;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/** A loaded {@code .aurora} file: its jobs, in the order of its {@code jobs} list. */
public record AuroraConfig(Path file, List<AuroraJob> jobs) {
  public AuroraConfig {
    jobs = List.copyOf(jobs);
  }

  /** Aurora's {@code config list} line: {@code jobs=[c/r/e/n, ...]}. */
  public String listLine() {
    return jobs.stream().map(AuroraJob::key).collect(Collectors.joining(", ", "jobs=[", "]"));
  }
}
