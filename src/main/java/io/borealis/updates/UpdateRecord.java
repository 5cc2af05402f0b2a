package io.borealis.updates;

import io.borealis.model.JobConfig;
import io.borealis.updates.UpdateStep.InstanceEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * An update as the scheduler keeps it: the planner's state, the configs the job had before it (to
 * restore the job's own config after a rollback), and its history. {@code version} rises with every
 * change, so a step planned on an older version is refused rather than applied over a user's command.
 *
 * @param previous the job's config when the update started
 * @param desired the config the update rolls out
 */
public record UpdateRecord(UpdateState state, long version, JobConfig previous, JobConfig desired, Instant created,
    List<StatusEvent> statusEvents, List<InstanceEvent> instanceEvents) {

  /** A status the update entered, when, and why. */
  public record StatusEvent(UpdateStatus status, Instant at, String message) {}

  public UpdateRecord {
    statusEvents = List.copyOf(statusEvents);
    instanceEvents = List.copyOf(instanceEvents);
  }

  public static UpdateRecord start(UpdateState state, JobConfig previous, JobConfig desired, Instant now, String message) {
    return new UpdateRecord(state, 1, previous, desired, now, List.of(new StatusEvent(state.status(), now, message)), List.of());
  }

  public String id() {
    return state.id();
  }

  public UpdateStatus status() {
    return state.status();
  }

  /** This record after {@code next}: the new state, and the events that led there, appended. */
  public UpdateRecord advanced(UpdateState next, List<InstanceEvent> events, String reason, Instant now) {
    List<StatusEvent> statuses = statusEvents;
    if (next.status() != state.status()) {
      statuses = new ArrayList<>(statusEvents);
      statuses.add(new StatusEvent(next.status(), now, reason));
    }
    List<InstanceEvent> instances = instanceEvents;
    if (!events.isEmpty()) {
      instances = new ArrayList<>(instanceEvents);
      instances.addAll(events);
    }
    return new UpdateRecord(next, version + 1, previous, desired, created, statuses, instances);
  }

  public Instant lastModified() {
    Instant last = created;
    for (StatusEvent event : statusEvents) {
      last = event.at().isAfter(last) ? event.at() : last;
    }
    for (InstanceEvent event : instanceEvents) {
      last = event.at().isAfter(last) ? event.at() : last;
    }
    return last;
  }
}
