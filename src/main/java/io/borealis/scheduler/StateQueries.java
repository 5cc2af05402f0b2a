package io.borealis.scheduler;

import io.borealis.events.StateRequests.QueryTasks;
import io.borealis.model.ScheduledTask;
import java.util.Comparator;
import java.util.List;

/** Task queries over the store: every filter that is set must match. */
final class StateQueries {
  private StateQueries() {}

  static List<ScheduledTask> query(TaskStore store, QueryTasks query) {
    return store.allTasks()
        .filter(t -> query.role() == null || t.jobKey().role().equals(query.role()))
        .filter(t -> query.environment() == null || t.jobKey().environment().equals(query.environment()))
        .filter(t -> query.jobName() == null || t.jobKey().name().equals(query.jobName()))
        .filter(t -> query.state() == null || t.state() == query.state())
        .filter(t -> query.instance() == null || t.instance() == query.instance())
        .sorted(Comparator.comparing((ScheduledTask t) -> t.jobKey().toString())
            .thenComparingInt(ScheduledTask::instance)
            .thenComparing(ScheduledTask::since))
        .toList();
  }
}
