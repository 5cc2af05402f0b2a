package io.borealis.cli;

import io.borealis.model.InstanceRanges;
import io.borealis.model.JobKey;

/** A job key with optional instances, as the CLI takes it: {@code cluster/role/env/name[/0-3,7]}. */
record JobSpec(JobKey key, InstanceRanges instances) {

  static JobSpec parse(String text) {
    String[] parts = text.split("/", -1);
    try {
      if (parts.length == 4) {
        return new JobSpec(JobKey.parse(text), null);
      }
      if (parts.length == 5) {
        return new JobSpec(JobKey.parse(text.substring(0, text.lastIndexOf('/'))), InstanceRanges.parse(parts[4]));
      }
    } catch (IllegalArgumentException e) {
      throw new CliException(e.getMessage());
    }
    throw new CliException("'" + text + "' is not a job key: expected cluster/role/env/name, optionally followed by /instances like /0-3,7");
  }
}
