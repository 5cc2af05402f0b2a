package io.borealis.devcluster;

import static io.borealis.testing.Eventually.within;
import static org.assertj.core.api.Assertions.assertThat;

import io.borealis.mesos.wire.Filters;
import io.borealis.mesos.wire.FrameworkId;
import io.borealis.mesos.wire.FrameworkInfo;
import io.borealis.mesos.wire.Offer;
import io.borealis.mesos.wire.SchedulerCall;
import io.borealis.mesos.wire.SchedulerEvent;
import io.borealis.mesos.wire.TaskId;
import io.borealis.mesos.wire.TaskStatus.State;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several frameworks on one dev-cluster master, each a framework written from the Mesos docs: what
 * one declines goes to another, subscriptions the master refuses get one ERROR event, a framework
 * id it does not know is taken as a re-subscription (as after a master failover), and a framework's
 * tasks outlive its disconnection for exactly its failover timeout.
 */
@Timeout(120)
class SharedMasterTest {
  private static final Duration HEARTBEAT = Duration.ofMillis(300);

  @TempDir
  Path dir;
  private OneAgentDevCluster dev;
  private DevCluster cluster;

  @BeforeEach
  void start() throws Exception {
    dev = OneAgentDevCluster.start(dir, MasterSettings.withHeartbeat(HEARTBEAT), OneAgentDevCluster.AGENT);
    cluster = dev.cluster;
  }

  @AfterEach
  void stop() throws Exception {
    dev.close();
  }

  private static FrameworkInfo info(String name, FrameworkId id, double failoverSeconds, List<String> roles) {
    return new FrameworkInfo("nobody", name, id, failoverSeconds, false, roles, null, null, null);
  }

  @Test
  void whatOneFrameworkDeclinesIsOfferedToAnother() throws Exception {
    try (TestFramework first = new TestFramework(cluster.masterUrl()); TestFramework second = new TestFramework(cluster.masterUrl())) {
      first.subscribe(info("first", null, 60, null));
      Offer offer = first.nextOffer();
      second.subscribe(info("second", null, 60, null));
      // The whole agent is held by the first framework's offer: the second gets nothing until it is declined.
      first.call(SchedulerCall.decline(first.id, List.of(offer.id()), Filters.refuseSeconds(60)));
      Offer passedOn = second.nextOffer();
      assertThat(passedOn.agentId()).isEqualTo(offer.agentId());
      assertThat(passedOn.frameworkId()).isEqualTo(second.id);
      // The second declines too, briefly: the agent comes back to it, not to the first, whose filter still holds.
      second.call(SchedulerCall.decline(second.id, List.of(passedOn.id()), Filters.refuseSeconds(0.5)));
      assertThat(second.nextOffer().agentId()).isEqualTo(offer.agentId());
      assertThat(first.types()).containsOnlyOnce(SchedulerEvent.Type.OFFERS);
    }
  }

  @Test
  void heartbeatsComeAtTheConfiguredInterval() throws Exception {
    try (TestFramework framework = new TestFramework(cluster.masterUrl())) {
      SchedulerEvent subscribed = framework.subscribe(info("beats", null, 60, null));
      assertThat(subscribed.subscribed().heartbeatIntervalSeconds()).isEqualTo(0.3);
      long start = System.nanoTime();
      for (int i = 0; i < 5; i++) {
        framework.next(SchedulerEvent.Type.HEARTBEAT);
      }
      // One at once, then one every 300 ms.
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(1000), Duration.ofMillis(3000));
    }
  }

  @Test
  void aRefusedSubscriptionGetsOneErrorEventAndTheStreamEnds() throws Exception {
    try (TestFramework framework = new TestFramework(cluster.masterUrl())) {
      SchedulerEvent first = framework.subscribe(info("bad-role", null, 60, List.of("/test/test1")));
      assertThat(first.type()).isEqualTo(SchedulerEvent.Type.ERROR);
      assertThat(first.error().message()).contains("/test/test1");
      assertThat(framework.awaitEnd(Duration.ofSeconds(5))).isTrue();
      assertThat(framework.seen).hasSize(1);
    }
  }

  @Test
  void anUnknownFrameworkIdIsAcceptedAsAReSubscription() throws Exception {
    try (TestFramework framework = new TestFramework(cluster.masterUrl())) {
      FrameworkId fromAnEarlierMaster = FrameworkId.of("8d2a5b1e-0000-4000-8000-000000000000-0007");
      SchedulerEvent first = framework.subscribe(info("returning", fromAnEarlierMaster, 60, null));
      assertThat(first.type()).isEqualTo(SchedulerEvent.Type.SUBSCRIBED);
      assertThat(first.subscribed().frameworkId()).isEqualTo(fromAnEarlierMaster);
      assertThat(framework.nextOffer().frameworkId()).isEqualTo(fromAnEarlierMaster);
    }
  }

  @Test
  void tasksOutliveADisconnectionWithinTheFailoverTimeoutAndNotAfter() throws Exception {
    FrameworkId id;
    try (TestFramework framework = new TestFramework(cluster.masterUrl())) {
      framework.subscribe(info("failing-over", null, 2.0, null));
      id = framework.id;
      launchSleeper(framework, "survivor");
      framework.disconnect();
    }
    Thread.sleep(500);
    try (TestFramework again = new TestFramework(cluster.masterUrl())) {
      assertThat(again.subscribe(info("failing-over", id, 2.0, null)).subscribed().frameworkId()).isEqualTo(id);
      again.call(SchedulerCall.reconcile(id, List.of()));
      assertThat(again.awaitState(TaskId.of("survivor"), State.TASK_RUNNING, Duration.ofSeconds(10)).message())
          .isEqualTo("Reconciliation: Latest task state");
      again.disconnect();
    }
    // Now it stays away for longer than its failover timeout: Mesos removes it and kills its tasks.
    within(Duration.ofSeconds(15), "the removed framework's tasks killed")
        .untilAsserted(() -> assertThat(liveTasks()).as("tasks of a removed framework").isEmpty());
    try (TestFramework late = new TestFramework(cluster.masterUrl())) {
      SchedulerEvent refused = late.subscribe(info("failing-over", id, 2.0, null));
      assertThat(refused.type()).isEqualTo(SchedulerEvent.Type.ERROR);
      assertThat(refused.error().message()).isEqualTo("Framework has been removed");
      assertThat(late.awaitEnd(Duration.ofSeconds(5))).isTrue();
    }
  }

  private void launchSleeper(TestFramework framework, String taskId) throws Exception {
    Offer offer = framework.nextOffer();
    var task = new io.borealis.mesos.wire.TaskInfo(taskId, TaskId.of(taskId), offer.agentId(),
        List.of(io.borealis.mesos.wire.Resource.scalar("cpus", 0.1), io.borealis.mesos.wire.Resource.scalar("mem", 32)),
        null, io.borealis.mesos.wire.CommandInfo.shell("sleep 602"), null, null);
    framework.call(SchedulerCall.launch(framework.id, List.of(offer.id()), List.of(task), Filters.refuseSeconds(0)));
    framework.awaitState(TaskId.of(taskId), State.TASK_RUNNING, Duration.ofSeconds(20));
  }

  private io.vertx.core.json.JsonArray liveTasks() throws Exception {
    var response = java.net.http.HttpClient.newHttpClient().send(
        java.net.http.HttpRequest.newBuilder(java.net.URI.create(cluster.masterUrl() + "/master/tasks")).build(),
        java.net.http.HttpResponse.BodyHandlers.ofString());
    return new io.vertx.core.json.JsonObject(response.body()).getJsonArray("tasks");
  }
}
