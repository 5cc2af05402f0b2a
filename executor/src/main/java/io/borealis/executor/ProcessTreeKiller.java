package io.borealis.executor;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Kill escalation for process trees: SIGTERM to every descendant and then the process itself, wait
 * up to the grace period, SIGKILL whatever is left. Descendants matter because {@code bash -c} often
 * forks its command (a {@code sleep} in a loop), and a child whose parent died is re-parented away
 * from us: it must be signalled while the tree is still intact. So the descendants seen at SIGTERM
 * time are remembered and waited for too. Each root also leads its own process group and session
 * ({@link ProcessLauncher} starts it through {@code setsid}), so the members of those
 * ({@link ProcessGroups}) are signalled as well: that catches a daemon that double-forked and is
 * no longer anybody's descendant.
 */
final class ProcessTreeKiller {
  private static final System.Logger LOG = System.getLogger(ProcessTreeKiller.class.getName());

  /** SIGKILL cannot be ignored; a process still there after this is stuck in the kernel. */
  static final Duration AFTER_SIGKILL_WAIT = Duration.ofSeconds(10);
  private static final Duration POLL_INTERVAL = Duration.ofMillis(50);

  private final Vertx vertx;

  ProcessTreeKiller(Vertx vertx) {
    this.vertx = vertx;
  }

  /**
   * Kills the trees rooted at {@code roots}. Must be called on a Vert.x context.
   *
   * @return completes on that context once every process of the trees has exited (or, with a
   *     warning, {@link #AFTER_SIGKILL_WAIT} after SIGKILL if some did not)
   */
  Future<Void> kill(List<ProcessHandle> roots, Duration grace) {
    return vertx.executeBlocking(() -> signal(roots, List.of(), false))
        .compose(tree -> exitedWithin(tree, grace))
        .compose(survivors -> {
          if (survivors.isEmpty()) {
            return Future.succeededFuture();
          }
          LOG.log(System.Logger.Level.INFO, "{0} process(es) still alive after the {1} ms grace period; sending SIGKILL",
              Integer.toString(survivors.size()), Long.toString(grace.toMillis()));
          return vertx.executeBlocking(() -> signal(roots, survivors, true))
              .compose(tree -> exitedWithin(tree, AFTER_SIGKILL_WAIT))
              .map(stuck -> {
                if (!stuck.isEmpty()) {
                  LOG.log(System.Logger.Level.WARNING, "processes {0} survived SIGKILL; giving up on them", pids(stuck));
                }
                return null;
              });
        });
  }

  /**
   * Runs on a worker: /proc is read to find descendants. Returns every process signalled.
   * Descendants go first so that a dying parent cannot orphan them between the two signals.
   */
  private static List<ProcessHandle> signal(List<ProcessHandle> roots, List<ProcessHandle> known, boolean force) {
    Set<ProcessHandle> tree = new LinkedHashSet<>(known);
    for (ProcessHandle root : roots) {
      if (ProcessLiveness.isRunning(root)) {
        root.descendants().forEach(tree::add);
      }
      // Even once the leader has exited: the group lives on as long as a member does.
      tree.addAll(ProcessGroups.members(root.pid()));
    }
    tree.addAll(roots);
    List<ProcessHandle> alive = new ArrayList<>();
    for (ProcessHandle process : tree) {
      if (ProcessLiveness.isRunning(process)) {
        alive.add(process);
        boolean sent = force ? process.destroyForcibly() : process.destroy();
        if (!sent && ProcessLiveness.isRunning(process)) {
          LOG.log(System.Logger.Level.WARNING, "could not signal pid {0}", Long.toString(process.pid()));
        }
      }
    }
    return alive;
  }

  /**
   * The processes of {@code tree} still alive after {@code limit}; empty as soon as all are gone.
   * Polled rather than {@code onExit()}: for a process that is not our child (the {@code sleep}
   * under a shell) the JDK itself polls, from a thread per process, with a 300 ms+ back-off.
   */
  private Future<List<ProcessHandle>> exitedWithin(List<ProcessHandle> tree, Duration limit) {
    Promise<List<ProcessHandle>> outcome = Promise.promise();
    long deadline = System.nanoTime() + limit.toNanos();
    checkAlive(tree, deadline, outcome);
    return outcome.future();
  }

  private void checkAlive(List<ProcessHandle> tree, long deadline, Promise<List<ProcessHandle>> outcome) {
    // Liveness is read from /proc, so it is checked on a worker.
    vertx.executeBlocking(() -> tree.stream().filter(ProcessLiveness::isRunning).toList()).onComplete(alive -> {
      List<ProcessHandle> left = alive.succeeded() ? alive.result() : tree;
      if (left.isEmpty() || System.nanoTime() - deadline >= 0) {
        outcome.complete(left);
      } else {
        vertx.setTimer(POLL_INTERVAL.toMillis(), id -> checkAlive(left, deadline, outcome));
      }
    });
  }

  private static List<String> pids(List<ProcessHandle> processes) {
    return processes.stream().map(process -> Long.toString(process.pid())).toList();
  }
}
