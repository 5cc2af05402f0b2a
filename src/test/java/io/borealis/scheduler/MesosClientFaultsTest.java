package io.borealis.scheduler;

import static io.borealis.testing.Eventually.within;
import static org.assertj.core.api.Assertions.assertThat;

import io.borealis.events.BusAddresses;
import io.borealis.events.MesosCommands;
import io.borealis.mesos.wire.AgentId;
import io.borealis.mesos.wire.SchedulerCall;
import io.borealis.mesos.wire.SchedulerEvent;
import io.borealis.mesos.wire.TaskId;
import io.borealis.mesos.wire.TaskStatus;
import io.borealis.mesos.wire.Uuids;
import io.borealis.testing.RecordingMaster;
import io.micrometer.core.instrument.Counter;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The scheduler's Mesos client against a master in trouble, through real HTTP: redirects to the
 * leader, 503 while no leader is elected, transient and permanent refusals of calls.
 */
class MesosClientFaultsTest {
  private static final Predicate<SchedulerCall> SUBSCRIBE = c -> c.type() == SchedulerCall.Type.SUBSCRIBE;
  private SchedulerOnRecordingMaster scheduler;
  private RecordingMaster leader;
  private final io.vertx.core.Vertx leaderVertx = io.vertx.core.Vertx.vertx();

  @AfterEach
  void stop() throws Exception {
    if (leader != null) {
      leader.close();
    }
    scheduler.close();
    SchedulerOnRecordingMaster.await(leaderVertx.close());
  }

  private static Predicate<SchedulerCall> is(SchedulerCall.Type type) {
    return c -> c.type() == type;
  }

  private double failures(String call, String status) {
    Counter counter = scheduler.registry.find("borealis.mesos.call.failures").tag("call", call).tag("status", status).counter();
    return counter == null ? 0 : counter.count();
  }

