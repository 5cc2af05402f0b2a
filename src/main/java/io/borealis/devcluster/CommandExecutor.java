package io.borealis.devcluster;

import io.borealis.mesos.wire.FrameworkId;
import io.borealis.mesos.wire.FrameworkInfo;
import io.borealis.mesos.wire.TaskId;
import io.borealis.mesos.wire.TaskInfo;
import io.borealis.mesos.wire.TaskStatus.Reason;
import io.borealis.mesos.wire.TaskStatus.State;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * The agent's built-in command executor: a TaskInfo with a {@code command} and no executor runs as one
 * process in its sandbox, reporting TASK_STARTING, TASK_RUNNING, then TASK_FINISHED (exit 0),
 * TASK_FAILED (any other exit) or TASK_KILLED (after a KILL: SIGTERM, then SIGKILL after the grace
 * period). This is what lets any Mesos framework, or curl, run work on the dev cluster. Used on the
 * owning agent's event loop.
 */
final class CommandExecutor {
  private static final Logger LOG = Logger.getLogger(CommandExecutor.class.getName());

  /** How the executor's updates reach the agent's reliable status update streams. */
  interface Reporter {
    void report(FrameworkId framework, TaskId task, State state, Reason reason, String message);
  }

  private final Vertx vertx;
  private final Context loop;
  private final Reporter reporter;
  private final Duration killGrace;
  private final Map<TaskId, Run> runs = new HashMap<>();

  private static final class Run {
    final FrameworkInfo framework;
    final TaskInfo task;
    final Path sandbox;
    Process process;
    boolean killed;
    final Promise<Void> ended = Promise.promise();

    Run(FrameworkInfo framework, TaskInfo task, Path sandbox) {
      this.framework = framework;
      this.task = task;
      this.sandbox = sandbox;
    }
  }

  CommandExecutor(Vertx vertx, Context loop, Reporter reporter, Duration killGrace) {
    this.vertx = vertx;
    this.loop = loop;
    this.reporter = reporter;
    this.killGrace = killGrace;
  }

  boolean runs(TaskId task) {
    return runs.containsKey(task);
  }

  void launch(FrameworkInfo framework, TaskInfo task, Path sandbox, Map<String, String> environment) {
    Run run = new Run(framework, task, sandbox);
    runs.put(task.taskId(), run);
    reporter.report(framework.id(), task.taskId(), State.TASK_STARTING, null, null);
    vertx.executeBlocking(() -> CommandTaskLauncher.launch(task.command(), framework.user(), sandbox, environment), false)
        .onComplete(started -> loop.runOnContext(v -> {
          if (runs.get(task.taskId()) != run) {
            // Abandoned while starting (the agent restarted): it must not run unwatched.
            if (started.succeeded()) {
              ProcessTrees.kill(started.result().toHandle());
            }
            return;
          }
          if (started.failed()) {
            finish(run, State.TASK_FAILED, Reason.REASON_CONTAINER_LAUNCH_FAILED, "Failed to launch command: "
                + started.cause().getMessage());
            return;
          }
          run.process = started.result();
          LOG.info(() -> "Command task " + task.taskId().value() + " started (pid " + run.process.pid() + ") in " + sandbox);
          reporter.report(framework.id(), task.taskId(), State.TASK_RUNNING, null, null);
          run.process.onExit().thenAccept(p -> loop.runOnContext(x -> exited(run, p.exitValue())));
          if (run.killed) {
            terminate(run);
          }
        }));
  }

  void kill(TaskId taskId) {
    Run run = runs.get(taskId);
    if (run == null || run.killed) {
      return;
    }
    run.killed = true;
    if (run.framework.hasCapability("TASK_KILLING_STATE")) {
      reporter.report(run.framework.id(), taskId, State.TASK_KILLING, null, "Command is being killed");
    }
    if (run.process != null) {
      terminate(run);
    }
  }

  /** SIGTERM to the command and everything it started, SIGKILL after the grace period. */
  private void terminate(Run run) {
    ProcessHandle handle = run.process.toHandle();
    ProcessTrees.terminate(handle);
    vertx.setTimer(Math.max(1, killGrace.toMillis()), id -> {
      if (handle.isAlive()) {
        ProcessTrees.kill(handle);
      }
    });
  }

  private void exited(Run run, int status) {
    if (runs.get(run.task.taskId()) != run) {
      return;
    }
    if (run.killed) {
      finish(run, State.TASK_KILLED, null, "Command terminated after a kill (exit status " + status + ")");
    } else if (status == 0) {
      finish(run, State.TASK_FINISHED, null, "Command exited with status 0");
    } else {
      finish(run, State.TASK_FAILED, Reason.REASON_COMMAND_EXECUTOR_FAILED, "Command exited with status " + status);
    }
  }

  private void finish(Run run, State state, Reason reason, String message) {
    runs.remove(run.task.taskId());
    reporter.report(run.framework.id(), run.task.taskId(), state, reason, message);
    run.ended.tryComplete();
  }

  /**
   * The command executors running now, as the agent's {@code /state} shows them: each holds its task's
   * resources plus Mesos' allowance for the executor ({@link CommandExecutorInfo}); its container is
   * the sandbox's run directory.
   */
  List<AgentState.Executor> executors() {
    return runs.values().stream().map(run -> new AgentState.Executor(run.framework, run.task.taskId().value(),
        CommandExecutorInfo.name(run.task), run.task.taskId().value(), null, run.sandbox.getFileName().toString(), run.sandbox,
        CommandExecutorInfo.ALLOWANCE, List.of(run.task))).toList();
  }

  /** Kills every command task of a framework that is gone. */
  void shutdownFramework(FrameworkId framework) {
    List.copyOf(runs.values()).stream().filter(r -> r.framework.id().equals(framework)).forEach(r -> kill(r.task.taskId()));
  }

  /**
   * The agent is restarting and these frameworks do not checkpoint: their command tasks die with it,
   * unreported (the master tells the framework they are lost), as Mesos' command executor does when
   * its agent goes away. Returns the tasks dropped. Command tasks of checkpointing frameworks carry on:
   * here the command executor lives in the agent's JVM, standing for Mesos' command executor process,
   * which survives the restart.
   */
  List<TaskId> abandon(java.util.function.Predicate<FrameworkInfo> framework) {
    List<TaskId> dropped = new ArrayList<>();
    for (Run run : List.copyOf(runs.values())) {
      if (framework.test(run.framework)) {
        runs.remove(run.task.taskId());
        dropped.add(run.task.taskId());
        run.killed = true;
        if (run.process != null) {
          ProcessTrees.kill(run.process.toHandle());
        }
        run.ended.tryComplete();
      }
    }
    return dropped;
  }

  /** Kills every command task; completes once all have exited. */
  Future<?> stopAll() {
    List<Future<Void>> ended = new ArrayList<>();
    for (Run run : List.copyOf(runs.values())) {
      ended.add(run.ended.future());
      if (run.process == null) {
        run.killed = true;
        continue;
      }
      kill(run.task.taskId());
    }
    return Future.join(ended);
  }
}
