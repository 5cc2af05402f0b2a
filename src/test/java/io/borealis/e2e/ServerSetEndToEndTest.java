package io.borealis.e2e;

import static io.borealis.testing.Eventually.within;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.borealis.testing.TestCluster;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.RetryOneTime;
import org.apache.curator.test.TestingServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code borealis local --zk-ensemble} with a job that announces: each running instance is an
 * ephemeral {@code member_} znode with ServerSet JSON under {@code /aurora/<role>/<env>/<job>}, made
 * by the real executor, and it goes when the task is killed.
 */
class ServerSetEndToEndTest {
  private static final String KEY = "devcluster/www-data/prod/web";
  private static final String SERVER_SET = "/aurora/www-data/prod/web";
  private static final Duration WAIT = Duration.ofSeconds(60);

  @TempDir
  Path dir;
  private TestingServer zookeeper;
  private CuratorFramework observer;
  private TestCluster cluster;

  @BeforeEach
  void start() throws Exception {
    zookeeper = new TestingServer(true);
    observer = CuratorFrameworkFactory.newClient(zookeeper.getConnectString(), new RetryOneTime(100));
    observer.start();
    cluster = TestCluster.start(dir, options -> options.withZkEnsemble(zookeeper.getConnectString()));
  }

  @AfterEach
  void stop() throws Exception {
    if (cluster != null) {
      cluster.close();
    }
    observer.close();
    zookeeper.close();
  }

  @Test
  void eachRunningInstanceIsAServerSetMemberUntilItIsKilled() throws Exception {
    Path config = Files.writeString(dir.resolve("web.aurora"), """
        server = Process(name = 'server', cmdline = 'echo serving on {{thermos.ports[http]}}; exec sleep 600')
        jobs = [Service(cluster = 'devcluster', role = 'www-data', environment = 'prod', name = 'web', instances = 2,
                        announce = Announcer(primary_port = 'http', portmap = {'aurora': 'http'}),
                        task = Task(processes = [server],
                                    resources = Resources(cpu = 0.1, ram = 16*MB, disk = 16*MB)))]
        """);
    var created = cluster.cli("job", "create", KEY, config.toString(), "--wait-until", "RUNNING");
    assertThat(created.exitCode()).as(created.err()).isZero();

    List<String> members = awaitMembers(2);
    JsonObject job = cluster.getJson("/api/v1/jobs/" + KEY);
    ObjectMapper json = new ObjectMapper();
    for (String member : members) {
      assertThat(member).startsWith("member_");
      assertThat(observer.checkExists().forPath(SERVER_SET + "/" + member).getEphemeralOwner())
          .as("an ephemeral node: it goes with the executor's session").isNotZero();
      JsonNode node = json.readTree(observer.getData().forPath(SERVER_SET + "/" + member));
      int shard = node.path("shard").asInt(-1);
      JsonObject task = instance(job, shard);
      int port = task.getJsonObject("ports").getInteger("http");
      String host = task.getString("host");
      assertThat(node).isEqualTo(json.readTree("""
          {"serviceEndpoint": {"host": "%1$s", "port": %2$d},
           "additionalEndpoints": {"http": {"host": "%1$s", "port": %2$d}, "aurora": {"host": "%1$s", "port": %2$d}},
           "status": "ALIVE", "shard": %3$d}""".formatted(host, port, shard)));
    }
    assertThat(members.stream().map(m -> shardOf(json, m)).sorted().toList()).containsExactly(0, 1);

    var killed = cluster.cli("job", "kill", KEY + "/1");
    assertThat(killed.exitCode()).as(killed.err()).isZero();
    List<String> left = awaitMembers(1);
    assertThat(shardOf(json, left.get(0))).as("the killed instance's member is gone, the other's stays").isZero();

    assertThat(cluster.cli("job", "killall", KEY).exitCode()).isZero();
    awaitMembers(0);
  }

  private static JsonObject instance(JsonObject job, int shard) {
    return job.getJsonArray("active_tasks").stream().map(JsonObject.class::cast)
        .filter(t -> t.getInteger("instance") == shard).findFirst()
        .orElseThrow(() -> new AssertionError("no active task for shard " + shard + " in " + job.encodePrettily()));
  }

  private int shardOf(ObjectMapper json, String member) {
    try {
      return json.readTree(observer.getData().forPath(SERVER_SET + "/" + member)).path("shard").asInt(-1);
    } catch (Exception e) {
      throw new AssertionError("cannot read member " + member, e);
    }
  }

  /** The members of the job's ServerSet once there are {@code count} of them. */
  private List<String> awaitMembers(int count) throws Exception {
    return within(WAIT, count + " member(s) of " + SERVER_SET)
        .until(() -> observer.checkExists().forPath(SERVER_SET) == null ? List.<String>of() : observer.getChildren().forPath(SERVER_SET),
            members -> members.size() == count);
  }
}
