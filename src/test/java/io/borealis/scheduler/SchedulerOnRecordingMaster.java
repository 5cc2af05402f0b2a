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
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * The scheduler's verticles (state, Mesos, and placement if asked) subscribed to a
 * {@link RecordingMaster}, so a test can see every call they make and feed them events.
 */
public final class SchedulerOnRecordingMaster implements AutoCloseable {
  public final Vertx vertx;
  public final RecordingMaster master;
  /** Where the Mesos verticle counts failed calls. */
  final SimpleMeterRegistry registry;

  private SchedulerOnRecordingMaster(Vertx vertx, RecordingMaster master, SimpleMeterRegistry registry) {
    this.vertx = vertx;
    this.master = master;
    this.registry = registry;
  }

  public static SchedulerOnRecordingMaster start(boolean withPlacement) throws Exception {
    return start(withPlacement, settings -> settings, master -> { }, true);
  }

  /**
   * @param tune changes the settings (e.g. framework role and credentials)
   * @param prepare readies the master (e.g. refusals) before the scheduler first subscribes
   * @param awaitSubscribe whether to wait for the SUBSCRIBE to reach this master (not when it redirects)
   */
  public static SchedulerOnRecordingMaster start(boolean withPlacement, UnaryOperator<SchedulerSettings> tune,
      Consumer<RecordingMaster> prepare, boolean awaitSubscribe) throws Exception {
    Vertx vertx = Vertx.vertx();
    LocalCodec.register(vertx);
    RecordingMaster master = RecordingMaster.start(vertx);
    prepare.accept(master);
    SchedulerSettings untuned = new SchedulerSettings("devcluster", master.url(), "Borealis", "tester", Duration.ofDays(1),
        "true", 0.25, 128, Duration.ofMinutes(5), null, LifecycleSettings.AURORA_DEFAULTS, Duration.ofHours(1),
        SchedulerSettings.DEFAULT_UPDATE_PROGRESS_DEADLINE, SchedulerSettings.DEFAULT_PREEMPTION_DELAY, null);
    SchedulerSettings settings = tune.apply(untuned);
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    SchedulerMetrics metrics = new SchedulerMetrics(registry);
    await(vertx.deployVerticle(new StateVerticle(Clock.systemUTC(), "devcluster", LifecycleSettings.AURORA_DEFAULTS, Duration.ZERO,
        metrics, StateLog.ephemeral(), StoredState.empty())));
    if (withPlacement) {
      await(vertx.deployVerticle(new OfferVerticle(settings, metrics, Clock.systemUTC())));
    }
    await(vertx.deployVerticle(new MesosVerticle(settings, registry)));
    if (awaitSubscribe) {
      master.awaitCall(c -> c.type() == SchedulerCall.Type.SUBSCRIBE, "SUBSCRIBE");
    }
    return new SchedulerOnRecordingMaster(vertx, master, registry);
  }

  public static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  /** Polls the Mesos client's own account of its subscription until {@code condition} holds. */
  io.borealis.events.MesosCommands.Connection awaitConnection(java.util.function.Predicate<io.borealis.events.MesosCommands.Connection> condition,
      String what) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (true) {
      var connection = await(vertx.eventBus().<io.borealis.events.MesosCommands.Connection>request(BusAddresses.MESOS_STATUS,
          new io.borealis.events.MesosCommands.GetConnection())).body();
      if (condition.test(connection)) {
        return connection;
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("the Mesos client never reported " + what + "; last: " + connection);
      }
      java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
    }
  }

  /** Asks the state verticle and returns its reply. */
  public Object state(StateRequests.Request request) throws Exception {
    return await(vertx.eventBus().request(BusAddresses.STATE, request)).body();
  }

  @Override
  public void close() throws Exception {
    master.close();
    await(vertx.close());
  }
}
