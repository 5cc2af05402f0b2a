package io.borealis.scheduler;

import io.borealis.storage.Mutation;
import io.borealis.storage.StateLog;
import io.vertx.core.Context;
import io.vertx.core.eventbus.Message;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What the state verticle tells the world (replies, events, commands to Mesos), held back until the
 * changes behind it are durable. Each handled request ends with {@link #commit}: its changes go to the
 * log as one batch, and its effects run when that batch and every earlier one are on disk, in order.
 * Effects with no changes of their own still wait for earlier batches, so no reply ever shows state
 * that a crash could take back.
 */
final class Outbox {
  private static final Logger LOG = Logger.getLogger(Outbox.class.getName());

  /** An effect, and what to do instead if its changes never become durable. */
  private interface Effect {
    void run();

    default void abandon(Throwable cause) {}
  }

  /** One request's effects, and (once known) whether the changes they wait for are durable. */
  private static final class Batch {
    final List<Effect> effects;
    final boolean hasChanges;
    boolean settled;
    Throwable failure;

    Batch(List<Effect> effects, boolean hasChanges) {
      this.effects = effects;
      this.hasChanges = hasChanges;
    }
  }

  private final StateLog log;
  private final Context context;
  private final List<Effect> effects = new ArrayList<>();
  /**
   * Batches in commit order. Effects leave strictly in this order: the effects of a batch run only
   * when it and every batch before it have settled. (Running them from each append's own completion
   * is not enough: a batch whose sync finished before its listener was attached would run at once,
   * ahead of earlier batches still queued on the event loop, and events would leave out of order.)
   */
  private final ArrayDeque<Batch> waiting = new ArrayDeque<>();
  /** How the latest batch with changes ended: batches without changes of their own take its outcome. */
  private Throwable lastOutcome;
  private boolean running;
  private Throwable failure;

  Outbox(StateLog log, Context context) {
    this.log = log;
    this.context = context;
  }

  void later(Runnable effect) {
    effects.add(effect::run);
  }

  <T> void reply(Message<T> message, Object body) {
    effects.add(new Effect() {
      @Override
      public void run() {
        message.reply(body);
      }

      @Override
      public void abandon(Throwable cause) {
        message.fail(503, "the change could not be stored: " + cause.getMessage());
      }
    });
  }

  <T> void fail(Message<T> message, int code, String text) {
    effects.add(() -> message.fail(code, text));
  }

  /** Whether storage has failed: nothing more can be made durable, so nothing more may be accepted. */
  Throwable failure() {
    return failure;
  }

  /** Must be called on the owner's context. */
  void commit(List<Mutation> changes) {
    if (changes.isEmpty() && effects.isEmpty()) {
      return;
    }
    Batch batch = new Batch(List.copyOf(effects), !changes.isEmpty());
    effects.clear();
    waiting.add(batch);
    if (batch.hasChanges) {
      log.append(changes).whenComplete((ok, cause) -> context.runOnContext(v -> {
        batch.settled = true;
        batch.failure = cause;
        if (cause != null) {
          storageFailed(cause);
        }
        runSettled();
      }));
    } else {
      batch.settled = true;
      runSettled();
    }
  }

  private void runSettled() {
    if (running) {
      return; // an effect led back here: the loop below carries on with later batches after it
    }
    running = true;
    try {
      runSettledInOrder();
    } finally {
      running = false;
    }
  }

  private void runSettledInOrder() {
    while (!waiting.isEmpty() && waiting.peek().settled) {
      Batch batch = waiting.poll();
      if (batch.hasChanges) {
        lastOutcome = batch.failure;
      }
      for (Effect effect : batch.effects) {
        if (lastOutcome == null) {
          effect.run();
        } else {
          effect.abandon(lastOutcome);
        }
      }
    }
  }

  private void storageFailed(Throwable cause) {
    if (failure == null) {
      failure = cause;
      LOG.log(Level.SEVERE, "Storage failed; the scheduler refuses every further change until restarted", cause);
    }
  }
}
