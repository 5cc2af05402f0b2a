package io.borealis.executor;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.ExponentialBackoffRetry;
import org.apache.zookeeper.CreateMode;

/**
 * Registers one task in its ServerSet: an ephemeral sequential {@code member_} znode holding the
 * member JSON, written with Curator. Ephemeral, so ZooKeeper removes it when we delete it, when we
 * close the session, and, should the executor die, when the session expires. Curator's calls block
 * (connecting, retrying), so each runs on a worker, never on the executor's event loop. Lives on the
 * executor's context: {@link #announce} and {@link #withdraw} are called from there.
 */
final class ServerSetAnnouncer {
  private static final System.Logger LOG = System.getLogger(ServerSetAnnouncer.class.getName());
  /** Aurora's announcer waits this long for ZooKeeper; a task is not held up longer than that. */
  private static final int CONNECT_TIMEOUT_MS = 15_000;
  private static final int SESSION_TIMEOUT_MS = 30_000;

  private final Vertx vertx;
  private final Announcement announcement;
  private CuratorFramework client;
  private Future<String> member;
  /** Non-null once withdrawing began; every later call gets the same. */
  private Future<Void> withdrawal;

  ServerSetAnnouncer(Vertx vertx, Announcement announcement) {
    this.vertx = vertx;
    this.announcement = announcement;
  }

  /**
   * Creates the member znode with {@code json}; once only.
   *
   * @return the znode's path; fails when ZooKeeper cannot be reached in time (the task runs on)
   */
  Future<String> announce(String json) {
    if (member != null || withdrawal != null) {
      return member != null ? member : Future.failedFuture("withdrawn before it was announced");
    }
    client = CuratorFrameworkFactory.newClient(announcement.ensemble(), SESSION_TIMEOUT_MS, CONNECT_TIMEOUT_MS,
        new ExponentialBackoffRetry(500, 3));
    CuratorFramework started = client;
    member = vertx.executeBlocking(() -> {
      started.start();
      if (!started.blockUntilConnected(CONNECT_TIMEOUT_MS, TimeUnit.MILLISECONDS)) {
        throw new IllegalStateException("ZooKeeper at " + announcement.ensemble() + " not reachable within "
            + CONNECT_TIMEOUT_MS / 1000 + " s");
      }
      return started.create().creatingParentsIfNeeded().withMode(CreateMode.EPHEMERAL_SEQUENTIAL)
          .forPath(announcement.path() + "/member_", json.getBytes(StandardCharsets.UTF_8));
    }, false);
    member.onSuccess(path -> LOG.log(System.Logger.Level.INFO, "announced in ZooKeeper as {0}: {1}", path, json))
        .onFailure(failure -> LOG.log(System.Logger.Level.WARNING, "cannot announce in " + announcement.path()
            + " at " + announcement.ensemble() + ": " + failure.getMessage()));
    return member;
  }

  /** Deletes the member (if it was created) and closes the session; done once, before the task is killed. */
  Future<Void> withdraw() {
    if (withdrawal != null) {
      return withdrawal;
    }
    if (client == null) {
      withdrawal = Future.succeededFuture();
      return withdrawal;
    }
    CuratorFramework closing = client;
    // Once announce() has settled either way: a delete racing the create would find nothing.
    withdrawal = member.transform(done -> vertx.executeBlocking(() -> {
      try {
        if (done.succeeded()) {
          closing.delete().guaranteed().forPath(done.result());
          LOG.log(System.Logger.Level.INFO, "withdrew {0} from ZooKeeper", done.result());
        }
      } finally {
        // Closing the session removes the ephemeral node even if the delete failed.
        closing.close();
      }
      return null;
    }, false));
    return withdrawal;
  }
}
