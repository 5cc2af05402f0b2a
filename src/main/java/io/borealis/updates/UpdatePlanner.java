package io.borealis.updates;

import io.borealis.updates.InstanceProgress.Phase;
import io.borealis.updates.UpdateStep.AddTask;
import io.borealis.updates.UpdateStep.InstanceEvent;
import io.borealis.updates.UpdateStep.KillTask;
import io.borealis.updates.UpdateStep.TaskCommand;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Decides an update's next step from what its instances' tasks are doing. Called whenever one of
 * them changes and at the time the previous step asked for; the caller applies the commands before
 * calling again, so every call sees their effect. The rules, in order:
 *
 * <ol>
 *   <li>A paused update, or one waiting for a pulse, does nothing; a coordinated update whose pulse
 *       is overdue starts waiting for one.
 *   <li>Every instance in flight is judged by the {@link InstanceEvaluator}.
 *   <li>More failed instances than {@code max_total_failures} fail the update, which then rolls back
 *       the instances it touched, last first, when {@code rollback_on_failure}.
 *   <li>When every instance is done the update has succeeded (rolled forward, or back).
 *   <li>Otherwise the strategy starts more: a queue refills up to its size, a batch waits for the
 *       whole batch (and pauses after it, if asked to) before starting the next.
 * </ol>
 */
public final class UpdatePlanner {
  private final Duration progressDeadline;

  /** @param progressDeadline how long an instance may go without finishing before it fails */
  public UpdatePlanner(Duration progressDeadline) {
    this.progressDeadline = progressDeadline;
  }

  public UpdateStep step(UpdateState update, Map<Integer, InstanceObservation> observed, Instant now) {
    return new Stepper(update, observed, now).run();
  }

  /**
   * A user's (or a coordinating system's) command: pause, resume, abort, rollback or pulse. Empty
   * when it does not apply in the update's status; the caller says so. Take a step afterwards.
   */
  public static Optional<UpdateState> command(UpdateState update, UpdateCommand command, Instant now) {
    return UpdateStatusMachine.next(update.status(), command, update.settings().rollbackOnFailure()).map(next -> {
      if (command == UpdateCommand.ROLLBACK) {
        return update.rollingBack();
      }
      UpdateState changed = update.withStatus(next);
      return command == UpdateCommand.PULSE || command == UpdateCommand.RESUME && update.settings().pulseIntervalSecs() != null
          ? changed.pulsed(now) : changed;
    });
  }

  /** One step's working state: the update as it changes, and what the step has decided so far. */
  private final class Stepper {
    private UpdateState update;
    private final Map<Integer, InstanceObservation> observed;
    private final Instant now;
    private final List<TaskCommand> commands = new ArrayList<>();
    private final List<InstanceEvent> events = new ArrayList<>();
    private String reason;
    private Instant evaluateAt;

    Stepper(UpdateState update, Map<Integer, InstanceObservation> observed, Instant now) {
      this.update = update;
      this.observed = observed;
      this.now = now;
    }

    UpdateStep run() {
      Integer pulse = update.settings().pulseIntervalSecs();
      if (update.status().isMoving() && pulse != null && !now.isBefore(update.lastPulse().plusSeconds(pulse))) {
        change(UpdateCommand.PULSE_EXPIRED, "no pulse within " + pulse + " s; waiting for one");
      }
      if (update.status().isMoving()) {
        judgeInstancesInFlight();
        if (failuresExceeded()) {
          fail();
        } else if (update.currentPass().allDone()) {
          change(UpdateCommand.SUCCEEDED, update.status().isBackward() ? "every touched instance rolled back"
              : "every instance updated");
        } else {
          startMore();
        }
      }
      if (update.status().isMoving() && pulse != null) {
        earliest(update.lastPulse().plusSeconds(pulse));
      }
      return new UpdateStep(update, commands, events, reason, evaluateAt);
    }

    private boolean back() {
      return update.status().isBackward();
    }

    private InstanceEvaluator evaluator() {
      return new InstanceEvaluator(Duration.ofSeconds(update.settings().watchSecs()), update.settings().maxPerShardFailures(),
          progressDeadline);
    }

    private void judgeInstancesInFlight() {
      UpdatePass pass = update.currentPass();
      for (InstanceGoal goal : pass.goals()) {
        InstanceProgress progress = pass.progress().get(goal.instance());
        if (progress != null && progress.phase() == Phase.IN_FLIGHT) {
          judge(goal, progress);
        }
      }
    }

