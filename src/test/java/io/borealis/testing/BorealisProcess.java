package io.borealis.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code borealis scheduler} or {@code borealis local} as a separate OS process on this test's class
 * path, so a test can kill it with SIGKILL (no shutdown hook, no flush) and start it again.
 */
public final class BorealisProcess implements AutoCloseable {
  private final Process process;
  private final Path log;
  private final int port;

  private BorealisProcess(Process process, Path log, int port) {
    this.process = process;
    this.log = log;
    this.port = port;
  }

  /** The scheduler alone, talking to {@code masterUrl}; waits until {@code /health} answers. */
  public static BorealisProcess startScheduler(String masterUrl, Path dataDir, Path log) throws Exception {
    int port = freePort();
    return start(log, port, "scheduler", "--master", masterUrl, "--cluster", "devcluster", "--host", "127.0.0.1",
        "--http-port", Integer.toString(port), "--data-dir", dataDir.toString());
  }

  /** Scheduler, master and one agent in one process, as a user runs them; waits until {@code /health} answers. */
  public static BorealisProcess startLocal(Path workDir, Path dataDir, Path log) throws Exception {
    int port = freePort();
    return start(log, port, "local", "--host", "127.0.0.1", "--http-port", Integer.toString(port), "--master-port", "0",
        "--agent-port", "0", "--work-dir", workDir.toString(), "--data-dir", dataDir.toString());
  }

  /**
   * As {@link #startLocal(Path, Path, Path)}, its master on {@code masterPort} and with these options
   * added (e.g. {@code --faults=...}).
   */
  public static BorealisProcess startLocal(Path workDir, Path dataDir, Path log, int masterPort, String... options) throws Exception {
    int port = freePort();
    List<String> args = new ArrayList<>(List.of("local", "--host", "127.0.0.1", "--http-port", Integer.toString(port), "--master-port",
        Integer.toString(masterPort), "--agent-port", "0", "--work-dir", workDir.toString(), "--data-dir", dataDir.toString()));
    args.addAll(List.of(options));
    return start(log, port, args.toArray(String[]::new));
  }

  private static BorealisProcess start(Path log, int port, String... args) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = new ArrayList<>(List.of(java, "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xshare:auto",
        "-cp", System.getProperty("java.class.path"), "io.borealis.app.BorealisMain"));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    BorealisProcess started = new BorealisProcess(process, log, port);
    try {
      started.awaitHealthy(Duration.ofSeconds(60));
    } catch (Exception | Error notStarted) {
      // The caller never gets a handle to close, so an interrupted or failed start must not leave the process behind.
      process.destroyForcibly();
      throw notStarted;
    }
    return started;
  }

  public static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private void awaitHealthy(Duration timeout) throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("scheduler exited with " + process.exitValue() + ":\n" + logTail());
      }
      try {
        var response = http.send(HttpRequest.newBuilder(URI.create(url() + "/health")).timeout(Duration.ofSeconds(2)).build(),
            HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(50);
    }
    throw new IllegalStateException("scheduler not healthy after " + timeout + ":\n" + logTail());
  }

  public String url() {
    return "http://127.0.0.1:" + port;
  }

  /** SIGKILL: the process gets no chance to flush, close or say goodbye. */
  public void killHard() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
  }

  /** The last lines the scheduler logged, for failure messages. */
  public String logTail() {
    try {
      List<String> lines = Files.readAllLines(log);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      process.destroy();
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        killHard();
      }
    }
  }
}
