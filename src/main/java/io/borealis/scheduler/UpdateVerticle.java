package io.borealis.scheduler;

import io.borealis.events.BusAddresses;
import io.borealis.events.ClusterEvent;
import io.borealis.events.StateRequests;
import io.borealis.model.ScheduledTask;
import io.borealis.updates.InstanceObservation;
import io.borealis.updates.UpdatePlanner;
import io.borealis.updates.UpdateRecord;
import io.borealis.updates.UpdateStep;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.ReplyException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Drives every active update. It looks at an update whenever the update or one of its job's tasks
 * changes, and when the planner asked to be woken; each look reads the update and its job's tasks from
 * the state owner, asks the pure {@link UpdatePlanner} for the next step, and hands the step back to be
 * applied. Updates survive restarts because they live in the state owner's store, not here: on start
 * this verticle picks up every active one.
 */
public final class UpdateVerticle extends VerticleBase {
  private static final Logger LOG = Logger.getLogger(UpdateVerticle.class.getName());

  private final Clock clock;
  private final UpdatePlanner planner;
  /** Per active update: whether a look is running, whether another is wanted, the wake-up timer. */
  private final Map<String, Tracking> tracked = new HashMap<>();
  /** When each running task last became healthy, from health events. */
  private final Map<String, Instant> healthySince = new HashMap<>();

  private static final class Tracking {
    final String jobKey;
    boolean looking;
    boolean lookAgain;
    long timer = -1;
    /** The commands of the last step applied, to notice a step that changes nothing in the store. */
    List<UpdateStep.TaskCommand> lastCommands = List.of();

    Tracking(String jobKey) {
      this.jobKey = jobKey;
    }
  }

  public UpdateVerticle(Clock clock, Duration progressDeadline) {
    this.clock = clock;
    this.planner = new UpdatePlanner(progressDeadline);
  }

  @Override
  public Future<?> start() {
    var events = vertx.eventBus().<ClusterEvent>consumer(BusAddresses.EVENTS, message -> onEvent(message.body()));
    return events.completion()
        .compose(v -> vertx.eventBus().<List<UpdateRecord>>request(BusAddresses.STATE,
            new StateRequests.ListUpdates(null, null, null, true)))
        .onSuccess(reply -> reply.body().forEach(update -> {
          LOG.info(() -> "Resuming update " + update.id() + " of " + update.state().job() + " (" + update.status() + ")");
          look(track(update));
        }));
  }

  private String track(UpdateRecord update) {
    tracked.computeIfAbsent(update.id(), id -> new Tracking(update.state().job().toString()));
    return update.id();
  }

  private void onEvent(ClusterEvent event) {
    if (event instanceof ClusterEvent.UpdateChanged changed) {
      if (changed.status().isTerminal()) {
        Tracking gone = tracked.remove(changed.updateId());
        if (gone != null && gone.timer >= 0) {
          vertx.cancelTimer(gone.timer);
        }
      } else {
        tracked.computeIfAbsent(changed.updateId(), id -> new Tracking(changed.job().toString()));
        look(changed.updateId());
      }
      return;
    }
    if (event instanceof ClusterEvent.TaskHealthChanged health) {
      if (health.healthy()) {
        healthySince.put(health.taskId(), health.timestamp());
      } else {
        healthySince.remove(health.taskId());
      }
    } else if (event instanceof ClusterEvent.TaskStateChanged task && (task.state() == null || task.state().isTerminal())) {
      healthySince.remove(task.taskId());
    }
    String job = event.job().toString();
    tracked.forEach((id, tracking) -> {
      if (tracking.jobKey.equals(job)) {
        look(id);
      }
    });
  }

