package io.borealis.cli;

import io.borealis.config.JobJson;
import io.borealis.model.JobConfig;
import io.borealis.model.JobKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Reads a job file and picks the job a key names, with Aurora's messages when it cannot. */
final class JobFiles {
  private JobFiles() {}

  static JobConfig load(Path file, JobKey key) {
    String name = file.getFileName().toString();
    if (name.endsWith(".aurora")) {
      throw new CliException(file + ": .aurora files are not supported yet; give the job as JSON (Aurora's --read-json format)");
    }
    String text;
    try {
      text = Files.readString(file);
    } catch (IOException e) {
      throw new CliException("Cannot read " + file + ": " + e.getMessage());
    }
    JobJson.ReadResult result = JobJson.read(text);
    if (!result.ok()) {
      throw new CliException(file + " is not a valid job file:",
          result.problems().stream().map(p -> p.path() + ": " + p.message()).toList());
    }
    List<JobConfig> matching = result.jobs().stream().filter(job -> job.key().equals(key)).toList();
    if (matching.size() == 1) {
      return matching.get(0);
    }
    List<String> candidates = result.jobs().stream().map(job -> "  " + job.key()).toList();
    throw new CliException((matching.isEmpty() ? "Could not find job " + key + " in " + file
        : "Multiple jobs match " + key + " in " + file) + ". Candidates are:", candidates);
  }
}
