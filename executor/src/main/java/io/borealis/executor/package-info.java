/**
 * The Borealis executor: a custom Mesos executor, one JVM per task, that speaks the v1 executor HTTP
 * API to its agent and runs the task's processes in the sandbox.
 *
 * <p>Vocabulary:
 * <ul>
 *   <li><b>agent</b>: the Mesos agent (or the devcluster's) that started us; reached at
 *       {@code MESOS_AGENT_ENDPOINT} by {@link io.borealis.executor.AgentClient}.
 *   <li><b>event stream</b>: the open SUBSCRIBE response, RecordIO-framed {@code ExecutorEvent}s.
 *   <li><b>task payload</b>: {@code TaskInfo.data}, the Aurora job JSON plus what the scheduler
 *       assigned (instance, ports); read by {@link io.borealis.executor.TaskPayload}.
 *   <li><b>process</b>: one entry of {@code task.processes}, run as {@code bash -c <cmdline>} in the
 *       sandbox after {@link io.borealis.executor.CommandTemplate} filled in its
 *       {@code {{...}}} references, through {@code setsid} so it leads its own process group.
 *       Each <b>run</b> (0, 1, 2...) writes {@code .logs/<process>/<run>/stdout|stderr}, or where its
 *       <b>logger</b> ({@link io.borealis.executor.LogPolicy}) says; a rotating logger's output is
 *       piped through the executor ({@link io.borealis.executor.OutputPump}) into a
 *       {@link io.borealis.executor.RotatingLog}.
 *   <li><b>task user</b>: who the processes run as ({@link io.borealis.executor.TaskUser}): the
 *       task's {@code CommandInfo.user} (the role) when the executor is root, else the executor's own.
 *   <li><b>process state</b>: WAITING, STARTING, RUNNING, then SUCCEEDED, FAILED (failed
 *       {@code max_failures} times) or KILLED ({@link io.borealis.executor.ProcessState}); a failed
 *       run with retries left, or a daemon's run that exited 0, goes back to WAITING, and the next
 *       run starts no sooner than {@code min_duration} after the last.
 *   <li><b>stage</b>: ACTIVE (regular processes run), CLEANING (what is left of them is killed),
 *       FINALIZING ({@code final} processes, within {@code finalization_wait}), DONE; decided by
 *       the pure {@link io.borealis.executor.TaskPlanner} and carried out by
 *       {@link io.borealis.executor.RunningTask}.
 *   <li><b>checkpoint</b>: {@code .borealis/processes.json} in the sandbox, every process's state,
 *       run, pid, exit code and start time ({@link io.borealis.executor.ProcessCheckpoint}).
 *   <li><b>order</b>: {@code task.constraints[].order}; a process starts once the processes before
 *       it in every order list exited 0 ({@link io.borealis.executor.ProcessOrder}).
 *   <li><b>kill escalation</b>: SIGTERM to each process tree and process group, then SIGKILL to what is left once the
 *       grace period has passed ({@link io.borealis.executor.ProcessTreeKiller}). A process is
 *       gone once it is dead or a zombie ({@link io.borealis.executor.ProcessLiveness}).
 *   <li><b>health check</b>: the job's {@code health_check_config}
 *       ({@link io.borealis.executor.HealthCheckConfig}), HTTP to the port named {@code health} or a
 *       shell command, run by {@link io.borealis.executor.HealthMonitor} from TASK_RUNNING on and
 *       counted by the pure {@link io.borealis.executor.HealthPolicy}; skipped while
 *       {@code .healthchecksnooze} exists. A change is reported as TASK_RUNNING with
 *       {@code healthy}; unhealthy kills the task, which ends TASK_FAILED. Health checks and the
 *       ServerSet membership run beside a task as its {@link io.borealis.executor.StatusCheckers}.
 *   <li><b>graceful shutdown</b>: with a {@code health} port, a kill first POSTs
 *       {@code /quitquitquit}, then {@code /abortabortabort}, waiting after each for the processes to
 *       exit, before any signal ({@link io.borealis.executor.GracefulShutdown}).
 *   <li><b>update</b>: a {@code TaskStatus} sent to the agent with a fresh uuid; it stays
 *       <i>unacknowledged</i> until the agent's ACKNOWLEDGED event names that uuid
 *       ({@link io.borealis.executor.StatusUpdates}).
 * </ul>
 *
 * <p>Threading: everything mutable belongs to the one context of
 * {@link io.borealis.executor.ExecutorVerticle}. Spawning processes and touching files runs in
 * {@code executeBlocking}; process exits arrive on JDK threads and hop back with
 * {@code Future.fromCompletionStage(..., context)}.
 *
 * <p>Of Borealis this package imports only {@code io.borealis.mesos.wire}: a real Mesos agent can
 * start it unchanged.
 */
package io.borealis.executor;
