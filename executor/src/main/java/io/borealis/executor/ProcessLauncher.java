package io.borealis.executor;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Starts processes as {@code setsid -w bash -c <cmdline>} in the sandbox (plain {@code bash -c} where
 * there is no {@code setsid}), each the leader of its own session and process group so that a kill
 * reaches everything it forked ({@link ProcessGroups}). A JVM's child is never a group leader, so
 * {@code setsid} need not fork and the pid we get is bash's; {@code -w} keeps the exit code right if
 * it ever does fork. Output goes to {@code <sandbox>/.logs/<process>/<run>/stdout} and {@code stderr}. Every file-system touch and
 * every {@code ProcessBuilder.start} runs on a worker thread (forking a JVM child can take tens of
 * milliseconds); the returned futures complete on the caller's context.
 */
final class ProcessLauncher {
  static final String LOG_DIRECTORY = ".logs";
  private static final List<String> SETSID = Stream.of("/usr/bin/setsid", "/bin/setsid")
      .filter(path -> Files.isExecutable(Path.of(path)))
      .findFirst().map(path -> List.of(path, "-w")).orElse(List.of());

  private final Vertx vertx;
  private final Path sandbox;

  ProcessLauncher(Vertx vertx, Path sandbox) {
    this.vertx = vertx;
    this.sandbox = sandbox;
  }

  static Path logDirectory(Path sandbox, String process, int run) {
    return sandbox.resolve(LOG_DIRECTORY).resolve(process).resolve(Integer.toString(run));
  }

  /** Creates the sandbox's log root; the sandbox itself is the agent's and must exist already. */
  Future<Void> prepareSandbox() {
    return vertx.executeBlocking(() -> {
      Files.createDirectories(sandbox.resolve(LOG_DIRECTORY));
      return null;
    });
  }

  /** Spawns run {@code run} of a process whose cmdline is already rendered. */
  Future<Process> spawn(String process, String cmdline, int run) {
    return vertx.executeBlocking(() -> {
      Path logs = Files.createDirectories(logDirectory(sandbox, process, run));
      List<String> command = new ArrayList<>(SETSID);
      command.addAll(List.of("bash", "-c", cmdline));
      return new ProcessBuilder(command)
          .directory(sandbox.toFile())
          // A pipe would leave a process that reads stdin waiting forever; /dev/null gives it EOF.
          .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
          .redirectOutput(logs.resolve("stdout").toFile())
          .redirectError(logs.resolve("stderr").toFile())
          .start();
    });
  }
}
