package io.borealis.testing;

import io.borealis.access.AccessSettings;
import io.borealis.app.LocalCluster;
import io.borealis.app.MonitoredVertx;
import io.borealis.cli.BorealisCommand;
import io.borealis.devcluster.AgentSpec;
import io.borealis.devcluster.AgentVerticle;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;

/**
 * The scheduler with an embedded dev cluster on random free ports, sandboxes in a temporary
 * directory and timings shortened for tests, plus the ways a user reaches it: the CLI (in-process,
 * configured through a clusters.json in a temporary HOME) and plain HTTP.
 */
public final class TestCluster implements AutoCloseable {
  private final Vertx vertx;
  private final LocalCluster cluster;
  private final Path home;
  private final Path workDir;
  private final HttpClient http = HttpClient.newHttpClient();

  private TestCluster(Vertx vertx, LocalCluster cluster, Path home, Path workDir) {
    this.vertx = vertx;
    this.cluster = cluster;
    this.home = home;
    this.workDir = workDir;
  }

  /** One agent, {@code localhost}: cpus 8, mem 8 GiB, disk 8 GiB, ports 31000-31100. */
  public static TestCluster start(Path dir) throws Exception {
    return start(dir, List.of(agent("localhost", Map.of())));
  }

  /** An agent with the standard test resources, this hostname and these attributes. */
  public static AgentSpec agent(String hostname, Map<String, String> attributes) {
    return AgentSpec.parse(hostname, 0, "cpus:8;mem:8192;disk:8192;ports:[31000-31100]", attributes);
  }

  public static TestCluster start(Path dir, List<AgentSpec> agents) throws Exception {
    return start(dir, agents, null);
  }

  /** As {@link #start(Path, List)}, keeping the scheduler's state in {@code dataDir} (null: ephemeral). */
  public static TestCluster start(Path dir, List<AgentSpec> agents, Path dataDir) throws Exception {
    return start(dir, agents, dataDir, AccessSettings.OPEN);
  }

  /** One standard agent and a scheduler that admits callers as {@code access} says. */
  public static TestCluster start(Path dir, AccessSettings access) throws Exception {
    return start(dir, List.of(agent("localhost", Map.of())), null, access);
  }

  private static TestCluster start(Path dir, List<AgentSpec> agents, Path dataDir, AccessSettings access) throws Exception {
    return start(dir, agents, dataDir, options -> options.withAccess(access));
  }

  /** One standard agent, and the cluster's options changed by {@code tune} (e.g. a short preemption delay). */
  public static TestCluster start(Path dir, UnaryOperator<LocalCluster.Options> tune) throws Exception {
    return start(dir, List.of(agent("localhost", Map.of())), null, tune);
  }

  /** These agents, and the cluster's options changed by {@code tune} (e.g. faults on, a short ping timeout). */
  public static TestCluster startTuned(Path dir, List<AgentSpec> agents, UnaryOperator<LocalCluster.Options> tune) throws Exception {
    return start(dir, agents, null, tune);
  }

  private static TestCluster start(Path dir, List<AgentSpec> agents, Path dataDir, UnaryOperator<LocalCluster.Options> tune)
      throws Exception {
    // A test's temporary directory is private (rwx------), but the executor runs a www-data task as
    // www-data, which must reach its sandbox and the files a test gives it by absolute path, as it
    // would under a real agent's work directory (/var/lib/mesos, rwxr-xr-x).
    searchableByAll(Files.createDirectories(dir));
    Path workDir = Files.createDirectories(dir.resolve("agents"));
    Path home = Files.createDirectories(dir.resolve("home"));
    MonitoredVertx monitored = MonitoredVertx.create();
    Vertx vertx = monitored.vertx();
    var settings = new AgentVerticle.AgentSettings("127.0.0.1", Duration.ofSeconds(2), Duration.ofSeconds(30), Duration.ofSeconds(2));
    var options = new LocalCluster.Options("127.0.0.1", 0, 0, agents, workDir, "devcluster", Duration.ofSeconds(2), settings, null, dataDir);
    options = tune.apply(options);
    LocalCluster cluster = LocalCluster.start(monitored, options).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    Path config = Files.createDirectories(home.resolve(".borealis")).resolve("clusters.json");
    Files.writeString(config, "[{\"name\": \"devcluster\", \"scheduler_uri\": \"" + cluster.schedulerUrl() + "\"}]");
    return new TestCluster(vertx, cluster, home, workDir);
  }

