package io.borealis.devcluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.borealis.mesos.wire.CommandInfo;
import io.borealis.mesos.wire.Filters;
import io.borealis.mesos.wire.FrameworkId;
import io.borealis.mesos.wire.FrameworkInfo;
import io.borealis.mesos.wire.Offer;
import io.borealis.mesos.wire.Resource;
import io.borealis.mesos.wire.SchedulerCall;
import io.borealis.mesos.wire.SchedulerEvent;
import io.borealis.mesos.wire.TaskId;
import io.borealis.mesos.wire.TaskInfo;
import io.borealis.mesos.wire.TaskStatus;
import io.borealis.mesos.wire.TaskStatus.State;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The dev cluster broken on purpose through its {@code /devcluster/faults/...} endpoint, each fault
 * seen by a framework written from the Mesos docs: streams cut, heartbeats withheld, 503 and 307,
 * a master restart that keeps the agents' tasks, and an agent partitioned (its tasks UNREACHABLE or
 * LOST, its offers rescinded, an AGENT failure) then healed (it re-registers with its tasks running).
 */
@Timeout(120)
class FaultInjectionTest {
  private static final Duration PING_TIMEOUT = Duration.ofSeconds(1);

  @TempDir
  Path dir;
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private Vertx vertx;
  private DevCluster cluster;

