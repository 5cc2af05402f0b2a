package io.borealis.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.borealis.testing.TestCluster;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A job with a container is accepted (a real Mesos runs it in its image); the dev cluster, which runs
 * executors as plain processes, fails its task with a message saying so rather than ignoring the image.
 */
class ContainerEndToEndTest {
  private static final String KEY = "devcluster/www-data/prod/boxed";

  @TempDir
  Path dir;

  private TestCluster cluster;

  @BeforeEach
  void start() throws Exception {
    cluster = TestCluster.start(dir);
  }

  @AfterEach
  void stop() throws Exception {
    cluster.close();
  }

  @Test
  void theDevClusterFailsAContainerTaskWithAClearMessage() throws Exception {
    String job = """
        {"cluster": "devcluster", "role": "www-data", "environment": "prod", "name": "boxed", "instances": 1,
         "container": {"docker": {"image": "nginx:1.25"}},
         "task": {"processes": [{"name": "p", "cmdline": "nginx -g 'daemon off;'"}],
                  "resources": {"cpu": 0.1, "ram": 16777216, "disk": 16777216}}}
        """;
    assertThat(cluster.send("POST", "/api/v1/jobs", job).statusCode()).isEqualTo(201);
    JsonObject done = cluster.awaitJob(KEY, j -> !j.getJsonArray("completed_tasks").isEmpty());
    JsonObject failed = done.getJsonArray("completed_tasks").getJsonObject(0);
    assertThat(failed.getString("state")).isEqualTo("FAILED");
    assertThat(failed.getString("message")).contains("The Borealis dev cluster does not support containers: this task asks for a "
        + "DOCKER container with image nginx:1.25");
    JsonObject task = cluster.getJson("/api/v1/tasks/" + failed.getString("task_id"));
    assertThat(task.getJsonObject("config").getJsonObject("container").getJsonObject("docker").getString("image"))
        .isEqualTo("nginx:1.25");

    HttpResponse<String> bad = cluster.send("POST", "/api/v1/jobs", job.replace("\"boxed\"", "\"bad\"")
        .replace("{\"docker\": {\"image\": \"nginx:1.25\"}}", "{\"docker\": {\"image\": \"a\"}, \"mesos\": {\"image\": \"b\"}}"));
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body()).contains("$.container.docker").contains("give exactly one of docker or mesos");
  }
}
