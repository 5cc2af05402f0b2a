package io.borealis.devcluster;

import io.borealis.mesos.wire.AgentId;
import io.borealis.mesos.wire.ExecutorId;
import io.borealis.mesos.wire.FrameworkId;
import io.borealis.mesos.wire.OfferId;
import io.borealis.mesos.wire.SchedulerCall;
import io.borealis.mesos.wire.SchedulerEvent;
import io.borealis.mesos.wire.TaskId;
import io.borealis.mesos.wire.TaskInfo;
import io.borealis.mesos.wire.TaskStatus;
import io.borealis.mesos.wire.TaskStatus.Reason;
import io.borealis.mesos.wire.TaskStatus.Source;
import io.borealis.mesos.wire.TaskStatus.State;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.HashSet;
import java.util.function.Predicate;
import java.util.logging.Logger;

/**
 * The master's bookkeeping and the meaning of each scheduler call: frameworks, agents and launched
 * tasks, with offers and refusal filters kept by its {@link Allocator}. Runs only on the master
 * verticle's event loop; sending events is delegated to {@link FrameworkStreams}.
 */
final class Master {
  private static final Logger LOG = Logger.getLogger(Master.class.getName());

  private String masterId;
  private final Clock clock;
  private final FrameworkStreams streams;
  /** Whether messages between this master and an agent get through (false while a fault partitions it). */
  private final Predicate<AgentId> linkUp;
  /** Frameworks torn down or past their failover timeout: Mesos never lets such an id subscribe again. */
  private final Set<FrameworkId> removed = new HashSet<>();
  private final Map<FrameworkId, FrameworkSession> frameworks = new LinkedHashMap<>();
  private final Map<AgentId, AgentSlot> agents = new LinkedHashMap<>();
  private final Map<TaskId, LaunchedTask> tasks = new HashMap<>();
  /** Executor resources are charged once per executor, when its first task launches. */
  private final Map<ExecutorKey, ResourceBag> executors = new HashMap<>();
  private long nextFramework;
  private long nextAgent;
  private final Allocator allocator;

  private record ExecutorKey(AgentId agent, FrameworkId framework, ExecutorId executor) {}

  Master(String masterId, Clock clock, FrameworkStreams streams, Predicate<AgentId> linkUp) {
    this.masterId = masterId;
    this.clock = clock;
    this.streams = streams;
    this.linkUp = linkUp;
    this.allocator = new Allocator(agents, frameworks, streams, clock, () -> this.masterId);
  }

  /** Sends a message to an agent, unless a partition swallows it (as the network would, silently). */
  private void toAgent(AgentId id, java.util.function.Consumer<AgentEndpoint> message) {
    AgentSlot slot = agents.get(id);
    if (slot != null && linkUp.test(id)) {
      message.accept(slot.endpoint);
    }
  }

  AgentId newAgentId() {
    return AgentId.of(masterId + "-S" + nextAgent++);
  }

  void addAgent(AgentId id, AgentEndpoint endpoint) {
    AgentSlot slot = new AgentSlot(endpoint, ResourceBag.of(endpoint.info().resources()), endpoint.info().attributes());
    slot.lastSeen = clock.instant();
    agents.put(id, slot);
    LOG.info(() -> "Agent " + id.value() + " registered at " + endpoint.info().hostname() + ":" + endpoint.info().port());
    allocate();
  }

  /** Every task the master tracks that has not ended, as the operator endpoint {@code /master/tasks} lists them. */
  List<LaunchedTask> liveTasks() {
    return List.copyOf(tasks.values());
  }

  /** The state a framework is told a task is in: an unreachable agent's tasks are UNREACHABLE (or LOST). */
  TaskStatus.State reportedState(LaunchedTask task) {
    if (!task.unreachable) {
      return task.latest.state();
    }
    FrameworkSession session = frameworks.get(task.framework);
    return session != null && !session.partitionAware() ? State.TASK_LOST : State.TASK_UNREACHABLE;
  }

  boolean isRemoved(FrameworkId id) {
    return removed.contains(id);
  }

  List<FrameworkSession> frameworks() {
    return List.copyOf(frameworks.values());
  }

  FrameworkSession framework(FrameworkId id) {
    return frameworks.get(id);
  }