  /** A scheduler whose configured master redirects every SUBSCRIBE to a second master, the leader. */
  private void startRedirectedToLeader(boolean protocolRelative) throws Exception {
    RecordingMaster[] second = new RecordingMaster[1];
    scheduler = SchedulerOnRecordingMaster.start(false, s -> s, master -> {
      try {
        second[0] = RecordingMaster.start(leaderVertx);
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
      String hostPort = second[0].url().substring("http:".length());
      master.redirect(SUBSCRIBE, 1000, (protocolRelative ? "" : "http:") + hostPort + "/api/v1/scheduler");
    }, false);
    leader = second[0];
  }

  @Test
  void followsAnAbsoluteRedirectToTheLeaderAndSendsCallsThere() throws Exception {
    startRedirectedToLeader(false);
    SchedulerCall subscribe = leader.awaitCall(SUBSCRIBE, "SUBSCRIBE at the leader");
    assertThat(subscribe.subscribe().frameworkInfo().name()).isEqualTo("Borealis");
    leader.awaitCall(is(SchedulerCall.Type.RECONCILE), "the RECONCILE after subscribing, at the leader");
    assertThat(scheduler.awaitConnection(MesosCommands.Connection::subscribed, "subscribed").master()).isEqualTo(leader.url());
    assertThat(scheduler.master.refusals()).extracting(r -> r.status()).containsOnly(307);
  }

  @Test
  void followsAProtocolRelativeRedirectAndReSubscribesAtTheLeaderAfterACut() throws Exception {
    startRedirectedToLeader(true);
    leader.awaitCall(SUBSCRIBE, "SUBSCRIBE at the leader");
    scheduler.awaitConnection(MesosCommands.Connection::subscribed, "subscribed");
    int redirectsBefore = scheduler.master.refusals().size();

    leader.cutStream();
    SchedulerCall again = leader.awaitCall(SUBSCRIBE, "a re-SUBSCRIBE at the leader after the cut");
    assertThat(again.frameworkId()).isEqualTo(RecordingMaster.FRAMEWORK);
    assertThat(scheduler.master.refusals()).as("the cut stream's leader is asked first, not the configured master").hasSize(redirectsBefore);
  }

  @Test
  void retriesA503SubscriptionWithGrowingJitteredBackoff() throws Exception {
    scheduler = SchedulerOnRecordingMaster.start(false, s -> s,
        master -> master.refuse(SUBSCRIBE, 4, 503, "No leader elected"), true);
    List<RecordingMaster.Refusal> refused = scheduler.master.refusals();
    assertThat(refused).hasSize(4);
    // Windows of 250, 500, 1000 ms: the delays are 125-250, 250-500 and 500-1000 ms, so the third
    // is longer than the first whatever the jitter.
    long first = refused.get(1).nanoTime() - refused.get(0).nanoTime();
    long third = refused.get(3).nanoTime() - refused.get(2).nanoTime();
    assertThat(Duration.ofNanos(first)).isBetween(Duration.ofMillis(120), Duration.ofMillis(400));
    assertThat(third).isGreaterThan(first);
    assertThat(Duration.ofNanos(third)).isGreaterThanOrEqualTo(Duration.ofMillis(490));
    scheduler.awaitConnection(MesosCommands.Connection::subscribed, "subscribed after the master recovered");
  }

  @Test
  void saysWhyWhileTheMasterAnswers503() throws Exception {
    scheduler = SchedulerOnRecordingMaster.start(false, s -> s,
        master -> master.refuse(SUBSCRIBE, 1000, 503, "No leader elected"), false);
    MesosCommands.Connection connection = scheduler.awaitConnection(c -> c.problem() != null && c.problem().contains("503"),
        "the 503 as its problem");
    assertThat(connection.problem()).contains("No leader elected");
    assertThat(connection.fatal()).as("no leader yet is transient").isFalse();
  }

  @Test
  void retriesATransientlyRefusedKillAndCountsNothing() throws Exception {
    scheduler = SchedulerOnRecordingMaster.start(false);
    scheduler.awaitConnection(MesosCommands.Connection::subscribed, "subscribed");
    scheduler.master.refuse(is(SchedulerCall.Type.KILL), 2, 503, "Master is not ready");
    scheduler.vertx.eventBus().send(BusAddresses.MESOS, new MesosCommands.Kill("task-1", "S1"));

    SchedulerCall kill = scheduler.master.awaitCall(is(SchedulerCall.Type.KILL), "the KILL, third time lucky");
    assertThat(kill.kill().taskId().value()).isEqualTo("task-1");
    assertThat(scheduler.master.refusals()).hasSize(2);
    assertThat(failures("KILL", "503")).isZero();
  }

  @Test
  void givesUpOnATransientFailureAfterBoundedRetriesAndCountsIt() throws Exception {
    scheduler = SchedulerOnRecordingMaster.start(false);
    scheduler.awaitConnection(MesosCommands.Connection::subscribed, "subscribed");
    scheduler.master.refuse(is(SchedulerCall.Type.REVIVE), 1000, 500, "Internal error");
    scheduler.vertx.eventBus().send(BusAddresses.MESOS, new MesosCommands.Revive());

    awaitCount("REVIVE", "500");
    assertThat(scheduler.master.refusals()).as("the first attempt and three retries").hasSize(4);
  }

  @Test
  void countsAPermanentRefusalOnceWithoutRetrying() throws Exception {
    scheduler = SchedulerOnRecordingMaster.start(false);
    scheduler.awaitConnection(MesosCommands.Connection::subscribed, "subscribed");
    // Not a stale subscription (that re-subscribes): a call the master will refuse however often it is sent.
    scheduler.master.refuse(is(SchedulerCall.Type.DECLINE), 1000, 400, "Failed to validate scheduler::Call: Expecting 'decline' to be present");
    scheduler.vertx.eventBus().send(BusAddresses.MESOS, new MesosCommands.Decline(List.of("offer-1")));

    awaitCount("DECLINE", "400");
    Thread.sleep(500);
    assertThat(scheduler.master.refusals()).hasSize(1);
  }

  @Test
  void neverSendsALaunchTwice() throws Exception {
    scheduler = SchedulerOnRecordingMaster.start(false);
    scheduler.awaitConnection(MesosCommands.Connection::subscribed, "subscribed");
    scheduler.master.refuse(is(SchedulerCall.Type.ACCEPT), 1000, 503, "Master is not ready");
    scheduler.vertx.eventBus().send(BusAddresses.MESOS, new MesosCommands.Launch(List.of("offer-1"), "S1", List.of()));

    awaitCount("ACCEPT", "503");
    Thread.sleep(500);
    assertThat(scheduler.master.refusals()).hasSize(1);
  }

  @Test
  void reSubscribesWhenACallIsRedirected() throws Exception {
    scheduler = SchedulerOnRecordingMaster.start(false);
    scheduler.awaitConnection(MesosCommands.Connection::subscribed, "subscribed");
    scheduler.master.redirect(is(SchedulerCall.Type.REVIVE), 1, scheduler.master.url() + "/api/v1/scheduler");
    scheduler.vertx.eventBus().send(BusAddresses.MESOS, new MesosCommands.Revive());

    scheduler.master.awaitCall(SUBSCRIBE, "a re-SUBSCRIBE after the master said it no longer leads");
  }

  @org.junit.jupiter.params.ParameterizedTest(name = "{0} {1}")
  @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
      "403|Framework is not subscribed",
      "400|Framework cannot be found",
      "400|The stream ID 'old' included in this request didn't match the stream ID currently associated with framework ID f-0000"})
  void reSubscribesAndReconcilesWhenACallSaysTheSubscriptionIsStale(int status, String body) throws Exception {
    scheduler = SchedulerOnRecordingMaster.start(false);
    scheduler.awaitConnection(MesosCommands.Connection::subscribed, "subscribed");
    scheduler.master.awaitCall(is(SchedulerCall.Type.RECONCILE), "the RECONCILE after the first SUBSCRIBE");
    scheduler.master.drainCalls();
    scheduler.master.refuse(is(SchedulerCall.Type.REVIVE), 1, status, body);
    scheduler.vertx.eventBus().send(BusAddresses.MESOS, new MesosCommands.Revive());

    SchedulerCall again = scheduler.master.awaitCall(SUBSCRIBE, "a re-SUBSCRIBE after " + status + " " + body);
    assertThat(again.frameworkId()).as("with the framework id it has").isEqualTo(RecordingMaster.FRAMEWORK);
    scheduler.master.awaitCall(is(SchedulerCall.Type.RECONCILE), "a RECONCILE after re-subscribing");
    assertThat(failures("REVIVE", Integer.toString(status))).as("still counted").isEqualTo(1);
  }

  @Test
  void doesNotReSubscribeForARefusalThatIsNotAboutTheSubscription() throws Exception {
    scheduler = SchedulerOnRecordingMaster.start(false);
    scheduler.awaitConnection(MesosCommands.Connection::subscribed, "subscribed");
    scheduler.master.drainCalls();
    scheduler.master.refuse(is(SchedulerCall.Type.REVIVE), 1, 400, "All non-subscribe calls should include the 'Mesos-Stream-Id' header");
    scheduler.vertx.eventBus().send(BusAddresses.MESOS, new MesosCommands.Revive());

    awaitCount("REVIVE", "400");
    Thread.sleep(500);
    assertThat(scheduler.master.drainCalls()).noneMatch(SUBSCRIBE);
  }

  private void awaitCount(String call, String status) {
    within(Duration.ofSeconds(10), "a " + call + " failure with status " + status + " counted").until(() -> failures(call, status) >= 1);
    assertThat(failures(call, status)).isEqualTo(1);
  }

  @Test
  void acknowledgementsTheMasterDoesNotAnswerNeverHoldUpOtherCalls() throws Exception {
    scheduler = SchedulerOnRecordingMaster.start(false);
    scheduler.awaitConnection(MesosCommands.Connection::subscribed, "subscribed");
    scheduler.master.hold(is(SchedulerCall.Type.ACKNOWLEDGE));
    int updates = 40; // more than all the connections for calls together
    for (int i = 0; i < updates; i++) {
      scheduler.master.send(SchedulerEvent.update(TaskStatus.of(TaskId.of("gone-" + i), TaskStatus.State.TASK_FINISHED,
          TaskStatus.Source.SOURCE_EXECUTOR, "done").withUuid(Uuids.random()).withOrigin(AgentId.of("agent-1"), null, 0)));
    }
    List<SchedulerCall> acknowledged = new java.util.ArrayList<>();
    while (acknowledged.size() < 16) {
      acknowledged.add(scheduler.master.awaitCall(is(SchedulerCall.Type.ACKNOWLEDGE), "ACKNOWLEDGEs filling their connections"));
    }
    scheduler.vertx.eventBus().send(BusAddresses.MESOS, new MesosCommands.Revive());
    scheduler.master.awaitCall(is(SchedulerCall.Type.REVIVE), "a REVIVE while " + updates + " ACKNOWLEDGEs wait for answers");
  }
}
