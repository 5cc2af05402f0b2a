package io.borealis.executor;

import static io.borealis.executor.ProcessState.FAILED;
import static io.borealis.executor.ProcessState.KILLED;
import static io.borealis.executor.ProcessState.RUNNING;
import static io.borealis.executor.ProcessState.SUCCEEDED;
import static io.borealis.executor.ProcessState.WAITING;
import static org.assertj.core.api.Assertions.assertThat;

import io.borealis.executor.TaskPayload.ProcessSpec;
import io.borealis.executor.TaskPayload.TaskLimits;
import io.borealis.executor.TaskPlanner.Outcome;
import io.borealis.executor.TaskPlanner.Plan;
import io.borealis.executor.TaskPlanner.Snapshot;
import io.borealis.executor.TaskPlanner.Stage;
import io.borealis.mesos.wire.TaskStatus.State;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TaskPlannerTest {
  private static final Instant NOW = Instant.parse("2026-01-01T12:00:00Z");
  private static final TaskLimits DEFAULTS = TaskLimits.DEFAULTS;

  /** One planning situation: the task, what it knows, and the plan expected at {@link #NOW}. */
  record Case(List<ProcessSpec> specs, List<List<String>> orders, TaskLimits limits, Map<String, ProcessStatus> statuses,
      String killReason, Instant finalizingSince, Plan expected) {}

  static Stream<Arguments> plans() {
    return Stream.of(
        named("independent processes all start at once",
            new Case(List.of(regular("a"), regular("b")), List.of(), DEFAULTS,
                statuses("a", waiting(), "b", waiting()), null, null,
                plan(Stage.ACTIVE, List.of("a", "b"), List.of(), null, null))),
        named("an ordered process waits for its predecessor to succeed",
            new Case(List.of(regular("a"), regular("b")), List.of(List.of("a", "b")), DEFAULTS,
                statuses("a", running(), "b", waiting()), null, null,
                plan(Stage.ACTIVE, List.of(), List.of(), null, null))),
        named("a retry waits until min_duration after the last start, and says when to look again",
            new Case(List.of(retrying("a", 3, 5)), List.of(), DEFAULTS,
                statuses("a", retry(1, 2)), null, null,
                plan(Stage.ACTIVE, List.of(), List.of(), NOW.plusSeconds(3), null))),
        named("a retry starts once min_duration has passed",
            new Case(List.of(retrying("a", 3, 5)), List.of(), DEFAULTS,
                statuses("a", retry(1, 5)), null, null,
                plan(Stage.ACTIVE, List.of("a"), List.of(), null, null))),
        named("max_concurrency 2 with one running starts one more",
            new Case(List.of(regular("a"), regular("b"), regular("c")), List.of(), new TaskLimits(1, 2, Duration.ofSeconds(30)),
                statuses("a", running(), "b", waiting(), "c", waiting()), null, null,
                plan(Stage.ACTIVE, List.of("b"), List.of(), null, null))),
        named("task max_failures processes FAILED: the rest are killed",
            new Case(List.of(regular("a"), regular("b")), List.of(), DEFAULTS,
                statuses("a", failed(1), "b", running()), null, null,
                plan(Stage.CLEANING, List.of(), List.of("b"), null, null))),
        named("fewer FAILED than task max_failures: the others go on",
            new Case(List.of(regular("a"), regular("b")), List.of(), new TaskLimits(2, 0, Duration.ofSeconds(30)),
                statuses("a", failed(1), "b", running()), null, null,
                plan(Stage.ACTIVE, List.of(), List.of(), null, null))),
        named("every non-ephemeral process succeeded: ephemeral ones are killed",
            new Case(List.of(regular("a"), ephemeral("e")), List.of(), DEFAULTS,
                statuses("a", ended(SUCCEEDED), "e", running()), null, null,
                plan(Stage.CLEANING, List.of(), List.of("e"), null, null))),
        named("ephemeral killed, the rest succeeded: FINISHED",
            new Case(List.of(regular("a"), ephemeral("e")), List.of(), DEFAULTS,
                statuses("a", ended(SUCCEEDED), "e", ended(KILLED)), null, null,
                plan(Stage.DONE, List.of(), List.of(), null, new Outcome(State.TASK_FINISHED, "All processes finished successfully")))),
        named("a failure names the process and the exit code",
            new Case(List.of(regular("a")), List.of(), DEFAULTS,
                statuses("a", failed(1)), null, null,
                plan(Stage.DONE, List.of(), List.of(), null, new Outcome(State.TASK_FAILED, "Process 'a' failed with exit code 3")))),
        named("a process that failed several times says how often",
            new Case(List.of(retrying("a", 3, 0)), List.of(), DEFAULTS,
                statuses("a", failed(3)), null, null,
                plan(Stage.DONE, List.of(), List.of(), null, new Outcome(State.TASK_FAILED, "Process 'a' failed 3 times, the last with exit code 3")))),
        named("task max_failures 0: a process behind a failed one never runs, and the task finishes",
            new Case(List.of(regular("a"), regular("b")), List.of(List.of("a", "b")), new TaskLimits(0, 0, Duration.ofSeconds(30)),
                statuses("a", failed(1), "b", waiting()), null, null,
                plan(Stage.DONE, List.of(), List.of(), null, new Outcome(State.TASK_FINISHED,
                    "Finished; failed processes within the task's max_failures 0: Process 'a' failed with exit code 3")))),
        named("a KILL kills the live regular processes",
            new Case(List.of(regular("a"), regular("b"), finalProcess("f")), List.of(), DEFAULTS,
                statuses("a", running(), "b", ended(SUCCEEDED), "f", waiting()), "Killed on request", null,
                plan(Stage.CLEANING, List.of(), List.of("a"), null, null))),
        named("final processes wait while regular ones run",
            new Case(List.of(regular("a"), finalProcess("f")), List.of(), DEFAULTS,
                statuses("a", running(), "f", waiting()), null, null,
                plan(Stage.ACTIVE, List.of(), List.of(), null, null))),
        named("after a KILL the final processes start in their own order, with a deadline",
            new Case(List.of(regular("a"), finalProcess("f1"), finalProcess("f2")), List.of(List.of("a", "f2", "f1")), DEFAULTS,
                statuses("a", ended(KILLED), "f1", waiting(), "f2", waiting()), "Killed on request", null,
                plan(Stage.FINALIZING, List.of("f2"), List.of(), NOW.plusSeconds(30), null))),
        named("finalization_wait is over: live final processes are killed",
            new Case(List.of(regular("a"), finalProcess("f1"), finalProcess("f2")), List.of(List.of("f1", "f2")), DEFAULTS,
                statuses("a", ended(SUCCEEDED), "f1", running(), "f2", waiting()), null, NOW.minusSeconds(30),
                plan(Stage.FINALIZING, List.of(), List.of("f1"), null, null))),
        named("finalization cut short: the outcome is still the KILL's",
            new Case(List.of(regular("a"), finalProcess("f1"), finalProcess("f2")), List.of(List.of("f1", "f2")), DEFAULTS,
                statuses("a", ended(KILLED), "f1", ended(KILLED), "f2", waiting()), "Killed on request", NOW.minusSeconds(31),
                plan(Stage.DONE, List.of(), List.of(), null, new Outcome(State.TASK_KILLED, "Killed on request")))),
        named("final processes done: the outcome follows the regular ones",
            new Case(List.of(regular("a"), finalProcess("f")), List.of(), DEFAULTS,
                statuses("a", failed(1), "f", ended(SUCCEEDED)), null, NOW.minusSeconds(1),
                plan(Stage.DONE, List.of(), List.of(), null, new Outcome(State.TASK_FAILED, "Process 'a' failed with exit code 3")))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("plans")
  void plansTheNextStep(Case situation) {
    TaskPlanner planner = new TaskPlanner(situation.specs(),
        new ProcessOrder(situation.specs().stream().map(ProcessSpec::name).toList(), situation.orders()), situation.limits());

    Plan plan = planner.plan(new Snapshot(situation.statuses(), situation.killReason(), situation.finalizingSince()), NOW);

    assertThat(plan).isEqualTo(situation.expected());
  }

  /** What a run's end makes of a process: spec, standing before, exit code (null: no spawn), killed, expected. */
  static Stream<Arguments> runEnds() {
    return Stream.of(
        Arguments.of(Named.of("exit 0 succeeds", regular("a")), retry(0, 0), 0, false, SUCCEEDED, 0),
        Arguments.of(Named.of("a daemon exiting 0 runs again", daemon("a")), retry(0, 0), 0, false, WAITING, 0),
        Arguments.of(Named.of("a failure with retries left waits for the next run", retrying("a", 3, 0)), retry(0, 0), 1, false, WAITING, 1),
        Arguments.of(Named.of("the max_failures-th failure is FAILED", retrying("a", 3, 0)), retry(2, 0), 1, false, FAILED, 3),
        Arguments.of(Named.of("max_failures 0 retries forever", retrying("a", 0, 0)), retry(99, 0), 1, false, WAITING, 100),
        Arguments.of(Named.of("a spawn failure counts as a failure", regular("a")), retry(0, 0), null, false, FAILED, 1),
        Arguments.of(Named.of("a killed run is KILLED whatever its code", daemon("a")), retry(0, 0), 0, true, KILLED, 0));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("runEnds")
  void decidesWhatARunsEndMeans(ProcessSpec spec, ProcessStatus before, Integer code, boolean killed, ProcessState state, int failures) {
    TaskPlanner planner = new TaskPlanner(List.of(spec), new ProcessOrder(List.of(spec.name()), List.of()), DEFAULTS);

    ProcessStatus after = planner.afterRun(spec.name(), before, code, "with exit code " + code, killed);

    assertThat(after.state()).isEqualTo(state);
    assertThat(after.failures()).isEqualTo(failures);
    assertThat(after.runs()).isEqualTo(before.runs());
  }

  private static Arguments named(String name, Case situation) {
    return Arguments.of(Named.of(name, situation));
  }

  private static Plan plan(Stage stage, List<String> start, List<String> kill, Instant wakeAt, Outcome outcome) {
    return new Plan(stage, start, kill, wakeAt, outcome);
  }

  private static ProcessSpec regular(String name) {
    return new ProcessSpec(name, "true", 1, false, false, Duration.ZERO, false);
  }

  private static ProcessSpec retrying(String name, int maxFailures, int minDurationSeconds) {
    return new ProcessSpec(name, "true", maxFailures, false, false, Duration.ofSeconds(minDurationSeconds), false);
  }

  private static ProcessSpec daemon(String name) {
    return new ProcessSpec(name, "true", 1, true, false, Duration.ZERO, false);
  }

  private static ProcessSpec ephemeral(String name) {
    return new ProcessSpec(name, "true", 1, false, true, Duration.ZERO, false);
  }

  private static ProcessSpec finalProcess(String name) {
    return new ProcessSpec(name, "true", 1, false, false, Duration.ZERO, true);
  }

  private static ProcessStatus waiting() {
    return ProcessStatus.INITIAL;
  }

  private static ProcessStatus running() {
    return ProcessStatus.INITIAL.starting(NOW.minusSeconds(60)).running(4242);
  }

  /** Waiting again after {@code failures} failed runs, the last started {@code secondsAgo}. */
  private static ProcessStatus retry(int failures, int secondsAgo) {
    return new ProcessStatus(WAITING, failures, failures, failures == 0 && secondsAgo == 0 ? null : NOW.minusSeconds(secondsAgo),
        4242L, failures == 0 ? null : 3, failures == 0 ? null : "with exit code 3");
  }

  private static ProcessStatus failed(int failures) {
    return new ProcessStatus(FAILED, failures, failures, NOW.minusSeconds(60), 4242L, 3, "with exit code 3");
  }

  private static ProcessStatus ended(ProcessState state) {
    return running().ended(state, 0, state == SUCCEEDED ? 0 : 143, state == SUCCEEDED ? "with exit code 0" : "killed");
  }

  private static Map<String, ProcessStatus> statuses(Object... nameThenStatus) {
    Map<String, ProcessStatus> statuses = new LinkedHashMap<>();
    for (int i = 0; i < nameThenStatus.length; i += 2) {
      statuses.put((String) nameThenStatus[i], (ProcessStatus) nameThenStatus[i + 1]);
    }
    return statuses;
  }
}
