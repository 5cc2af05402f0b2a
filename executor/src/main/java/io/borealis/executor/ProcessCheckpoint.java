package io.borealis.executor;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Map;

/**
 * The task's process states as JSON in {@code <sandbox>/.borealis/processes.json}, for the agent or
 * API to show. Rewritten on each change, on a worker, through a temporary file and a rename so a
 * reader never sees half a file. Writes coalesce: while one is in flight only the newest pending
 * content is kept, so a burst of changes costs at most two writes. Call from the task's context.
 */
final class ProcessCheckpoint {
  static final String DIRECTORY = ".borealis";
  static final String FILE = "processes.json";
  private static final System.Logger LOG = System.getLogger(ProcessCheckpoint.class.getName());

  private final Vertx vertx;
  private final Path file;
  private boolean writing;
  private String pending;
  private Promise<Void> pendingWritten;

  ProcessCheckpoint(Vertx vertx, Path sandbox) {
    this.vertx = vertx;
    this.file = sandbox.resolve(DIRECTORY).resolve(FILE);
  }

  /**
   * The checkpoint's content: {@code {"task_id", "updated", "processes": {name: {"state", "run",
   * "failures", "pid", "exit_code", "start_time"}}}}, times in ISO-8601, unknowns null. Pure.
   */
  static String render(String taskId, Map<String, ProcessStatus> processes, Instant now) {
    JsonObject byName = new JsonObject();
    processes.forEach((name, status) -> byName.put(name, new JsonObject()
        .put("state", status.state().name())
        .put("run", status.run())
        .put("failures", status.failures())
        .put("pid", status.pid())
        .put("exit_code", status.exitCode())
        .put("start_time", status.lastStart() == null ? null : status.lastStart().toString())));
    return new JsonObject().put("task_id", taskId).put("updated", now.toString()).put("processes", byName).encodePrettily();
  }

  /** Schedules {@code content} to be written; completes once it (or newer content) is on disk. Never fails. */
  Future<Void> save(String content) {
    if (pending == null) {
      pendingWritten = Promise.promise();
    }
    pending = content;
    Future<Void> written = pendingWritten.future();
    writeNext();
    return written;
  }

  private void writeNext() {
    if (writing || pending == null) {
      return;
    }
    String content = pending;
    Promise<Void> done = pendingWritten;
    pending = null;
    pendingWritten = null;
    writing = true;
    vertx.executeBlocking(() -> {
      Files.createDirectories(file.getParent());
      Path temporary = file.resolveSibling(FILE + ".tmp");
      Files.writeString(temporary, content, StandardCharsets.UTF_8);
      return Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }, false).onComplete(written -> {
      writing = false;
      if (written.failed()) {
        // The checkpoint is for display only; a failed write must not hurt the task.
        LOG.log(System.Logger.Level.WARNING, "cannot write " + file, written.cause());
      }
      done.complete();
      writeNext();
    });
  }
}
