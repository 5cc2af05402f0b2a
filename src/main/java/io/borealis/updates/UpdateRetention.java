package io.borealis.updates;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * How long finished updates are kept, as Aurora's {@code job_update_history_per_job_threshold} (10 per
 * job) and {@code job_update_history_pruning_threshold} (30 days) have it. Active updates are never
 * pruned.
 */
public record UpdateRetention(int perJob, Duration maxAge) {
  public static final UpdateRetention AURORA_DEFAULTS = new UpdateRetention(10, Duration.ofDays(30));

  /** The ids of one job's updates that may go: finished, and beyond the newest {@code perJob} or too old. */
  public List<String> prunable(List<UpdateRecord> ofOneJob, Instant now) {
    List<UpdateRecord> finished = ofOneJob.stream().filter(u -> u.status().isTerminal())
        .sorted(Comparator.comparing(UpdateRecord::lastModified).reversed()).toList();
    Stream<UpdateRecord> tooMany = finished.stream().skip(perJob);
    Stream<UpdateRecord> tooOld = finished.stream().limit(perJob).filter(u -> u.lastModified().plus(maxAge).isBefore(now));
    return Stream.concat(tooMany, tooOld).map(UpdateRecord::id).toList();
  }
}
