package io.borealis.storage;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Where the state verticle makes its changes durable. Today a local journal; a replicated log (several
 * schedulers, one leader) can implement the same promise later without the verticles noticing.
 */
public interface StateLog extends AutoCloseable {

  /**
   * Makes a batch durable. Batches complete in the order they were appended; the stage completes
   * only once the batch survives a crash, and fails if it cannot.
   */
  CompletionStage<Void> append(List<Mutation> batch);

  /** Whether the journal has grown enough since the last snapshot that the caller should offer one. */
  boolean wantsSnapshot();

  /** The whole state as of every batch appended so far, to be written as a snapshot in the background. */
  void snapshot(List<Mutation> state);

  /** Waits for appended batches, then releases the storage. */
  @Override
  void close();

  /** A log that keeps nothing, for {@code --ephemeral} runs and tests that do not restart. */
  static StateLog ephemeral() {
    return new StateLog() {
      @Override
      public CompletionStage<Void> append(List<Mutation> batch) {
        return CompletableFuture.completedFuture(null);
      }

      @Override
      public boolean wantsSnapshot() {
        return false;
      }

      @Override
      public void snapshot(List<Mutation> state) {}

      @Override
      public void close() {}
    };
  }
}
