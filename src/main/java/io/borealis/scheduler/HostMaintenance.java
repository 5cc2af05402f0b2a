package io.borealis.scheduler;

import io.borealis.events.StateRequests.HostStatus;
import io.borealis.model.MaintenanceMode;
import io.borealis.model.ScheduledTask;
import io.borealis.model.TaskState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Aurora's host maintenance, for the state verticle: draining a host moves its tasks away (each goes
 * DRAINING, is killed and rescheduled elsewhere, since placement now refuses the host) and the host
 * is DRAINED once the last one has ended; activating it takes it back.
 */
final class HostMaintenance {
  private final TaskStore store;
  private final StateActions actions;

  HostMaintenance(TaskStore store, StateActions actions) {
    this.store = store;
    this.actions = actions;
  }

  Outcome drain(List<String> hosts) {
    for (String host : hosts) {
      if (store.maintenance(host) == MaintenanceMode.DRAINED) {
        continue;
      }
      store.saveMaintenance(host, MaintenanceMode.DRAINING);
      for (ScheduledTask task : store.activeTasksOn(host)) {
        if (task.state().isLive()) {
          actions.transition(task, TaskState.DRAINING, "Draining host " + host + " for maintenance");
        }
      }
      drainedIfEmpty(host);
    }
    return Outcome.ok(statuses(hosts));
  }

  Outcome activate(List<String> hosts) {
    hosts.stream().filter(host -> store.maintenance(host) != MaintenanceMode.NONE)
        .forEach(host -> store.saveMaintenance(host, MaintenanceMode.NONE));
    return Outcome.ok(statuses(hosts));
  }

  /** The given hosts, or (none given) every host in maintenance. */
  Outcome status(List<String> hosts) {
    return Outcome.ok(statuses(hosts.isEmpty() ? List.copyOf(store.hostsInMaintenance().keySet()) : hosts));
  }

  /** After a task ended: its draining host may now be empty. */
  void taskEnded(ScheduledTask task) {
    if (task.host() != null && store.maintenance(task.host()) == MaintenanceMode.DRAINING) {
      drainedIfEmpty(task.host());
    }
  }

  private void drainedIfEmpty(String host) {
    if (store.activeTasksOn(host).isEmpty()) {
      store.saveMaintenance(host, MaintenanceMode.DRAINED);
    }
  }

  private List<HostStatus> statuses(List<String> hosts) {
    List<HostStatus> statuses = new ArrayList<>();
    Map<String, MaintenanceMode> modes = store.hostsInMaintenance();
    for (String host : hosts) {
      statuses.add(new HostStatus(host, modes.getOrDefault(host, MaintenanceMode.NONE), store.activeTasksOn(host).size()));
    }
    return statuses;
  }
}
