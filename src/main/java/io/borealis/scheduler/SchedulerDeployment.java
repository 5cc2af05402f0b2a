package io.borealis.scheduler;

import io.borealis.storage.Storage;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The scheduler's verticles as one deployment: the state owner first so the others find it
 * answering, and undeployed in reverse, so the Mesos subscription ends before anything it feeds.
 */
public final class SchedulerDeployment {
  private final Vertx vertx;
  private final List<String> deploymentIds;
  private final Storage.Opened storage;

  private SchedulerDeployment(Vertx vertx, List<String> deploymentIds, Storage.Opened storage) {
    this.vertx = vertx;
    this.deploymentIds = List.copyOf(deploymentIds);
    this.storage = storage;
  }

  /** How often the state verticle checks tasks against the clock. */
  public static final Duration SWEEP_INTERVAL = Duration.ofSeconds(1);

  /**
   * Deploys on opened storage, which the deployment then owns and closes on {@link #undeploy}. The
   * Vert.x must carry Borealis's records ({@link LocalCodec#register}) already.
   */
  public static Future<SchedulerDeployment> deploy(Vertx vertx, SchedulerSettings settings, Clock clock, MeterRegistry registry,
      Storage.Opened storage) {
    List<String> ids = new ArrayList<>();
    SchedulerMetrics metrics = new SchedulerMetrics(registry);
    var state = new StateVerticle(clock, settings.cluster(), settings.lifecycle(), SWEEP_INTERVAL, metrics, storage.log(), storage.state());
    return vertx.deployVerticle(state)
        .compose(id -> {
          ids.add(id);
          return vertx.deployVerticle(new UpdateVerticle(clock, settings.updateProgressDeadline()));
        })
        .compose(id -> {
          ids.add(id);
          return vertx.deployVerticle(new HealthCheckVerticle(clock));
        })
        .compose(id -> {
          ids.add(id);
          return vertx.deployVerticle(new OfferVerticle(settings, metrics, clock));
        })
        .compose(id -> {
          ids.add(id);
          return vertx.deployVerticle(new MesosVerticle(settings, registry));
        })
        .compose(id -> {
          ids.add(id);
          return vertx.deployVerticle(() -> new EventLoopLagVerticle(registry),
              new DeploymentOptions().setInstances(VertxOptions.DEFAULT_EVENT_LOOP_POOL_SIZE));
        })
        .map(id -> {
          ids.add(id);
          return new SchedulerDeployment(vertx, ids, storage);
        });
  }

  public Future<Void> undeploy() {
    Future<Void> chain = Future.succeededFuture();
    for (int i = deploymentIds.size() - 1; i >= 0; i--) {
      String id = deploymentIds.get(i);
      chain = chain.compose(v -> vertx.undeploy(id));
    }
    return chain.eventually(() -> vertx.executeBlocking(() -> {
      storage.log().close();
      return null;
    }));
  }
}