    private void judge(InstanceGoal goal, InstanceProgress progress) {
      InstanceObservation seen = observed.getOrDefault(goal.instance(), InstanceObservation.NOTHING);
      InstanceVerdict verdict = evaluator().evaluate(goal.to(), seen, progress.startedAt(), now);
      if (verdict instanceof InstanceVerdict.Kill kill) {
        commands.add(new KillTask(goal.instance(), kill.taskId(), (back() ? "Rolling back" : "Updating") + " instance "
            + goal.instance() + " (update " + update.id() + ")"));
      } else if (verdict instanceof InstanceVerdict.Add add) {
        commands.add(new AddTask(goal.instance(), add.config()));
      } else if (verdict instanceof InstanceVerdict.Wait wait) {
        earliest(wait.until());
      } else if (verdict instanceof InstanceVerdict.Succeeded) {
        setProgress(goal.instance(), progress.succeeded());
        events.add(new InstanceEvent(goal.instance(), InstanceAction.succeeded(back()), now, null));
      } else if (verdict instanceof InstanceVerdict.Failed failed) {
        setProgress(goal.instance(), progress.failed(failed.reason()));
        events.add(new InstanceEvent(goal.instance(), InstanceAction.failed(back()), now, failed.reason()));
      }
    }

    private boolean failuresExceeded() {
      return update.currentPass().count(Phase.FAILED) > update.settings().maxTotalFailures();
    }

    /** Too many failures: commands for this pass are moot, the rollback (if any) starts at once. */
    private void fail() {
      UpdatePass pass = update.currentPass();
      String why = pass.count(Phase.FAILED) + " instance(s) failed, more than max_total_failures "
          + update.settings().maxTotalFailures() + ": " + firstFailure(pass);
      commands.clear();
      change(UpdateCommand.FAILED, why);
      if (update.status() == UpdateStatus.ROLLING_BACK) {
        update = update.rollingBack();
        startMore();
      }
    }

    private static String firstFailure(UpdatePass pass) {
      return pass.progress().entrySet().stream().filter(e -> e.getValue().phase() == Phase.FAILED)
          .map(e -> "instance " + e.getKey() + " " + e.getValue().reason()).findFirst().orElse("");
    }

    private void startMore() {
      BatchStrategy strategy = BatchStrategy.of(update.settings());
      UpdatePass pass = update.currentPass();
      if (strategy.kind() == BatchStrategy.Kind.BATCH && pass.currentBatchDone()) {
        if (pass.batchEnd() >= pass.goals().size()) {
          return;
        }
        update = update.withPass(pass.nextBatch(strategy));
        if (strategy.autopauseAfterBatch()) {
          change(UpdateCommand.BATCH_DONE, "batch " + pass.batchIndex() + " done; paused until resumed");
          return;
        }
        pass = update.currentPass();
      }
      int limit = strategy.kind() == BatchStrategy.Kind.QUEUE ? pass.goals().size() : pass.batchEnd();
      long inFlight = pass.count(Phase.IN_FLIGHT);
      for (int i = 0; i < limit && inFlight < strategy.maxInFlight(pass.batchIndex()); i++) {
        InstanceGoal goal = pass.goals().get(i);
        if (!pass.progress().containsKey(goal.instance())) {
          InstanceProgress started = InstanceProgress.started(now);
          setProgress(goal.instance(), started);
          events.add(new InstanceEvent(goal.instance(), InstanceAction.started(back()), now, null));
          inFlight++;
          judge(goal, started);
          pass = update.currentPass();
        }
      }
    }

    private void setProgress(int instance, InstanceProgress progress) {
      update = update.withPass(update.currentPass().with(instance, progress));
    }

    private void change(UpdateCommand command, String why) {
      UpdateStatus next = UpdateStatusMachine.next(update.status(), command, update.settings().rollbackOnFailure())
          .orElseThrow(() -> new IllegalStateException(command + " does not apply to an update " + update.status()));
      update = update.withStatus(next);
      reason = why;
    }

    private void earliest(Instant at) {
      if (at != null && (evaluateAt == null || at.isBefore(evaluateAt))) {
        evaluateAt = at;
      }
    }
  }
}
