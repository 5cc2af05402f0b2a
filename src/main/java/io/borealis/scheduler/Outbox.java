package io.borealis.scheduler;

import io.borealis.storage.Mutation;
import io.borealis.storage.StateLog;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.eventbus.Message;
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

  private final StateLog log;
  private final Context context;
  private final List<Effect> effects = new ArrayList<>();
  private Future<Void> lastCommit = Future.succeededFuture();
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

  void commit(List<Mutation> changes) {
    if (!changes.isEmpty()) {
      lastCommit = Future.fromCompletionStage(log.append(changes), context);
      lastCommit.onFailure(this::storageFailed);
    }
    if (effects.isEmpty()) {
      return;
    }
    List<Effect> batch = List.copyOf(effects);
    effects.clear();
    lastCommit.onComplete(result -> {
      for (Effect effect : batch) {
        if (result.succeeded()) {
          effect.run();
        } else {
          effect.abandon(result.cause());
        }
      }
    });
  }

  private void storageFailed(Throwable cause) {
    if (failure == null) {
      failure = cause;
      LOG.log(Level.SEVERE, "Storage failed; the scheduler refuses every further change until restarted", cause);
    }
  }
}
