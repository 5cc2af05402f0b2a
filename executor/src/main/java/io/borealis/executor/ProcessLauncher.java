package io.borealis.executor;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

/**
 * Starts one task's processes as {@code setsid -w [setpriv ...] bash -c <cmdline>} in the sandbox
 * (plain {@code bash -c} where there is no {@code setsid}), each the leader of its own session and
 * process group so that a kill reaches everything it forked ({@link ProcessGroups}), and each as the
 * task's user ({@link TaskUser}). A JVM's child is never a group leader, so {@code setsid} need not
 * fork and the pid we get is bash's; {@code -w} keeps the exit code right if it ever does fork.
 * Output goes to {@code <sandbox>/.logs/<process>/<run>/stdout} and {@code stderr} (or where the
 * process's logger says; rotated through {@link OutputPump} and {@link RotatingLog}). Every file-system
 * touch and every {@code ProcessBuilder.start} runs on a worker thread (forking a JVM child can take
 * tens of milliseconds); the returned futures complete on the caller's context.
 */
final class ProcessLauncher {
  static final String LOG_DIRECTORY = ".logs";
  private static final List<String> SETSID = Stream.of("/usr/bin/setsid", "/bin/setsid")
      .filter(path -> Files.isExecutable(Path.of(path)))
      .findFirst().map(path -> List.of(path, "-w")).orElse(List.of());

  private final Vertx vertx;
  private final Path sandbox;
  private final String wantedUser;
  private final String role;
  private final boolean executorIsRoot;
  /** Set by {@link #prepareSandbox()}; nothing is spawned before. */
  private volatile TaskUser user;

  /**
   * @param wantedUser the task's user (Mesos' {@code CommandInfo.user}, else the role); null runs as
   *     the executor does
   * @param role named in the failure when that user does not exist
   */
  ProcessLauncher(Vertx vertx, Path sandbox, String wantedUser, String role, boolean executorIsRoot) {
    this.vertx = vertx;
    this.sandbox = sandbox;
    this.wantedUser = wantedUser;
    this.role = role;
    this.executorIsRoot = executorIsRoot;
  }

  static Path logDirectory(Path sandbox, String process, int run) {
    return sandbox.resolve(LOG_DIRECTORY).resolve(process).resolve(Integer.toString(run));
  }

  Path sandbox() {
    return sandbox;
  }

  /**
   * Decides the task's user and creates the sandbox's log root. The sandbox itself is the agent's
   * and exists already; a switched user gets it (not what the agent put in it) so that the
   * processes can write there, as a Mesos agent does when it switches users itself.
   *
   * @return fails with {@link TaskUser.NoSuchUserException} when the task's user has no account here
   */
  Future<TaskUser> prepareSandbox() {
    return vertx.executeBlocking(() -> {
      TaskUser resolved = TaskUser.resolve(wantedUser, role, executorIsRoot);
      Path logs = Files.createDirectories(sandbox.resolve(LOG_DIRECTORY));
      giveTo(resolved, sandbox);
      giveTo(resolved, logs);
      user = resolved;
      return resolved;
    });
  }

  /**
   * A started run.
   *
   * @param outputDrained completes once the run's piped output is all written (at once when nothing
   *     is piped); it waits for every process holding the pipe, children that outlive the run included
   */
  record Spawned(Process process, CompletableFuture<Void> outputDrained) {}

  /** Spawns run {@code run} of a process whose cmdline is already rendered, its output as {@code logs} says. */
  Future<Spawned> spawn(String process, String cmdline, int run, LogPolicy logs) {
    return vertx.executeBlocking(() -> {
      Path processLogs = Files.createDirectories(sandbox.resolve(LOG_DIRECTORY).resolve(process));
      giveTo(user, processLogs);
      Path runLogs = Files.createDirectories(logDirectory(sandbox, process, run));
      giveTo(user, runLogs);
      ProcessBuilder builder = builder(SETSID, cmdline);
      builder.redirectOutput(redirect(runLogs.resolve("stdout"), logs, false));
      builder.redirectError(redirect(runLogs.resolve("stderr"), logs, true));
      Process started = builder.start();
      if (!logs.piped()) {
        return new Spawned(started, CompletableFuture.completedFuture(null));
      }
      String name = process + "/" + run;
      return new Spawned(started, CompletableFuture.allOf(
          pump(name + "/stdout", started.getInputStream(), runLogs.resolve("stdout"), logs, false),
          pump(name + "/stderr", started.getErrorStream(), runLogs.resolve("stderr"), logs, true)));
    });
  }

  /** Where the process's stream goes: its file, the executor's own stream, nowhere, or a pipe to {@link OutputPump}. */
  private ProcessBuilder.Redirect redirect(Path file, LogPolicy logs, boolean stderr) throws IOException {
    if (logs.piped()) {
      return ProcessBuilder.Redirect.PIPE;
    }
    switch (logs.destination()) {
      case CONSOLE:
        return ProcessBuilder.Redirect.INHERIT;
      case NONE:
        return ProcessBuilder.Redirect.DISCARD;
      default:
        // Created here so that the process's user owns its logs, as it would had it opened them itself.
        return ProcessBuilder.Redirect.appendTo(ownedFile(file));
    }
  }

  private CompletableFuture<Void> pump(String name, InputStream from, Path file, LogPolicy logs, boolean stderr)
      throws IOException {
    TaskUser owner = user;
    RotatingLog log = logs.toFile()
        ? new RotatingLog(file, logs.rotate(), logs.maxBytes(), logs.backups(), created -> giveTo(owner, created))
        : null;
    return OutputPump.start(name, from, log, logs.destination() == LogPolicy.Destination.BOTH ? OutputPump.console(stderr) : null);
  }

  /**
   * {@code leading bash -c <shellCommand>} set up to run as the task's user in the sandbox, stdin at
   * EOF; for processes and shell health checks. The user switch goes right before bash, so that
   * {@code leading} (setsid) still runs as the executor.
   */
  ProcessBuilder builder(List<String> leading, String shellCommand) {
    TaskUser runAs = user;
    List<String> command = new ArrayList<>(leading);
    command.addAll(runAs.commandPrefix());
    command.addAll(List.of("bash", "-c", shellCommand));
    ProcessBuilder builder = new ProcessBuilder(command)
        .directory(sandbox.toFile())
        // A pipe would leave a process that reads stdin waiting forever; /dev/null gives it EOF.
        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    runAs.applyTo(builder.environment());
    return builder;
  }

  private File ownedFile(Path file) throws IOException {
    if (!Files.exists(file)) {
      Files.createFile(file);
    }
    giveTo(user, file);
    return file.toFile();
  }

  private static void giveTo(TaskUser user, Path path) throws IOException {
    if (user.switched()) {
      Files.setAttribute(path, "unix:uid", user.uid());
      Files.setAttribute(path, "unix:gid", user.gid());
    }
  }
}
