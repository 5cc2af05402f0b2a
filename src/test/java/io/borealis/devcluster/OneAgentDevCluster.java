package io.borealis.devcluster;

import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A dev cluster of one agent (4 cpus, 4 GiB, ports 31000-31010) on random ports with its sandboxes in
 * a test's temporary directory: what the tests that drive the dev cluster as a framework would start.
 */
final class OneAgentDevCluster implements AutoCloseable {
  /** Quick registration and status-update retries; executors get 30 s to register. */
  static final AgentVerticle.AgentSettings AGENT =
      new AgentVerticle.AgentSettings("127.0.0.1", Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofSeconds(1));
  static final MasterSettings MASTER = MasterSettings.withHeartbeat(Duration.ofSeconds(5));

  final Vertx vertx;
  final DevCluster cluster;

  private OneAgentDevCluster(Vertx vertx, DevCluster cluster) {
    this.vertx = vertx;
    this.cluster = cluster;
  }

  static OneAgentDevCluster start(Path dir) throws Exception {
    return start(dir, MASTER, AGENT);
  }

  static OneAgentDevCluster start(Path dir, MasterSettings master, AgentVerticle.AgentSettings agent) throws Exception {
    // Tasks run as their framework's user, who must reach the sandbox, as under /var/lib/mesos.
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
    Vertx vertx = Vertx.vertx();
    AgentSpec spec = AgentSpec.parse("localhost", 0, "cpus:4;mem:4096;disk:4096;ports:[31000-31010]", Map.of());
    DevCluster cluster = DevCluster.start(vertx, "127.0.0.1", 0, List.of(spec), dir, master, agent)
        .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    return new OneAgentDevCluster(vertx, cluster);
  }

  /** How many processes on this machine run {@code sleep seconds}: a task's own process, found without asking the cluster. */
  static long sleepsOf(String seconds) {
    return ProcessHandle.allProcesses().filter(p -> p.info().command().orElse("").endsWith("/sleep")
        && p.info().arguments().map(args -> List.of(args).equals(List.of(seconds))).orElse(false)).count();
  }

  String masterUrl() {
    return cluster.masterUrl();
  }

  @Override
  public void close() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }
}
