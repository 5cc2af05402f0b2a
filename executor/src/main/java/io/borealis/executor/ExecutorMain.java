package io.borealis.executor;

import io.borealis.executor.ExecutorEnvironment.InvalidEnvironmentException;
import io.borealis.mesos.wire.ExecutorCall;
import io.borealis.mesos.wire.ExecutorEvent;
import io.borealis.mesos.wire.ExecutorId;
import io.borealis.mesos.wire.FrameworkId;
import io.borealis.mesos.wire.MesosJson;
import io.borealis.mesos.wire.TaskId;
import io.borealis.mesos.wire.TaskStatus;
import io.borealis.mesos.wire.Uuids;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * Entry point of the executor program, started by a Mesos agent (or the devcluster) with the
 * standard executor environment. Exit codes: 0 task done and reported, 1 agent lost or refused us,
 * 2 the environment is unusable.
 */
public final class ExecutorMain {
  static final int EXIT_BAD_ENVIRONMENT = 2;
  static final int EXIT_AGENT_LOST = 1;

  /**
   * ZooKeeper's client logs its whole environment (class path included) at INFO on every connect;
   * only its warnings belong in the sandbox's log. Held here: JUL keeps loggers only weakly.
   */
  private static final List<Logger> QUIETER = Stream.of("org.apache.zookeeper", "org.apache.curator")
      .map(Logger::getLogger).toList();

  private ExecutorMain() {}

  public static void main(String[] args) {
    // One line per record on stderr; must be set before the first logger is created.
    if (System.getProperty("java.util.logging.SimpleFormatter.format") == null) {
      System.setProperty("java.util.logging.SimpleFormatter.format", "%1$tF %1$tT.%1$tL %4$s executor: %5$s%6$s%n");
    }
    QUIETER.forEach(logger -> logger.setLevel(Level.WARNING));
    ExecutorEnvironment env;
    try {
      env = ExecutorEnvironment.from(System.getenv());
    } catch (InvalidEnvironmentException e) {
      System.err.println("borealis-executor: " + e.getMessage());
      System.exit(EXIT_BAD_ENVIRONMENT);
      return;
    }
    if (!Files.isDirectory(env.sandbox())) {
      System.err.println("borealis-executor: MESOS_SANDBOX " + env.sandbox() + " is not a directory");
      System.exit(EXIT_BAD_ENVIRONMENT);
      return;
    }
    // Whatever the exit path, no task process outlives the executor (a dying JVM does not kill its
    // children). The normal paths have already waited for them, so this rarely finds anything.
    Runtime.getRuntime().addShutdownHook(new Thread(
        () -> ProcessHandle.current().descendants().forEach(ProcessHandle::destroyForcibly), "kill-task-processes"));
    System.exit(run(env));
  }

  /** Runs the executor until it decides to exit; returns the exit code. Blocks the calling (main) thread. */
  static int run(ExecutorEnvironment env) {
    Thread codec = new Thread(ExecutorMain::prepareCodec, "prepare-codec");
    codec.setDaemon(true);
    codec.start();
    // One task per executor: one event loop and a few workers are plenty, and every thread costs memory.
    Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(4).setInternalBlockingPoolSize(2));
    CompletableFuture<Integer> exitCode = new CompletableFuture<>();
    vertx.deployVerticle(new ExecutorVerticle(env, Clock.systemUTC(), exitCode::complete))
        .onFailure(failure -> {
          System.err.println("borealis-executor: cannot start: " + failure);
          exitCode.complete(EXIT_AGENT_LOST);
        });
    int code = exitCode.join();
    try {
      vertx.close().toCompletionStage().toCompletableFuture().get(3, TimeUnit.SECONDS);
    } catch (Exception e) {
      // Exiting anyway; a slow close must not keep a finished executor (and its resources) around.
    }
    return code;
  }

  /**
   * The wire codec makes its per-record readers and writers on first use (reflection over the
   * records of the executor API's messages), and the first update's uuid needs a seeded
   * {@code SecureRandom} (security providers, entropy). Done on a thread of its own while Vert.x
   * starts and connects, both are ready, or nearly, when the first message is. Decoding {@code {}}
   * makes the readers of the whole event; nothing is kept.
   */
  private static void prepareCodec() {
    try {
      MesosJson.decode("{}".getBytes(StandardCharsets.UTF_8), ExecutorEvent.class);
      MesosJson.encode(ExecutorCall.update(FrameworkId.of("-"), ExecutorId.of("-"),
          TaskStatus.of(TaskId.of("-"), TaskStatus.State.TASK_RUNNING, TaskStatus.Source.SOURCE_EXECUTOR, "")));
      Uuids.random();
    } catch (RuntimeException e) {
      // Only ever a head start: the real messages are decoded and encoded whatever happened here.
    }
  }
}