  /** A (re)subscription: a new id for a new framework, the known session for a returning one. */
  FrameworkSession subscribe(SchedulerCall.Subscribe subscribe) {
    var info = subscribe.frameworkInfo();
    FrameworkId id = info.id() != null ? info.id() : FrameworkId.of(masterId + "-" + String.format("%04d", nextFramework++));
    FrameworkSession session = frameworks.computeIfAbsent(id, k -> new FrameworkSession(info.withId(k)));
    session.info = info.withId(id);
    // Offers never outlive a subscription; Mesos drops them without RESCIND.
    allocator.dropOffersOf(id);
    session.suppressed = false;
    return session;
  }

  void disconnected(FrameworkSession session) {
    allocator.dropOffersOf(session.info.id());
    LOG.info(() -> "Framework " + session.info.id().value() + " disconnected");
    allocate();
  }

  void handle(FrameworkSession session, SchedulerCall call) {
    FrameworkId id = session.info.id();
    switch (call.type()) {
      case ACCEPT -> accept(session, call.accept());
      case DECLINE -> {
        allocator.refuse(session, call.decline().filters(), allocator.release(id, call.decline().offerIds()));
        allocate();
      }
      case KILL -> kill(session, call.kill().taskId());
      case ACKNOWLEDGE -> acknowledge(id, call.acknowledge());
      case RECONCILE -> reconcile(session, call.reconcile());
      case REVIVE -> {
        session.refusedUntil.clear();
        session.suppressed = false;
        allocate();
      }
      case SUPPRESS -> session.suppressed = true;
      case TEARDOWN -> teardown(session);
      default -> LOG.fine(() -> "Ignoring call " + call.type());
    }
  }

  private void accept(FrameworkSession session, SchedulerCall.Accept accept) {
    FrameworkId id = session.info.id();
    List<Allocator.OutstandingOffer> used = new ArrayList<>();
    for (OfferId offerId : accept.offerIds()) {
      Allocator.OutstandingOffer offer = allocator.offer(offerId);
      if (offer == null || !offer.framework().equals(id) || (!used.isEmpty() && !used.get(0).agent().equals(offer.agent()))) {
        used = null;
        break;
      }
      used.add(offer);
    }
    List<TaskInfo> launches = new ArrayList<>();
    if (accept.operations() != null) {
      for (SchedulerCall.Operation operation : accept.operations()) {
        if (operation.type() == SchedulerCall.OperationType.LAUNCH && operation.launch() != null) {
          launches.addAll(operation.launch().taskInfos());
        }
      }
    }
    if (used == null || used.isEmpty()) {
      allocator.release(id, accept.offerIds());
      String message = "Task launched with invalid offers";
      launches.forEach(task -> sendMasterUpdate(session, task.taskId(),
          session.partitionAware() ? State.TASK_DROPPED : State.TASK_LOST, Reason.REASON_INVALID_OFFERS, message));
      allocate();
      return;
    }
    accept.offerIds().forEach(allocator::drop);
    AgentId agentId = used.get(0).agent();
    ResourceBag available = used.stream().map(Allocator.OutstandingOffer::resources).reduce(ResourceBag.EMPTY, ResourceBag::plus);
    AgentSlot agent = agents.get(agentId);
    for (TaskInfo task : launches) {
      available = launch(session, agentId, agent, task, available);
    }
    allocator.refuse(session, accept.filters(), List.of(agentId));
    allocator.allocate(List.of(agentId));
  }

  /** Launches one task if it is valid and fits; answers TASK_ERROR otherwise. Returns what is left. */
  private ResourceBag launch(FrameworkSession session, AgentId agentId, AgentSlot agent, TaskInfo task, ResourceBag available) {
    String invalid = TaskValidation.problem(task, tasks.containsKey(task.taskId()));
    ResourceBag needed = ResourceBag.of(task.resources());
    ExecutorKey executorKey = task.executor() == null ? null : new ExecutorKey(agentId, session.info.id(), task.executor().executorId());
    boolean newExecutor = executorKey != null && !executors.containsKey(executorKey);
    ResourceBag executorNeeds = newExecutor ? ResourceBag.of(task.executor().resources()) : ResourceBag.EMPTY;
    if (invalid == null && !available.contains(needed.plus(executorNeeds))) {
      invalid = "Total resources " + needed.plus(executorNeeds) + " required by task and its executor is more than available " + available;
    }
    if (invalid != null) {
      sendMasterUpdate(session, task.taskId(), State.TASK_ERROR, Reason.REASON_TASK_INVALID, invalid);
      return available;
    }
    if (newExecutor) {
      executors.put(executorKey, executorNeeds);
    }
    agent.take(needed.plus(executorNeeds));
    TaskInfo placed = task.withExecutor(task.executor() == null ? null : task.executor().withFrameworkId(session.info.id()));
    TaskStatus staging = TaskStatus.of(task.taskId(), State.TASK_STAGING, Source.SOURCE_MASTER, null)
        .withOrigin(agentId, placed.executor() == null ? null : placed.executor().executorId(), now());
    tasks.put(task.taskId(), new LaunchedTask(session.info.id(), agentId, placed, needed, staging));
    toAgent(agentId, endpoint -> endpoint.launch(session.info, placed));
    return available.minus(needed.plus(executorNeeds));
  }

