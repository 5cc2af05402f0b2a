package io.borealis.scheduler;

import io.borealis.storage.StateLog;
import io.borealis.storage.StoredState;
import io.borealis.events.BusAddresses;
import io.borealis.events.StateRequests;
import io.borealis.mesos.wire.SchedulerCall;
import io.borealis.state.LifecycleSettings;
import io.borealis.testing.RecordingMaster;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The scheduler's verticles (state, Mesos, and placement if asked) subscribed to a
 * {@link RecordingMaster}, so a test can see every call they make and feed them events.
 */
final class SchedulerOnRecordingMaster implements AutoCloseable {
  final Vertx vertx;
  final RecordingMaster master;

  private SchedulerOnRecordingMaster(Vertx vertx, RecordingMaster master) {
    this.vertx = vertx;
    this.master = master;
  }

  static SchedulerOnRecordingMaster start(boolean withPlacement) throws Exception {
    Vertx vertx = Vertx.vertx();
    LocalCodec.register(vertx);
    RecordingMaster master = RecordingMaster.start(vertx);
    SchedulerSettings settings = new SchedulerSettings("devcluster", master.url(), "Borealis", "tester", Duration.ofDays(1),
        "true", 0.25, 128, Duration.ofMinutes(5), null, LifecycleSettings.AURORA_DEFAULTS, Duration.ofHours(1),
        SchedulerSettings.DEFAULT_UPDATE_PROGRESS_DEADLINE, SchedulerSettings.DEFAULT_PREEMPTION_DELAY, null);
    SchedulerMetrics metrics = new SchedulerMetrics(new SimpleMeterRegistry());
    await(vertx.deployVerticle(new StateVerticle(Clock.systemUTC(), "devcluster", LifecycleSettings.AURORA_DEFAULTS, Duration.ZERO,
        metrics, StateLog.ephemeral(), StoredState.empty())));
    if (withPlacement) {
      await(vertx.deployVerticle(new OfferVerticle(settings, metrics, Clock.systemUTC())));
    }
    await(vertx.deployVerticle(new MesosVerticle(settings)));
    master.awaitCall(c -> c.type() == SchedulerCall.Type.SUBSCRIBE, "SUBSCRIBE");
    return new SchedulerOnRecordingMaster(vertx, master);
  }

  static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  /** Asks the state verticle and returns its reply. */
  Object state(StateRequests.Request request) throws Exception {
    return await(vertx.eventBus().request(BusAddresses.STATE, request)).body();
  }

  @Override
  public void close() throws Exception {
    master.close();
    await(vertx.close());
  }
}