  /** One look at a time per update; a change during a look asks for another right after. */
  private void look(String updateId) {
    Tracking tracking = tracked.get(updateId);
    if (tracking == null) {
      return;
    }
    if (tracking.looking) {
      tracking.lookAgain = true;
      return;
    }
    tracking.looking = true;
    tracking.lookAgain = false;
    if (tracking.timer >= 0) {
      vertx.cancelTimer(tracking.timer);
      tracking.timer = -1;
    }
    lookOnce(updateId, tracking)
        .onFailure(e -> {
          if (!(e instanceof ReplyException reply && reply.failureCode() == 409)) {
            LOG.log(Level.WARNING, "Update " + updateId + " could not take its next step; retrying in 5 s", e);
            wakeAt(updateId, tracking, clock.instant().plusSeconds(5));
          } else {
            tracking.lookAgain = true;
          }
        })
        .onComplete(done -> {
          tracking.looking = false;
          if (tracking.lookAgain && tracked.containsKey(updateId)) {
            look(updateId);
          }
        });
  }

  private Future<Void> lookOnce(String updateId, Tracking tracking) {
    return vertx.eventBus().<UpdateRecord>request(BusAddresses.STATE, new StateRequests.GetUpdate(updateId))
        .compose(reply -> {
          UpdateRecord update = reply.body();
          if (!update.status().isActive()) {
            tracked.remove(updateId);
            return Future.succeededFuture();
          }
          return vertx.eventBus().<StateRequests.JobView>request(BusAddresses.STATE, new StateRequests.GetJob(update.state().job()))
              .compose(view -> step(update, view.body(), tracking));
        });
  }

  private Future<Void> step(UpdateRecord update, StateRequests.JobView view, Tracking tracking) {
    Instant now = clock.instant();
    UpdateStep step = planner.step(update.state(), observe(view, now), now);
    boolean changed = !step.commands().isEmpty() || !step.events().isEmpty() || !step.state().equals(update.state());
    boolean repeating = !step.commands().isEmpty() && step.events().isEmpty() && step.state().equals(update.state())
        && step.commands().equals(tracking.lastCommands);
    if (repeating) {
      // The same commands again and nothing else: the store did not act on them (a task that cannot
      // be killed yet, say). Look again later rather than spin.
      wakeAt(update.id(), tracking, now.plusSeconds(1));
      return Future.succeededFuture();
    }
    tracking.lastCommands = step.commands();
    if (!changed) {
      if (step.evaluateAt() != null) {
        wakeAt(update.id(), tracking, step.evaluateAt());
      }
      return Future.succeededFuture();
    }
    return vertx.eventBus().request(BusAddresses.STATE, new StateRequests.ApplyUpdateStep(update.id(), update.version(), step))
        .map(applied -> {
          // The step changed tasks or the update: look again at once, the planner may have more to do.
          tracking.lookAgain = true;
          return null;
        });
  }

  private void wakeAt(String updateId, Tracking tracking, Instant at) {
    long delay = Math.max(1, Duration.between(clock.instant(), at).toMillis());
    tracking.timer = vertx.setTimer(delay, id -> {
      tracking.timer = -1;
      look(updateId);
    });
  }

  /** What each instance's tasks are doing, as the planner wants to see it. */
  private Map<Integer, InstanceObservation> observe(StateRequests.JobView view, Instant now) {
    Map<Integer, List<ScheduledTask>> byInstance = new HashMap<>();
    view.tasks().forEach(task -> byInstance.computeIfAbsent(task.instance(), i -> new ArrayList<>()).add(task));
    Map<Integer, InstanceObservation> observed = new HashMap<>();
    byInstance.forEach((instance, tasks) -> {
      ScheduledTask active = tasks.stream().filter(t -> !t.state().isTerminal()).findFirst().orElse(null);
      List<ScheduledTask> ended = tasks.stream().filter(t -> t.state().isTerminal())
          .sorted(Comparator.comparing(ScheduledTask::since)).toList();
      Boolean healthy = null;
      Instant since = null;
      if (active != null && active.ports().containsKey("health")) {
        healthy = Boolean.TRUE.equals(view.health().get(active.taskId()));
        // Healthy before this verticle saw the event (it started later): count from now, to be safe.
        since = healthy ? healthySince.computeIfAbsent(active.taskId(), id -> now) : null;
      }
      observed.put(instance, new InstanceObservation(active, healthy, since, ended));
    });
    return observed;
  }
}
