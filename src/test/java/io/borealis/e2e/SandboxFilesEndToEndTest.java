package io.borealis.e2e;

import static io.borealis.testing.Eventually.within;
import static org.assertj.core.api.Assertions.assertThat;

import io.borealis.testing.TestCluster;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A task's processes and logs, read through the agent's Mesos-style {@code /files/read} and the
 * scheduler's proxy of it, on the dev cluster with a real executor.
 */
class SandboxFilesEndToEndTest {
  private static final String JOB = """
      {"cluster": "devcluster", "role": "www-data", "environment": "prod", "name": "chatty", "instances": 1, "service": true,
       "task": {"processes": [{"name": "talker", "cmdline": "echo hello from talker; echo oops >&2; exec sleep 600"}],
                "resources": {"cpu": 0.5, "ram": 33554432, "disk": 33554432}}}
      """;

  @TempDir
  Path dir;

  @Test
  void servesProcessesAndLogTailsThroughTheAgentsFilesEndpoint() throws Exception {
    try (TestCluster cluster = TestCluster.start(dir)) {
      assertThat(cluster.send("POST", "/api/v1/jobs", JOB).statusCode()).isEqualTo(201);
      JsonObject job = cluster.awaitJob("devcluster/www-data/prod/chatty",
          j -> j.getJsonArray("active_tasks").size() == 1 && "RUNNING".equals(j.getJsonArray("active_tasks").getJsonObject(0).getString("state")));
      String taskId = job.getJsonArray("active_tasks").getJsonObject(0).getString("task_id");

      JsonArray processes = awaitProcessRunning(cluster, taskId);
      assertThat(processes.getJsonObject(0).getString("name")).isEqualTo("talker");
      assertThat(processes.getJsonObject(0).getInteger("run")).isZero();

      // The process may not have printed yet.
      JsonObject size = within(Duration.ofSeconds(10), "talker's line in its stdout")
          .until(() -> cluster.getJson("/api/v1/tasks/" + taskId + "/logs/talker/stdout"), answer -> answer.getLong("offset", 0L) >= 18);
      assertThat(size.getString("data")).as("offset -1 (the default) answers the size only").isEmpty();
      assertThat(size.getLong("offset")).isEqualTo("hello from talker\n".length());
      JsonObject stdout = cluster.getJson("/api/v1/tasks/" + taskId + "/logs/talker/stdout?offset=0");
      assertThat(stdout.getString("data")).isEqualTo("hello from talker\n");
      assertThat(stdout.getLong("next_offset")).isEqualTo(18L);
      JsonObject part = cluster.getJson("/api/v1/tasks/" + taskId + "/logs/talker/stdout?offset=6&length=4");
      assertThat(part.getString("data")).isEqualTo("from");
      assertThat(cluster.getJson("/api/v1/tasks/" + taskId + "/logs/talker/stderr?offset=0").getString("data")).isEqualTo("oops\n");
      assertThat(cluster.getJson("/api/v1/tasks/" + taskId + "/logs/nobody/stdout").getInteger("_status")).isEqualTo(404);
      assertThat(cluster.getJson("/api/v1/tasks/" + taskId + "/logs/talker/stdin").getInteger("_status")).isEqualTo(400);
      assertThat(cluster.getJson("/api/v1/tasks/no-such-task/processes").getInteger("_status")).isEqualTo(404);

      // The agent itself, as a Mesos client would call it: absolute sandbox paths only.
      String agent = "http://127.0.0.1:" + cluster.agentPorts().get(0) + "/files/read?path=";
      Path log;
      try (Stream<Path> files = Files.walk(cluster.workDir())) {
        log = files.filter(p -> p.endsWith(Path.of(".logs", "talker", "0", "stdout"))).findFirst().orElseThrow();
      }
      HttpResponse<String> direct = get(agent + encode(log.toString()) + "&offset=0&length=5");
      assertThat(direct.statusCode()).isEqualTo(200);
      assertThat(new JsonObject(direct.body())).isEqualTo(new JsonObject().put("data", "hello").put("offset", 0));
      assertThat(new JsonObject(get(agent + encode(log.toString()) + "&offset=-1").body()))
          .isEqualTo(new JsonObject().put("data", "").put("offset", 18));
      assertThat(new JsonObject(get(agent + encode(log.toString()) + "&offset=100").body()))
          .as("past the end: the size, no data").isEqualTo(new JsonObject().put("data", "").put("offset", 18));
      assertThat(get(agent + encode(log.getParent().toString())).statusCode()).as("a directory").isEqualTo(400);
      assertThat(get(agent + encode(log.resolveSibling("missing").toString())).statusCode()).isEqualTo(404);
      assertThat(get(agent + encode("/etc/passwd")).statusCode()).as("outside every sandbox").isEqualTo(404);
      assertThat(get(agent + encode(log.getParent() + "/../../../../../../../../../../etc/passwd")).statusCode()).isEqualTo(404);
      assertThat(get(agent + encode(log.toString()) + "&offset=x").statusCode()).isEqualTo(400);

      // Mesos' /files/browse: a directory's entries, each with its path under the path asked for.
      String browse = "http://127.0.0.1:" + cluster.agentPorts().get(0) + "/files/browse?path=";
      JsonArray runs = new JsonArray(get(browse + encode(log.getParent().getParent().toString())).body());
      assertThat(runs).singleElement().satisfies(run -> {
        JsonObject entry = (JsonObject) run;
        assertThat(entry.getString("path")).isEqualTo(log.getParent().toString());
        assertThat(entry.getString("mode")).startsWith("d");
      });
      JsonArray streams = new JsonArray(get(browse + encode(log.getParent().toString())).body());
      assertThat(streams.stream().map(e -> ((JsonObject) e).getString("path")))
          .contains(log.toString(), log.resolveSibling("stderr").toString());
      JsonObject stdoutEntry = streams.stream().map(e -> (JsonObject) e).filter(e -> e.getString("path").equals(log.toString()))
          .findFirst().orElseThrow();
      assertThat(stdoutEntry.getLong("size")).isEqualTo(18L);
      assertThat(stdoutEntry.getString("mode")).startsWith("-rw");
      assertThat(get(browse + encode("/etc")).statusCode()).as("outside every sandbox").isEqualTo(404);
      assertThat(get(browse + encode(log.resolveSibling("missing").toString())).statusCode()).isEqualTo(404);
    }
  }

  private static JsonArray awaitProcessRunning(TestCluster cluster, String taskId) throws Exception {
    JsonObject answer = within(Duration.ofSeconds(30), "a RUNNING process in task " + taskId)
        .until(() -> cluster.getJson("/api/v1/tasks/" + taskId + "/processes"), processes -> processes.encode().contains("\"RUNNING\""));
    assertThat(answer.getInteger("_status")).isEqualTo(200);
    return answer.getJsonArray("processes");
  }

  private static String encode(String path) {
    return URLEncoder.encode(path, StandardCharsets.UTF_8);
  }

  private static HttpResponse<String> get(String url) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
  }
}
