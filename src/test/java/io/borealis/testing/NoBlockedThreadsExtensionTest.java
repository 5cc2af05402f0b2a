package io.borealis.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The guard itself: a blocked event loop must be noticed, or "no warnings" would prove nothing. */
class NoBlockedThreadsExtensionTest {
  @Test
  void noticesAnEventLoopBlockedLongerThanAllowed() throws Exception {
    Vertx vertx = Vertx.vertx(new VertxOptions().setBlockedThreadCheckInterval(50)
        .setMaxEventLoopExecuteTime(100).setMaxEventLoopExecuteTimeUnit(TimeUnit.MILLISECONDS));
    try {
      CompletableFuture<Void> blocked = new CompletableFuture<>();
      vertx.runOnContext(v -> {
        long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(400);
        while (System.nanoTime() < until) {
          Thread.onSpinWait();
        }
        blocked.complete(null);
      });
      blocked.get(10, TimeUnit.SECONDS);
    } finally {
      vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
    // Draining here also keeps this deliberate block from failing the class afterwards.
    assertThat(NoBlockedThreadsExtension.drainWarnings()).isNotEmpty()
        .allSatisfy(warning -> assertThat(warning).contains("has been blocked for"));
  }
}
