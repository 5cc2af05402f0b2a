package io.borealis.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import io.borealis.storage.Mutation;
import io.borealis.storage.StateLog;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Effects leave in commit order, whenever and on whichever thread each batch's sync completes. */
class OutboxTest {
  private final Vertx vertx = Vertx.vertx();
  private final Context context = vertx.getOrCreateContext();
  private final List<String> ran = new CopyOnWriteArrayList<>();

  @AfterEach
  void close() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  /** A journal whose appends complete when the test says so. */
  private static final class ManualLog implements StateLog {
    final Queue<CompletableFuture<Void>> appends = new ArrayDeque<>();
    boolean completeAtOnce;

    @Override
    public synchronized CompletionStage<Void> append(List<Mutation> batch) {
      CompletableFuture<Void> done = new CompletableFuture<>();
      if (completeAtOnce) {
        done.complete(null);
      } else {
        appends.add(done);
      }
      return done;
    }

    @Override
    public boolean wantsSnapshot() {
      return false;
    }

    @Override
    public void snapshot(List<Mutation> state) {}

    @Override
    public void close() {}
  }

  private void onContext(Runnable body) throws Exception {
    CompletableFuture<Void> done = new CompletableFuture<>();
    context.runOnContext(v -> {
      body.run();
      done.complete(null);
    });
    done.get(10, TimeUnit.SECONDS);
  }

  /**
   * Waits until everything queued on the event loop so far has run: a sync completed on another
   * thread hands its batch to the loop before it returns, so afterwards every settled batch has left.
   */
  private void drainEventLoop() throws Exception {
    onContext(() -> { });
  }

  @Test
  void aBatchSyncedBeforeItsEffectsWereQueuedStillWaitsForEarlierBatches() throws Exception {
    ManualLog log = new ManualLog();
    Outbox outbox = new Outbox(log, context);
    onContext(() -> {
      outbox.later(() -> ran.add("first"));
      outbox.commit(List.of(new Mutation.SaveEventId(1)));
      // The journal syncs the first batch on its own thread while the event loop is still busy here...
      Thread journal = new Thread(() -> log.appends.poll().complete(null));
      journal.start();
      try {
        journal.join();
      } catch (InterruptedException e) {
        throw new IllegalStateException(e);
      }
      // ...and has synced the second one by the time it is committed.
      log.completeAtOnce = true;
      outbox.later(() -> ran.add("second"));
      outbox.commit(List.of(new Mutation.SaveEventId(2)));
      outbox.later(() -> ran.add("third, no changes of its own"));
      outbox.commit(List.of());
    });
    drainEventLoop();
    assertThat(ran).containsExactly("first", "second", "third, no changes of its own");
  }

  @Test
  void effectsWaitForTheirBatchAndBatchesWithoutChangesWaitForEarlierOnes() throws Exception {
    ManualLog log = new ManualLog();
    Outbox outbox = new Outbox(log, context);
    onContext(() -> {
      outbox.later(() -> ran.add("durable"));
      outbox.commit(List.of(new Mutation.SaveEventId(1)));
      outbox.later(() -> ran.add("reply to a query"));
      outbox.commit(List.of());
    });
    drainEventLoop();
    assertThat(ran).as("nothing runs while the first batch is not on disk").isEmpty();
    log.appends.poll().complete(null);
    drainEventLoop();
    assertThat(ran).containsExactly("durable", "reply to a query");
  }

  @Test
  void aFailedSyncAbandonsItsEffectsAndEveryLaterOne() throws Exception {
    ManualLog log = new ManualLog();
    Outbox outbox = new Outbox(log, context);
    onContext(() -> {
      outbox.later(() -> ran.add("lost"));
      outbox.commit(List.of(new Mutation.SaveEventId(1)));
    });
    log.appends.poll().completeExceptionally(new java.io.IOException("disk full"));
    drainEventLoop();
    onContext(() -> {
      outbox.later(() -> ran.add("after the failure"));
      outbox.commit(List.of());
    });
    drainEventLoop();
    assertThat(ran).isEmpty();
    assertThat(outbox.failure()).hasMessageContaining("disk full");
  }
}
