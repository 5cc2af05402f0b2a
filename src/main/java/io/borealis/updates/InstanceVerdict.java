package io.borealis.updates;

import io.borealis.model.JobConfig;
import java.time.Instant;

/** The {@link InstanceEvaluator}'s judgement of one instance: act, wait, or done. */
public sealed interface InstanceVerdict {
  /** Kill this task (it runs the wrong config, or the instance goes away). */
  record Kill(String taskId) implements InstanceVerdict {}

  /** The instance has no task: add one with this config. */
  record Add(JobConfig config) implements InstanceVerdict {}

  /** Nothing to do until the instance's tasks change, or until {@code until} (null: only on a change). */
  record Wait(Instant until) implements InstanceVerdict {}

  record Succeeded() implements InstanceVerdict {}

  record Failed(String reason) implements InstanceVerdict {}
}