  private void kill(FrameworkSession session, TaskId taskId) {
    LaunchedTask task = tasks.get(taskId);
    if (task == null || !task.framework.equals(session.info.id())) {
      sendMasterUpdate(session, taskId, session.partitionAware() ? State.TASK_UNKNOWN : State.TASK_LOST,
          Reason.REASON_RECONCILIATION, "Reconciliation: Task is unknown");
      return;
    }
    if (task.unreachable) {
      // The agent cannot be told; the framework hears where the task stands, as an explicit reconcile.
      streams.send(session, SchedulerEvent.update(reconciled(task)));
      return;
    }
    toAgent(task.agent, endpoint -> endpoint.kill(task.framework, taskId));
  }

  private void acknowledge(FrameworkId framework, SchedulerCall.Acknowledge ack) {
    toAgent(ack.agentId(), endpoint -> endpoint.acknowledge(framework, ack.taskId(), ack.uuid()));
  }

  private void reconcile(FrameworkSession session, SchedulerCall.Reconcile reconcile) {
    FrameworkId id = session.info.id();
    if (reconcile.tasks().isEmpty()) {
      // Mesos leaves unreachable tasks out of implicit reconciliation; only an explicit query reports them.
      tasks.values().stream().filter(t -> t.framework.equals(id) && !t.isTerminal() && !t.unreachable)
          .forEach(t -> streams.send(session, SchedulerEvent.update(reconciled(t))));
      return;
    }
    for (SchedulerCall.ReconcileTask query : reconcile.tasks()) {
      LaunchedTask task = tasks.get(query.taskId());
      if (task != null && task.framework.equals(id)) {
        streams.send(session, SchedulerEvent.update(reconciled(task)));
      } else {
        State state = !session.partitionAware() ? State.TASK_LOST : query.agentId() != null ? State.TASK_GONE : State.TASK_UNKNOWN;
        sendMasterUpdate(session, query.taskId(), state, Reason.REASON_RECONCILIATION, "Reconciliation: Task is unknown");
      }
    }
  }

  private TaskStatus reconciled(LaunchedTask task) {
    TaskStatus latest = task.latest;
    return new TaskStatus(latest.taskId(), reportedState(task), "Reconciliation: Latest task state", Source.SOURCE_MASTER,
        Reason.REASON_RECONCILIATION, null, task.agent, latest.executorId(), now(), null, latest.healthy());
  }

  private void teardown(FrameworkSession session) {
    remove(session, "torn down");
  }

  /**
   * Removes a framework for good (TEARDOWN, or its failover timeout ran out): its executors and tasks
   * are shut down, and its id may never subscribe again.
   */
  void remove(FrameworkSession session, String why) {
    FrameworkId id = session.info.id();
    allocator.dropOffersOf(id);
    List.copyOf(agents.keySet()).forEach(agent -> toAgent(agent, endpoint -> endpoint.shutdownFramework(id)));
    frameworks.remove(id);
    removed.add(id);
    streams.close(session);
    LOG.info(() -> "Framework " + id.value() + " " + why);
    allocate();
  }

  void statusUpdate(AgentId agentId, FrameworkId frameworkId, TaskStatus status) {
    LaunchedTask task = tasks.get(status.taskId());
    if (task != null) {
      boolean wasTerminal = task.isTerminal();
      task.latest = status;
      if (!wasTerminal && task.isTerminal()) {
        tasks.remove(status.taskId());
        free(task.agent, task.resources);
        allocate();
      }
    }
    FrameworkSession session = frameworks.get(frameworkId);
    if (session != null && session.connected()) {
      streams.send(session, SchedulerEvent.update(status));
    }
  }

