package io.borealis.updates;

import io.borealis.model.UpdateConfig;
import java.util.List;

/**
 * How many instances an update moves at once, from Aurora's UpdateConfig: a queue keeps up to N in
 * flight and starts the next as soon as one finishes; a batch starts the next N only when the whole
 * batch is done; a variable batch does the same with sizes in order, the last one repeating.
 */
public record BatchStrategy(Kind kind, List<Integer> sizes, boolean autopauseAfterBatch) {
  public enum Kind { QUEUE, BATCH }

  public BatchStrategy {
    sizes = List.copyOf(sizes);
    if (sizes.isEmpty() || sizes.stream().anyMatch(size -> size < 1)) {
      throw new IllegalArgumentException("batch sizes must be at least 1: " + sizes);
    }
  }

  public static BatchStrategy of(UpdateConfig config) {
    UpdateConfig.Strategy strategy = config.strategy();
    if (strategy == null) {
      return new BatchStrategy(config.waitForBatchCompletion() ? Kind.BATCH : Kind.QUEUE, List.of(config.batchSize()), false);
    }
    return switch (strategy.kind()) {
      case QUEUE -> new BatchStrategy(Kind.QUEUE, List.of(strategy.batchSize()), false);
      case BATCH -> new BatchStrategy(Kind.BATCH, List.of(strategy.batchSize()), strategy.autopauseAfterBatch());
      case VARIABLE_BATCH -> new BatchStrategy(Kind.BATCH, strategy.batchSizes(), strategy.autopauseAfterBatch());
    };
  }

  /** The size of batch {@code index} (0-based): the last size repeats. */
  public int batchSize(int index) {
    return sizes.get(Math.min(index, sizes.size() - 1));
  }

  /** Most instances in flight at once. */
  public int maxInFlight(int batchIndex) {
    return kind == Kind.QUEUE ? sizes.get(0) : batchSize(batchIndex);
  }
}
