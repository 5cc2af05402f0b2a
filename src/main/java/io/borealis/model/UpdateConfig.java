package io.borealis.model;

import java.util.List;

/** Aurora's {@code UpdateConfig}: how a rolling update of this job proceeds. */
public record UpdateConfig(
    int batchSize,
    int watchSecs,
    int maxPerShardFailures,
    int maxTotalFailures,
    boolean rollbackOnFailure,
    boolean waitForBatchCompletion,
    Integer pulseIntervalSecs,
    boolean slaAware,
    Strategy strategy) {

  public static final UpdateConfig DEFAULT = new UpdateConfig(1, 45, 0, 0, true, false, null, false, null);

  /** One of Aurora's three update strategies; {@code null} on UpdateConfig means the default (queue of batch_size). */
  public record Strategy(Kind kind, int batchSize, List<Integer> batchSizes, boolean autopauseAfterBatch) {
    public enum Kind { QUEUE, BATCH, VARIABLE_BATCH }

    public Strategy {
      batchSizes = batchSizes == null ? List.of() : List.copyOf(batchSizes);
    }
  }
}