  void executorExited(AgentId agentId, FrameworkId frameworkId, ExecutorId executorId, int exitStatus) {
    ResourceBag executor = executors.remove(new ExecutorKey(agentId, frameworkId, executorId));
    if (executor != null) {
      free(agentId, executor);
    }
    FrameworkSession session = frameworks.get(frameworkId);
    if (session != null && session.connected()) {
      streams.send(session, SchedulerEvent.failure(agentId, executorId, exitStatus));
    }
    allocator.allocate(List.of(agentId));
  }

  /** Offers every agent's free resources to the frameworks that want them (see {@link Allocator}). */
  void allocate() {
    allocator.allocate(agents.keySet());
  }

  /** Whether a refusal filter was added since last asked: the verticle then re-arms its timer. */
  boolean takeFiltersAdded() {
    return allocator.takeFiltersAdded();
  }

  /** When the earliest refusal filter ends, so the verticle can allocate again then. */
  Instant nextFilterExpiry() {
    return allocator.nextFilterExpiry();
  }

  private void free(AgentId agentId, ResourceBag resources) {
    AgentSlot slot = agents.get(agentId);
    if (slot != null) {
      slot.giveBack(resources);
    }
  }

  // ---- agent loss, partition and return ----

  AgentEndpoint agent(AgentId id) {
    return agents.get(id).endpoint;
  }

  boolean agentAlive(AgentId id) {
    return agents.get(id).endpoint.alive();
  }

  /** The agent with this id or hostname, or null. */
  AgentId findAgent(String idOrHostname) {
    for (var entry : agents.entrySet()) {
      if (entry.getKey().value().equals(idOrHostname) || idOrHostname.equals(entry.getValue().endpoint.info().hostname())) {
        return entry.getKey();
      }
    }
    return null;
  }


  /**
   * Looks at every agent as Mesos' pings would: one that answers is seen now; one unheard for longer
   * than {@code timeout} is marked unreachable. Returns the unreachable agents that answer again: they
   * re-register (the caller asks each what it runs, then calls {@link #reregistered}).
   */
  List<AgentId> checkAgents(Predicate<AgentId> answers, java.time.Duration timeout) {
    Instant now = clock.instant();
    List<AgentId> returning = new ArrayList<>();
    agents.forEach((id, slot) -> {
      if (answers.test(id)) {
        slot.lastSeen = now;
        if (slot.unreachable) {
          returning.add(id);
        }
      } else if (!slot.unreachable && !now.isBefore(slot.lastSeen.plus(timeout))) {
        markUnreachable(id, slot);
      }
    });
    return returning;
  }

  /**
   * As Mesos' {@code markUnreachable}: the agent's offers are rescinded, each framework hears its tasks
   * there are TASK_UNREACHABLE (TASK_LOST if it is not partition-aware) and gets a FAILURE for the
   * agent. The master keeps the tasks: the agent may come back with them still running.
   */
  private void markUnreachable(AgentId id, AgentSlot slot) {
    slot.unreachable = true;
    LOG.warning(() -> "Agent " + id.value() + " is unreachable: unheard since " + slot.lastSeen);
    allocator.rescindOffersOn(id);
    for (LaunchedTask task : tasks.values()) {
      if (task.agent.equals(id) && !task.isTerminal()) {
        task.unreachable = true;
        FrameworkSession session = frameworks.get(task.framework);
        if (session != null) {
          TaskStatus status = TaskStatus.of(task.info.taskId(), reportedState(task), Source.SOURCE_MASTER,
              "Agent " + id.value() + " is unreachable").withReason(Reason.REASON_AGENT_REMOVED);
          streams.send(session, SchedulerEvent.update(status.withOrigin(id, null, now())));
        }
      }
    }
    frameworks.values().forEach(session -> streams.send(session, SchedulerEvent.failure(id, null, null)));
  }

