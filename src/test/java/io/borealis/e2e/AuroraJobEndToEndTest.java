package io.borealis.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.borealis.testing.TestCluster;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's .aurora example, created through the CLI on the dev cluster: the file is evaluated,
 * {@code --bind} reaches the cmdline, and the executor fills in {@code {{mesos.instance}}} for each
 * instance's real process.
 */
class AuroraJobEndToEndTest {
  private static final String KEY = "devcluster/www-data/prod/hello";

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
  void theExampleAuroraFileRunsWithItsBindingsAndInstanceNumbers() throws Exception {
    var created = cluster.cli("job", "create", KEY, "examples/hello_world.aurora", "--bind", "greeting=bonjour",
        "--wait-until", "RUNNING");
    assertThat(created.exitCode()).as(created.err()).isZero();
    JsonObject job = cluster.getJson("/api/v1/jobs/" + KEY);
    assertThat(job.getJsonArray("active_tasks")).hasSize(3);

    for (int instance = 0; instance < 3; instance++) {
      String expected = "bonjour world from instance " + instance;
      assertThat(awaitOutput(expected)).as("a sandbox's hello/0/stdout says '" + expected + "'").isTrue();
    }
  }

  @Test
  void aFileThatDoesNotEvaluateIsRefusedWithItsLocation() throws Exception {
    Path broken = Files.writeString(dir.resolve("broken.aurora"), "jobs = [Service(name = 'x', cluster = 'devcluster',\n");
    var created = cluster.cli("job", "create", "devcluster/www-data/prod/x", broken.toString());
    assertThat(created.exitCode()).isEqualTo(1);
    assertThat(created.err()).contains("broken.aurora:").doesNotContain("Exception");
  }

  private boolean awaitOutput(String text) throws IOException {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (System.nanoTime() < deadline) {
      try (Stream<Path> files = Files.walk(cluster.workDir())) {
        List<Path> outputs = files.filter(p -> p.endsWith(Path.of("hello", "0", "stdout"))).toList();
        for (Path output : outputs) {
          if (Files.readString(output).contains(text)) {
            return true;
          }
        }
      } catch (java.io.UncheckedIOException | IOException racingWithTheExecutor) {
        // a sandbox being written while we walk it; look again
      }
      LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
    }
    return false;
  }
}
