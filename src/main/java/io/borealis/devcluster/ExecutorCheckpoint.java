package io.borealis.devcluster;

import io.borealis.mesos.wire.ContainerId;
import io.borealis.mesos.wire.ExecutorInfo;
import io.borealis.mesos.wire.FrameworkInfo;
import io.borealis.mesos.wire.MesosJson;
import io.borealis.mesos.wire.TaskId;
import io.borealis.mesos.wire.TaskInfo;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * What an agent writes down about an executor of a checkpointing framework so that, restarted, it can
 * find the executor again (Mesos' {@code meta/slaves/<agent>/frameworks/.../executors/.../runs/...}):
 * whose it is, its sandbox, its process (pid and start time, so a reused pid is not mistaken for it)
 * and the tasks given to it. One JSON file per executor run under {@code meta/slaves/<agent>/executors},
 * written whole and moved into place so that a crash never leaves half a file. The file methods block:
 * call them on a worker.
 *
 * @param startedAtMillis when the executor process started (epoch ms), -1 if unknown
 * @param launched the tasks handed to the executor, with whether each has ended
 * @param queued the tasks waiting for the executor to subscribe
 */
record ExecutorCheckpoint(FrameworkInfo framework, ExecutorInfo executor, ContainerId container, Path sandbox, long pid,
    long startedAtMillis, Map<TaskId, Boolean> launched, List<TaskInfo> queued) {
  private static final Logger LOG = Logger.getLogger(ExecutorCheckpoint.class.getName());

  /** The state of {@code run} now (on the agent's loop), to be written later on a worker. */
  static ExecutorCheckpoint of(ExecutorRun run) {
    return new ExecutorCheckpoint(run.framework, run.info, run.containerId, run.sandbox, run.handle == null ? -1 : run.handle.pid(),
        run.startedAtMillis, Map.copyOf(run.launched), List.copyOf(run.queued));
  }

  static Path directory(Path workDir, String agentId) {
    return workDir.resolve("meta").resolve("slaves").resolve(agentId).resolve("executors");
  }

  void write(Path directory) throws IOException {
    Files.createDirectories(directory);
    Path file = directory.resolve(container.value() + ".json");
    Path partial = directory.resolve(container.value() + ".json.partial");
    Files.writeString(partial, toJson().encode());
    Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  static void delete(Path directory, ContainerId container) throws IOException {
    Files.deleteIfExists(directory.resolve(container.value() + ".json"));
  }

  /** Every checkpoint in {@code directory}; an unreadable one is logged and skipped. */
  static List<ExecutorCheckpoint> readAll(Path directory) throws IOException {
    if (!Files.isDirectory(directory)) {
      return List.of();
    }
    List<ExecutorCheckpoint> checkpoints = new ArrayList<>();
    try (Stream<Path> files = Files.list(directory)) {
      for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".json")).sorted().toList()) {
        try {
          checkpoints.add(fromJson(new JsonObject(Files.readString(file))));
        } catch (RuntimeException corrupt) {
          LOG.warning(() -> "Ignoring unreadable executor checkpoint " + file + ": " + corrupt.getMessage());
        }
      }
    }
    return checkpoints;
  }

  private JsonObject toJson() {
    JsonArray tasks = new JsonArray();
    launched.forEach((task, ended) -> tasks.add(new JsonObject().put("task_id", task.value()).put("ended", ended)));
    JsonArray waiting = new JsonArray();
    queued.forEach(task -> waiting.add(wire(task)));
    return new JsonObject().put("framework_info", wire(framework)).put("executor_info", wire(executor))
        .put("container_id", container.value()).put("sandbox", sandbox.toString()).put("pid", pid)
        .put("started_at_ms", startedAtMillis).put("launched", tasks).put("queued", waiting);
  }

  private static ExecutorCheckpoint fromJson(JsonObject json) {
    Map<TaskId, Boolean> launched = new LinkedHashMap<>();
    json.getJsonArray("launched").forEach(t -> launched.put(TaskId.of(((JsonObject) t).getString("task_id")),
        ((JsonObject) t).getBoolean("ended")));
    List<TaskInfo> queued = json.getJsonArray("queued").stream().map(t -> decode((JsonObject) t, TaskInfo.class)).toList();
    return new ExecutorCheckpoint(decode(json.getJsonObject("framework_info"), FrameworkInfo.class),
        decode(json.getJsonObject("executor_info"), ExecutorInfo.class), ContainerId.of(json.getString("container_id")),
        Path.of(json.getString("sandbox")), json.getLong("pid"), json.getLong("started_at_ms"), launched, queued);
  }

  private static JsonObject wire(Object message) {
    return new JsonObject(MesosJson.encodeToString(message));
  }

  private static <T> T decode(JsonObject json, Class<T> type) {
    return MesosJson.decode(json.encode().getBytes(StandardCharsets.UTF_8), type);
  }

  /** When a process started, as the OS says (epoch ms), -1 if unknown. Blocking: reads /proc. */
  static long startedAtMillis(ProcessHandle process) {
    return process.info().startInstant().map(java.time.Instant::toEpochMilli).orElse(-1L);
  }

  /** The executor process, if it still runs: same pid and, when known, the same start time. Blocking: reads /proc. */
  java.util.Optional<ProcessHandle> liveProcess() {
    return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).filter(handle -> startedAtMillis < 0
        || handle.info().startInstant().map(at -> at.toEpochMilli() == startedAtMillis).orElse(true));
  }
}