  /**
   * The agent's process stopped (it is restarting), as Mesos' {@code Master::disconnect}: the tasks and
   * executors of frameworks that do not checkpoint died with it, so those frameworks hear TASK_LOST
   * ({@code REASON_AGENT_DISCONNECTED}) now and the resources are free; checkpointing frameworks' tasks
   * stay, since their executors wait for the agent to come back.
   */
  void agentDisconnected(AgentId id) {
    for (LaunchedTask task : List.copyOf(tasks.values())) {
      FrameworkSession session = frameworks.get(task.framework);
      if (!task.agent.equals(id) || task.isTerminal() || checkpoints(task.framework)) {
        continue;
      }
      tasks.remove(task.info.taskId());
      free(id, task.resources);
      if (session != null && session.connected()) {
        sendMasterUpdate(session, task.info.taskId(), State.TASK_LOST, Reason.REASON_AGENT_DISCONNECTED,
            "Agent " + id.value() + " disconnected and the framework does not checkpoint");
      }
    }
    for (ExecutorKey key : List.copyOf(executors.keySet())) {
      if (key.agent().equals(id) && !checkpoints(key.framework())) {
        free(id, executors.remove(key));
      }
    }
    allocate();
  }

  private boolean checkpoints(FrameworkId framework) {
    FrameworkSession session = frameworks.get(framework);
    return session != null && Boolean.TRUE.equals(session.info.checkpoint());
  }

  /**
   * An unreachable agent is back and says which tasks it still runs (with their latest status). Those
   * become reachable again without any update to their framework (Mesos 1.5+: a framework learns of
   * them by reconciling); tasks it no longer has are reported lost. Its resources are what its tasks
   * and their executors hold.
   */
  void reregistered(AgentId id, Map<TaskId, TaskStatus> running) {
    AgentSlot slot = agents.get(id);
    if (slot == null || !slot.unreachable) {
      return;
    }
    slot.unreachable = false;
    slot.lastSeen = clock.instant();
    ResourceBag inUse = ResourceBag.EMPTY;
    Set<ExecutorKey> liveExecutors = new HashSet<>();
    for (LaunchedTask task : List.copyOf(tasks.values())) {
      if (!task.agent.equals(id) || !task.unreachable) {
        continue;
      }
      task.unreachable = false;
      TaskStatus status = running.get(task.info.taskId());
      if (status == null) {
        tasks.remove(task.info.taskId());
        FrameworkSession session = frameworks.get(task.framework);
        if (session != null) {
          sendMasterUpdate(session, task.info.taskId(), session.partitionAware() ? State.TASK_GONE : State.TASK_LOST,
              Reason.REASON_AGENT_RESTARTED, "Task was not running on agent " + id.value() + " when it re-registered");
        }
        continue;
      }
      task.latest = status;
      inUse = inUse.plus(task.resources);
      if (task.info.executor() != null) {
        liveExecutors.add(new ExecutorKey(id, task.framework, task.info.executor().executorId()));
      }
    }
    // Executors that ended during the partition told no one; only those of running tasks still hold anything.
    executors.keySet().removeIf(key -> key.agent().equals(id) && !liveExecutors.contains(key));
    for (ExecutorKey key : liveExecutors) {
      inUse = inUse.plus(executors.getOrDefault(key, ResourceBag.EMPTY));
    }
    slot.reset(inUse);
    LOG.info(() -> "Agent " + id.value() + " re-registered with " + running.size() + " running tasks");
    allocate();
  }

  /**
   * A master restart (a failover to a fresh master): frameworks and offers are forgotten, so every
   * framework must subscribe again (with its id, which the new master accepts); agents and the tasks
   * they run stay, as agents re-register with a new master.
   */
  void failover(String newMasterId) {
    masterId = newMasterId;
    frameworks.values().forEach(streams::close);
    frameworks.clear();
    allocator.dropAll();
    removed.clear();
    Instant now = clock.instant();
    agents.values().forEach(slot -> slot.lastSeen = now);
  }

  private void sendMasterUpdate(FrameworkSession session, TaskId taskId, State state, Reason reason, String message) {
    TaskStatus status = TaskStatus.of(taskId, state, Source.SOURCE_MASTER, message).withReason(reason);
    streams.send(session, SchedulerEvent.update(status.withOrigin(null, null, now())));
  }

  private double now() {
    return clock.millis() / 1000.0;
  }

  /** Sends events to a framework's subscription stream. */
  interface FrameworkStreams {
    void send(FrameworkSession session, SchedulerEvent event);

    void close(FrameworkSession session);
  }
}