  private void startCluster(boolean faults) throws Exception {
    vertx = Vertx.vertx();
    Files.setPosixFilePermissions(dir, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
    List<AgentSpec> agents = List.of(
        AgentSpec.parse("agent-a", 0, "cpus:2;mem:2048;disk:2048;ports:[31000-31010]", Map.of()),
        AgentSpec.parse("agent-b", 0, "cpus:2;mem:2048;disk:2048;ports:[31000-31010]", Map.of()));
    var settings = new AgentVerticle.AgentSettings("127.0.0.1", Duration.ofMillis(500), Duration.ofSeconds(30), Duration.ofSeconds(1));
    MasterSettings master = MasterSettings.withHeartbeat(Duration.ofMillis(300)).withAgentPingTimeout(PING_TIMEOUT).withFaults(faults);
    cluster = DevCluster.start(vertx, "127.0.0.1", 0, agents, dir, master, settings)
        .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @AfterEach
  void stop() throws Exception {
    if (vertx != null) {
      vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }
  }

  private HttpResponse<String> fault(String pathAndQuery) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(cluster.masterUrl() + "/devcluster/faults/" + pathAndQuery))
        .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> subscribeRaw() throws Exception {
    String body = "{\"type\": \"SUBSCRIBE\", \"subscribe\": {\"framework_info\": {\"user\": \"nobody\", \"name\": \"raw\"}}}";
    return http.send(HttpRequest.newBuilder(URI.create(cluster.masterUrl() + "/api/v1/scheduler"))
        .header("Content-Type", "application/json").timeout(Duration.ofSeconds(5))
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  /** The status a SUBSCRIBE gets; a 200's stream is closed at once, having told what was wanted. */
  private int subscribeStatus() throws Exception {
    String body = "{\"type\": \"SUBSCRIBE\", \"subscribe\": {\"framework_info\": {\"user\": \"nobody\", \"name\": \"raw\"}}}";
    HttpResponse<java.io.InputStream> response = http.send(HttpRequest.newBuilder(URI.create(cluster.masterUrl() + "/api/v1/scheduler"))
        .header("Content-Type", "application/json").timeout(Duration.ofSeconds(5))
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofInputStream());
    response.body().close();
    return response.statusCode();
  }

  private static FrameworkInfo info(FrameworkId id, boolean partitionAware) {
    return new FrameworkInfo("nobody", "faulty", id, 3600.0, false, null,
        partitionAware ? List.of(new FrameworkInfo.Capability("PARTITION_AWARE")) : null, null, null);
  }

  @Test
  void noFaultEndpointUnlessAskedFor() throws Exception {
    startCluster(false);
    HttpResponse<String> response = fault("cut-streams");
    assertThat(response.statusCode()).isEqualTo(404);
  }

  @Test
  void aCutStreamEndsAndTheFrameworkSubscribesAgainWithItsId() throws Exception {
    startCluster(true);
    try (TestFramework framework = new TestFramework(cluster.masterUrl())) {
      framework.subscribe(info(null, true));
      FrameworkId id = framework.id;
      assertThat(fault("cut-streams").statusCode()).isEqualTo(200);
      assertThat(framework.awaitEnd(Duration.ofSeconds(5))).isTrue();
      assertThat(framework.subscribe(info(id, true)).subscribed().frameworkId()).isEqualTo(id);
    }
  }

  @Test
  void withheldHeartbeatsLeaveTheStreamSilentThenResume() throws Exception {
    startCluster(true);
    try (TestFramework framework = new TestFramework(cluster.masterUrl())) {
      framework.subscribe(info(null, true));
      framework.next(SchedulerEvent.Type.HEARTBEAT);
      JsonObject state = new JsonObject(fault("withhold-heartbeats?seconds=1.5").body());
      assertThat(state.getString("heartbeats_withheld_until")).isNotNull();
      long start = System.nanoTime();
      framework.next(SchedulerEvent.Type.HEARTBEAT);
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThan(Duration.ofMillis(1100));
    }
  }

  @Test
  void theSchedulerEndpointAnswers503Then307ForAWhile() throws Exception {
    startCluster(true);
    try (TestFramework framework = new TestFramework(cluster.masterUrl())) {
      framework.subscribe(info(null, true));
      fault("unavailable?seconds=1");
      assertThat(framework.awaitEnd(Duration.ofSeconds(5))).as("the open stream is cut").isTrue();
      HttpResponse<String> unavailable = subscribeRaw();
      assertThat(unavailable.statusCode()).isEqualTo(503);
      assertThat(unavailable.body()).isEqualTo("No leader elected");

      fault("redirect?seconds=1&location=//leader.example:5050/api/v1/scheduler");
      HttpResponse<String> redirected = subscribeRaw();
      assertThat(redirected.statusCode()).isEqualTo(307);
      assertThat(redirected.headers().firstValue("Location")).hasValue("//leader.example:5050/api/v1/scheduler");
      fault("clear");
      assertThat(framework.subscribe(info(framework.id, true)).type()).isEqualTo(SchedulerEvent.Type.SUBSCRIBED);
    }
  }

  @Test
  void aRestartedMasterForgetsFrameworksButNotTheAgentsTasks() throws Exception {
    startCluster(true);
    try (TestFramework framework = new TestFramework(cluster.masterUrl())) {
      SchedulerEvent subscribed = framework.subscribe(info(null, true));
      launchSleeper(framework, "kept");
      assertThat(fault("restart-master?downtime_seconds=0.5&recovery_seconds=0.5").statusCode()).isEqualTo(200);
      assertThat(framework.awaitEnd(Duration.ofSeconds(5))).isTrue();
      SchedulerEvent again = null;
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (again == null) {
        assertThat(System.nanoTime()).as("the master is back within 10 s").isLessThan(deadline);
        try {
          if (subscribeStatus() == 200) {
            again = framework.subscribe(info(framework.id, true));
          }
        } catch (java.io.IOException down) {
          // Refused while the master is down, or a pooled connection the restart closed.
        }
        Thread.sleep(100);
      }
      assertThat(again.subscribed().frameworkId()).isEqualTo(subscribed.subscribed().frameworkId());
      assertThat(again.subscribed().masterInfo().id()).isNotEqualTo(subscribed.subscribed().masterInfo().id());
      framework.call(SchedulerCall.reconcile(framework.id, List.of()));
      framework.awaitState(TaskId.of("kept"), State.TASK_RUNNING, Duration.ofSeconds(10));
    }
  }

  @Test
  void aRestartedMasterAnswers503UntilItHasRecovered() throws Exception {
    startCluster(true);
    assertThat(fault("restart-master?downtime_seconds=0.2&recovery_seconds=2").statusCode()).isEqualTo(200);
    HttpResponse<String> recovering = null;
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    // The old master may still answer (400) for a moment after the fault's own answer.
    while ((recovering == null || recovering.statusCode() != 503) && System.nanoTime() < deadline) {
      try {
        Thread.sleep(20);
        // A call that cannot hang on a stream: normally 400 "Framework cannot be found".
        recovering = http.send(HttpRequest.newBuilder(URI.create(cluster.masterUrl() + "/api/v1/scheduler"))
            .header("Content-Type", "application/json").timeout(Duration.ofSeconds(5))
            .POST(HttpRequest.BodyPublishers.ofString("{\"type\": \"REVIVE\", \"framework_id\": {\"value\": \"nobody-0000\"}}")).build(),
            HttpResponse.BodyHandlers.ofString());
      } catch (java.io.IOException down) {
        Thread.sleep(50);
      }
    }
    assertThat(recovering).as("the master listens again").isNotNull();
    // As Mesos' Master::Http::scheduler answers before it looks at the request at all.
    assertThat(recovering.statusCode()).isEqualTo(503);
    assertThat(recovering.body()).isEqualTo("Master has not finished recovery");
    assertThat(recovering.headers().firstValue("Content-Type")).hasValue("text/plain; charset=utf-8");
    JsonObject state = new JsonObject(http.send(HttpRequest.newBuilder(URI.create(cluster.masterUrl() + "/devcluster/faults")).build(),
        HttpResponse.BodyHandlers.ofString()).body());
    assertThat(state.getJsonObject("refusing").getString("message")).isEqualTo("Master has not finished recovery");

    int recovered = 503;
    while (recovered == 503 && System.nanoTime() < deadline) {
      Thread.sleep(100);
      recovered = subscribeStatus();
    }
    assertThat(recovered).as("recovered within the window").isEqualTo(200);
  }

  @Test
  void replacedStreamIdsMakeEveryCallOnTheOldStreamStale() throws Exception {
    startCluster(true);
    try (TestFramework framework = new TestFramework(cluster.masterUrl())) {
      framework.subscribe(info(null, true));
      String old = framework.streamId;
      assertThat(fault("replace-stream-ids").statusCode()).isEqualTo(200);
      HttpResponse<String> stale = framework.callRaw(SchedulerCall.reconcile(framework.id, List.of()));
      assertThat(stale.statusCode()).isEqualTo(400);
      // Fixture 68's wording.
      assertThat(stale.body()).isEqualTo("The stream ID '" + old + "' included in this request didn't match the stream ID "
          + "currently associated with framework ID " + framework.id.value());
      assertThat(framework.subscribe(info(framework.id, true)).type()).as("a new subscription is served").isEqualTo(SchedulerEvent.Type.SUBSCRIBED);
      assertThat(framework.callRaw(SchedulerCall.reconcile(framework.id, List.of())).statusCode()).isEqualTo(202);
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"cut-streamz", "withhold-heartbeats", "withhold-heartbeats?seconds=soon", "cut-streams?seconds=1",
      "partition-agent", "restart-master?downtime=1"})
  void aMistakenFaultIsRefusedSayingWhatIsWrong(String fault) throws Exception {
    startCluster(true);
    HttpResponse<String> refused = fault(fault);
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body()).containsAnyOf("unknown fault 'cut-streamz'; known: cut-streams, replace-stream-ids",
        "'seconds' (a number of seconds) is required", "'seconds' must be a number of seconds, got 'soon'",
        "fault 'cut-streams' has no parameter 'seconds'; it takes none", "'agent' (an agent id or hostname) is required",
        "fault 'restart-master' has no parameter 'downtime'; it takes downtime_seconds, recovery_seconds");
  }

  @ParameterizedTest(name = "partition-aware: {0}")
  @ValueSource(booleans = {true, false})
  void aPartitionedAgentsTasksAreReportedAndItsOffersRescindedThenItComesBackWithThem(boolean partitionAware) throws Exception {
    startCluster(true);
    try (TestFramework framework = new TestFramework(cluster.masterUrl())) {
      framework.subscribe(info(null, partitionAware));
      Offer used = launchSleeper(framework, "cut-off");
      // What the task left of its agent comes back as an offer, which the partition will rescind.
      framework.seen.removeIf(e -> e.type() == SchedulerEvent.Type.OFFERS && e.offers().offers().contains(used));
      Offer leftover = framework.offerOf(used.agentId());

      assertThat(fault("partition-agent?agent=" + used.hostname()).statusCode()).isEqualTo(200);
      State expected = partitionAware ? State.TASK_UNREACHABLE : State.TASK_LOST;
      TaskStatus reported = framework.awaitState(TaskId.of("cut-off"), expected, Duration.ofSeconds(10));
      assertThat(reported.source()).isEqualTo(TaskStatus.Source.SOURCE_MASTER);
      assertThat(reported.reason()).isEqualTo(TaskStatus.Reason.REASON_AGENT_REMOVED);
      assertThat(reported.uuid()).as("master-made updates are not acknowledged").isNull();
      assertThat(framework.seen).anyMatch(e -> e.type() == SchedulerEvent.Type.RESCIND && e.rescind().offerId().equals(leftover.id()));
      SchedulerEvent failure = framework.next(SchedulerEvent.Type.FAILURE, e -> true, Duration.ofSeconds(5));
      assertThat(failure.failure().agentId()).isEqualTo(used.agentId());
      assertThat(failure.failure().executorId()).isNull();

      framework.call(SchedulerCall.reconcile(framework.id, List.of(new SchedulerCall.ReconcileTask(TaskId.of("cut-off"), used.agentId()))));
      framework.awaitState(TaskId.of("cut-off"), expected, Duration.ofSeconds(5));

      fault("heal-agent?agent=" + used.agentId().value());
      // The agent re-registers at the master's next look; reconciling then shows the task still runs.
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      TaskStatus latest = reported;
      while (latest.state() != State.TASK_RUNNING && System.nanoTime() < deadline) {
        Thread.sleep(200);
        framework.call(SchedulerCall.reconcile(framework.id, List.of()));
        latest = framework.next(SchedulerEvent.Type.UPDATE, e -> e.update().status().taskId().value().equals("cut-off"),
            Duration.ofSeconds(5)).update().status();
      }
      assertThat(latest.state()).isEqualTo(State.TASK_RUNNING);
      framework.call(SchedulerCall.kill(framework.id, TaskId.of("cut-off"), used.agentId()));
      framework.awaitState(TaskId.of("cut-off"), State.TASK_KILLED, Duration.ofSeconds(10));
    }
  }

  private Offer launchSleeper(TestFramework framework, String taskId) throws Exception {
    Offer offer = framework.nextOffer();
    TaskInfo task = new TaskInfo(taskId, TaskId.of(taskId), offer.agentId(),
        List.of(Resource.scalar("cpus", 0.1), Resource.scalar("mem", 32)), null, CommandInfo.shell("sleep 604"), null, null);
    framework.call(SchedulerCall.launch(framework.id, List.of(offer.id()), List.of(task), Filters.refuseSeconds(0)));
    framework.awaitState(TaskId.of(taskId), State.TASK_RUNNING, Duration.ofSeconds(20));
    return offer;
  }
}
