package io.borealis.devcluster;

import io.borealis.mesos.wire.AgentId;
import io.borealis.mesos.wire.AgentInfo;
import io.borealis.mesos.wire.ExecutorId;
import io.borealis.mesos.wire.Attribute;
import io.borealis.mesos.wire.FrameworkId;
import io.borealis.mesos.wire.FrameworkInfo;
import io.borealis.mesos.wire.TaskId;
import io.borealis.mesos.wire.TaskInfo;
import io.borealis.mesos.wire.TaskStatus;
import io.borealis.mesos.wire.TaskStatus.Source;
import io.borealis.mesos.wire.TaskStatus.State;
import io.borealis.mesos.wire.Uuids;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Many agents in one verticle whose executors are simulated in-process: a launched task reports
 * STARTING, then RUNNING after {@link Behaviour#startDelay}, and ends as the behaviour says. Status
 * updates travel to the master exactly as a real agent sends them (one in flight per task, re-sent
 * until acknowledged), so the scheduler sees real v1 API traffic; only the processes are imaginary.
 * Thousands of agents fit on one machine this way, for benchmarks and scale tests.
 */
public final class SimulatedAgents extends VerticleBase {
  private final List<AgentSpec> specs;
  private final MasterVerticle master;
  private final Behaviour behaviour;
  private final Duration statusUpdateRetry;
  private final List<Agent> agents = new ArrayList<>();
  private StatusUpdateForwarder updates;
  private Context loop;

  /**
   * How simulated executors behave.
   *
   * @param startDelay from LAUNCH to RUNNING
   * @param runTime how long a task runs before it ends by itself; null runs until killed
   * @param endState how it ends by itself (TASK_FINISHED or TASK_FAILED)
   */
  public record Behaviour(Duration startDelay, Duration runTime, State endState) {
    public static Behaviour runForever(Duration startDelay) {
      return new Behaviour(startDelay, null, State.TASK_FINISHED);
    }
  }

  public SimulatedAgents(List<AgentSpec> specs, MasterVerticle master, Behaviour behaviour, Duration statusUpdateRetry) {
    this.specs = List.copyOf(specs);
    this.master = master;
    this.behaviour = behaviour;
    this.statusUpdateRetry = statusUpdateRetry;
  }

  @Override
  public Future<?> start() {
    loop = context;
    updates = new StatusUpdateForwarder(vertx, master, statusUpdateRetry);
    List<Future<AgentId>> registrations = new ArrayList<>();
    for (AgentSpec spec : specs) {
      Agent agent = new Agent(spec);
      agents.add(agent);
      registrations.add(master.register(agent).onSuccess(id -> loop.runOnContext(v -> agent.id = id)));
    }
    return Future.all(registrations);
  }

  public int size() {
    return agents.size();
  }

  /** One simulated agent; all its methods run on the shared event loop. */
  private final class Agent implements AgentEndpoint {
    private final AgentSpec spec;
    private final Map<TaskId, FrameworkId> tasks = new HashMap<>();
    private final Map<TaskId, ExecutorId> executors = new HashMap<>();
    private final Map<TaskId, Long> endTimers = new HashMap<>();
    private final Map<TaskId, TaskStatus> latest = new HashMap<>();
    private volatile AgentId id;

    Agent(AgentSpec spec) {
      this.spec = spec;
    }

    @Override
    public AgentInfo info() {
      return new AgentInfo(spec.hostname(), 0, spec.total().toResources(null),
          spec.attributes().entrySet().stream().map(e -> Attribute.text(e.getKey(), e.getValue())).toList(), id);
    }

    @Override
    public void launch(FrameworkInfo framework, TaskInfo task) {
      loop.runOnContext(v -> {
        tasks.put(task.taskId(), framework.id());
        if (task.executor() != null) {
          executors.put(task.taskId(), task.executor().executorId());
        }
        report(task.taskId(), State.TASK_STARTING, "Simulated executor starting");
        vertx.setTimer(Math.max(1, behaviour.startDelay().toMillis()), t -> {
          if (tasks.containsKey(task.taskId())) {
            report(task.taskId(), State.TASK_RUNNING, "Simulated task running");
            if (behaviour.runTime() != null) {
              endTimers.put(task.taskId(), vertx.setTimer(Math.max(1, behaviour.runTime().toMillis()),
                  e -> end(task.taskId(), behaviour.endState(), "Simulated task ended")));
            }
          }
        });
      });
    }

    @Override
    public void kill(FrameworkId framework, TaskId task) {
      loop.runOnContext(v -> end(task, State.TASK_KILLED, "Simulated task killed"));
    }

    @Override
    public void acknowledge(FrameworkId framework, TaskId task, byte[] uuid) {
      loop.runOnContext(v -> {
        if (updates.acknowledge(id, framework, task, uuid)) {
          // The task's executor has nothing left to do: it exits, which frees its resources.
          ExecutorId executor = executors.remove(task);
          if (executor != null) {
            master.executorExited(id, framework, executor, 0);
          }
        }
      });
    }

    @Override
    public void shutdownFramework(FrameworkId framework) {
      loop.runOnContext(v -> List.copyOf(tasks.entrySet()).stream().filter(e -> e.getValue().equals(framework))
          .forEach(e -> end(e.getKey(), State.TASK_KILLED, "Framework shut down")));
    }

    @Override
    public Future<Map<TaskId, TaskStatus>> runningTasks() {
      io.vertx.core.Promise<Map<TaskId, TaskStatus>> promise = io.vertx.core.Promise.promise();
      loop.runOnContext(v -> promise.complete(Map.copyOf(latest)));
      return promise.future();
    }

    private void end(TaskId task, State state, String message) {
      if (!tasks.containsKey(task)) {
        return;
      }
      Long timer = endTimers.remove(task);
      if (timer != null) {
        vertx.cancelTimer(timer);
      }
      report(task, state, message);
      tasks.remove(task);
    }

    private void report(TaskId task, State state, String message) {
      TaskStatus status = TaskStatus.of(task, state, Source.SOURCE_EXECUTOR, message).withUuid(Uuids.random())
          .withOrigin(id, null, System.currentTimeMillis() / 1000.0);
      if (state.isTerminal()) {
        latest.remove(task);
      } else {
        latest.put(task, status);
      }
      updates.send(id, tasks.get(task), status);
    }
  }
}
