/**
 * The embedded, Mesos-compatible dev cluster: a master serving the v1 scheduler API
 * ({@code POST /api/v1/scheduler}) and agents serving the v1 executor API
 * ({@code POST /api/v1/executor}) that start custom executors as real OS processes with the standard
 * Mesos executor environment. It speaks only {@link io.borealis.mesos.wire}, so any framework written
 * from the Mesos docs can use it, and Borealis can use a real Mesos instead.
 *
 * <p>Vocabulary: the {@link Master} owns frameworks, agents' allocations ({@link AgentSlot}) and the
 * tasks it launched, and its {@link Allocator} the offers and refusal filters; an agent
 * ({@link AgentVerticle}) owns executor runs ({@link CustomExecutors}, checkpointed by
 * {@link ExecutorCheckpoints} so they survive an agent restart) and the reliable
 * {@link StatusUpdateStream} of each task.
 * They talk through {@link MasterEndpoint} and {@link AgentEndpoint}, each call hopping onto the
 * callee's event loop, the way libprocess messages would cross processes.
 *
 * <p>Like Mesos, the master watches its agents ({@link MasterSettings#agentPingTimeout}): one unheard
 * for too long is unreachable (its offers rescinded, its tasks reported UNREACHABLE or LOST) until it
 * re-registers with what it still runs. Tasks with a plain command run through the agent's
 * {@link CommandExecutor}, which holds Mesos' executor allowance on the agent only
 * ({@link CommandExecutorInfo}; the agent's {@code /state}, {@link AgentState}, shows it).
 * {@link MasterFaults} breaks the cluster on purpose, only when asked: from tests, over
 * {@code /devcluster/faults/...} when the master's settings enable it (each request a
 * {@link FaultCommand}), or by itself at set times ({@link FaultPlan}). A master brought back by the
 * restart fault answers 503 "Master has not finished recovery" for a while, as Mesos does.
 */
package io.borealis.devcluster;
