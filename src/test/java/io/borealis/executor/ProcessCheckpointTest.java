package io.borealis.executor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessCheckpointTest {
  private static final Instant NOW = Instant.parse("2026-01-01T12:00:00Z");

  @Test
  void rendersEachProcessStateRunPidExitCodeAndStartTime() throws Exception {
    Map<String, ProcessStatus> statuses = new LinkedHashMap<>();
    statuses.put("web", ProcessStatus.INITIAL.starting(NOW).running(4242)
        .ended(ProcessState.WAITING, 1, 3, "with exit code 3").starting(NOW.plusSeconds(5)).running(4343));
    statuses.put("cleanup", ProcessStatus.INITIAL);

    JsonNode json = new ObjectMapper().readTree(ProcessCheckpoint.render("task-1", statuses, NOW));

    assertThat(json.path("task_id").asText()).isEqualTo("task-1");
    JsonNode web = json.path("processes").path("web");
    assertThat(web.path("state").asText()).isEqualTo("RUNNING");
    assertThat(web.path("run").asInt()).isEqualTo(1);
    assertThat(web.path("failures").asInt()).isEqualTo(1);
    assertThat(web.path("pid").asLong()).isEqualTo(4343);
    assertThat(web.path("exit_code").isNull()).isTrue();
    assertThat(web.path("start_time").asText()).isEqualTo("2026-01-01T12:00:05Z");
    JsonNode cleanup = json.path("processes").path("cleanup");
    assertThat(cleanup.path("state").asText()).isEqualTo("WAITING");
    assertThat(cleanup.path("run").asInt()).isEqualTo(-1);
    assertThat(cleanup.path("pid").isNull()).isTrue();
  }

  @Test
  void theLastSavedContentEndsUpOnDisk(@TempDir Path sandbox) throws Exception {
    Vertx vertx = Vertx.vertx();
    try {
      ProcessCheckpoint checkpoint = new ProcessCheckpoint(vertx, sandbox);
      // Saved on a context, as the task does; a burst coalesces, and the last one wins.
      CompletableFuture<Void> written = new CompletableFuture<>();
      vertx.runOnContext(v -> {
        checkpoint.save("one");
        checkpoint.save("two");
        checkpoint.save("three").onComplete(done -> written.complete(null));
      });
      written.get(10, TimeUnit.SECONDS);

      assertThat(Files.readString(sandbox.resolve(".borealis/processes.json"))).isEqualTo("three");
    } finally {
      vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
  }
}
