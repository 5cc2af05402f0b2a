package io.borealis.executor;

import static io.borealis.testing.Eventually.within;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.borealis.mesos.wire.AgentId;
import io.borealis.mesos.wire.DurationInfo;
import io.borealis.mesos.wire.ExecutorEvent;
import io.borealis.mesos.wire.KillPolicy;
import io.borealis.mesos.wire.TaskId;
import io.borealis.mesos.wire.TaskInfo;
import io.borealis.mesos.wire.TaskStatus.State;
import io.vertx.core.Vertx;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.RetryOneTime;
import org.apache.curator.test.TestingServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A task with {@code announce} joins its ServerSet in a real (in-JVM) ZooKeeper while it runs. */
class ServerSetAnnouncementTest {
  private static final TaskId TASK = TaskId.of("www-data-prod-web-2-3c9d");
  private static final Duration WAIT = Duration.ofSeconds(30);

  @TempDir Path sandbox;
  private TestingServer zookeeper;
  private CuratorFramework observer;
  private Vertx vertx;
  private FakeExecutorAgent agent;
  private Process executor;

  @BeforeEach
  void startZooKeeper() throws Exception {
    zookeeper = new TestingServer(true);
    observer = CuratorFrameworkFactory.newClient(zookeeper.getConnectString(), new RetryOneTime(100));
    observer.start();
    vertx = Vertx.vertx();
  }

  @AfterEach
  void stopAll() throws Exception {
    ExecutorHarness.stop(executor, agent, sandbox);
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    observer.close();
    zookeeper.close();
  }

  @Test
  void aRunningTaskIsAnEphemeralMemberWithServerSetJsonUntilItIsKilled() throws Exception {
    start("{\"primary_port\":\"http\",\"portmap\":{\"aurora\":\"http\",\"admin\":\"health\"}}");
    assertThat(ExecutorHarness.nextUpdate(agent, TASK).state()).isEqualTo(State.TASK_STARTING);
    assertThat(ExecutorHarness.nextUpdate(agent, TASK).state()).isEqualTo(State.TASK_RUNNING);

    String serverSet = "/aurora/www-data/prod/web";
    List<String> members = awaitMembers(serverSet, 1);
    assertThat(members.get(0)).startsWith("member_");
    assertThat(observer.checkExists().forPath(serverSet + "/" + members.get(0)).getEphemeralOwner()).isNotZero();
    String json = new String(observer.getData().forPath(serverSet + "/" + members.get(0)), StandardCharsets.UTF_8);
    String host = FakeExecutorAgent.HOSTNAME;
    assertThat(new ObjectMapper().readTree(json)).isEqualTo(new ObjectMapper().readTree("""
        {"serviceEndpoint": {"host": "%1$s", "port": 31080},
         "additionalEndpoints": {"http": {"host": "%1$s", "port": 31080}, "health": {"host": "%1$s", "port": 31081},
                                 "aurora": {"host": "%1$s", "port": 31080}, "admin": {"host": "%1$s", "port": 31081}},
         "status": "ALIVE", "shard": 2}""".formatted(host)));

    agent.send(ExecutorEvent.kill(TASK, new KillPolicy(DurationInfo.of(Duration.ofSeconds(2)))));

    assertThat(ExecutorHarness.nextUpdate(agent, TASK).state()).isEqualTo(State.TASK_KILLED);
    awaitMembers(serverSet, 0);
    ExecutorHarness.assertExitsWith(executor, 0);
  }

  @Test
  void zkPathReplacesTheDefaultServerSetAndTheDefaultPortmapNamesThePrimaryPort() throws Exception {
    start("{\"zk_path\":\"/services/web\"}");
    assertThat(ExecutorHarness.nextUpdate(agent, TASK).state()).isEqualTo(State.TASK_STARTING);
    assertThat(ExecutorHarness.nextUpdate(agent, TASK).state()).isEqualTo(State.TASK_RUNNING);

    String member = "/services/web/" + awaitMembers("/services/web", 1).get(0);
    var node = new ObjectMapper().readTree(observer.getData().forPath(member));
    assertThat(node.path("serviceEndpoint").path("port").asInt()).isEqualTo(31080);
    assertThat(node.path("additionalEndpoints").path("aurora").path("port").asInt()).isEqualTo(31080);
  }

  private void start(String announce) throws Exception {
    String payload = "{\"role\":\"www-data\",\"environment\":\"prod\",\"name\":\"web\",\"instance\":2,"
        + "\"ports\":{\"http\":31080,\"health\":31081},\"announce\":" + announce + ","
        + "\"zk_ensemble\":\"" + zookeeper.getConnectString() + "\","
        + "\"task\":{\"name\":\"web\",\"processes\":[{\"name\":\"server\",\"cmdline\":\"exec sleep 300\"}]}}";
    agent = new FakeExecutorAgent(vertx, new TaskInfo("web", TASK, AgentId.of("fake-agent-S0"), null, null, null, null,
        payload.getBytes(StandardCharsets.UTF_8)));
    agent.start();
    // Short lifecycle waits: nothing listens on the health port, so the POSTs fail at once anyway.
    executor = ExecutorHarness.start(agent, sandbox, Map.of("BOREALIS_GRACEFUL_SHUTDOWN_WAIT", "100ms",
        "BOREALIS_SHUTDOWN_WAIT", "100ms"));
  }

  /** The members of {@code serverSet} once there are {@code count} of them. */
  private List<String> awaitMembers(String serverSet, int count) throws Exception {
    return within(WAIT, count + " member(s) of " + serverSet)
        .until(() -> observer.checkExists().forPath(serverSet) == null ? List.<String>of() : observer.getChildren().forPath(serverSet),
            members -> members.size() == count);
  }
}
