package io.borealis.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.borealis.model.JobKey;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.function.Predicate;

/** Polls a job until its tasks satisfy a condition, as Aurora's client waits on {@code --wait-until}. */
final class JobWaiter {
  private static final Duration POLL = Duration.ofMillis(200);

  private JobWaiter() {}

  /** The job once {@code done} holds, or a CliException after {@code timeout}. */
  static JsonNode await(SchedulerApi api, JobKey key, Predicate<JsonNode> done, Duration timeout, String what) {
    return await(api, key, done, timeout, what, job -> { });
  }

  /** As {@link #await(SchedulerApi, JobKey, Predicate, Duration, String)}, showing each answer to {@code onPoll} first. */
  static JsonNode await(SchedulerApi api, JobKey key, Predicate<JsonNode> done, Duration timeout, String what,
      Consumer<JsonNode> onPoll) {
    Instant deadline = Instant.now().plus(timeout);
    while (true) {
      JsonNode job = api.job(key);
      onPoll.accept(job);
      if (done.test(job)) {
        return job;
      }
      if (Instant.now().isAfter(deadline)) {
        throw new CliException("Timed out after " + timeout.toSeconds() + " s waiting for " + what + " of " + key);
      }
      LockSupport.parkNanos(POLL.toNanos());
    }
  }

  /** How many active tasks are in {@code state}. */
  static int countActive(JsonNode job, String state) {
    int count = 0;
    for (JsonNode task : job.path("active_tasks")) {
      if (task.path("state").asText().equals(state)) {
        count++;
      }
    }
    return count;
  }

  /** True when every active task of the job is in {@code state} (and there is at least one). */
  static boolean allActive(JsonNode job, String state) {
    JsonNode active = job.path("active_tasks");
    if (active.isEmpty()) {
      return false;
    }
    for (JsonNode task : active) {
      if (!task.path("state").asText().equals(state)) {
        return false;
      }
    }
    return true;
  }
}