  /** {@code dir} and its parents up to the system's temporary directory get the x bit for all. */
  private static void searchableByAll(Path dir) throws IOException {
    Path temporary = Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath();
    for (Path at = dir.toAbsolutePath(); at != null && at.startsWith(temporary) && !at.equals(temporary); at = at.getParent()) {
      var permissions = java.util.EnumSet.copyOf(Files.getPosixFilePermissions(at));
      permissions.add(java.nio.file.attribute.PosixFilePermission.GROUP_EXECUTE);
      permissions.add(java.nio.file.attribute.PosixFilePermission.OTHERS_EXECUTE);
      Files.setPosixFilePermissions(at, permissions);
    }
  }

  public String url() {
    return cluster.schedulerUrl();
  }

  public Vertx vertx() {
    return vertx;
  }

  /** The CLI user's home: {@code .borealis/clusters.json} there names this cluster. */
  public Path home() {
    return home;
  }

  public Path workDir() {
    return workDir;
  }

  /** Breaks the dev cluster on purpose: streams, heartbeats, 503/307, master restart, agent partitions. */
  public io.borealis.devcluster.MasterFaults faults() {
    return cluster.faults();
  }

  public String masterUrl() {
    return cluster.masterUrl();
  }

  /** The dev-cluster agents' HTTP ports, in the order they were given. */
  public List<Integer> agentPorts() {
    return cluster.agentPorts();
  }

  /** Stops agent {@code index} as for a restart: checkpointing frameworks' executors keep running. */
  public void stopAgentKeepingExecutors(int index) throws Exception {
    cluster.stopAgentKeepingExecutors(index).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  /** Starts a stopped agent again on its port and work directory; it recovers its checkpointed executors. */
  public void recoverAgent(int index) throws Exception {
    cluster.recoverAgent(index).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  /** What a CLI run printed and returned. */
  public record CliResult(int exitCode, String out, String err) {}

  /** Runs {@code borealis <args>} in this JVM against this cluster, as a user's shell would. */
  public CliResult cli(String... args) {
    return cli(Map.of(), args);
  }

  /** As {@link #cli(String...)}, with these environment variables set too (e.g. credentials). */
  public CliResult cli(Map<String, String> environment, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    Map<String, String> env = new java.util.HashMap<>(environment);
    env.put("HOME", home.toString());
    env.put("BOREALIS_CONFIG_ROOT", home.resolve("etc").toString());
    var root = new BorealisCommand(env);
    int exit = BorealisCommand.commandLine(root, new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
    return new CliResult(exit, out.toString(), err.toString());
  }

  public JsonObject getJson(String path) throws IOException, InterruptedException {
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
    return new JsonObject(response.body()).put("_status", response.statusCode());
  }

  /**
   * Polls {@code GET /api/v1/jobs/{key}} until {@code condition} holds (or a minute passes) and returns
   * the last answer. For what is not an event, such as pending reasons; wait on SSE for the rest.
   */
  public JsonObject awaitJob(String key, Predicate<JsonObject> condition) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
    JsonObject job = getJson("/api/v1/jobs/" + key);
    while (!condition.test(job) && System.nanoTime() < deadline) {
      LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
      job = getJson("/api/v1/jobs/" + key);
    }
    return job;
  }

  public HttpResponse<String> send(String method, String path, String body) throws IOException, InterruptedException {
    return send(method, path, body, "application/json");
  }

  public HttpResponse<String> send(String method, String path, String body, String contentType)
      throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url() + path)).header("Content-Type", contentType)
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** Stops everything; the agents stop their executors, which stop their tasks. */
  @Override
  public void close() throws Exception {
    cluster.close().toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
  }
}
