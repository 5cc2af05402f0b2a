package io.borealis.scheduler;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;

/** Deploys the scheduler's verticles, the state owner first so the others find it answering. */
public final class SchedulerDeployment {
  private SchedulerDeployment() {}

  public static Future<Void> deploy(Vertx vertx, SchedulerSettings settings, Clock clock) {
    LocalCodec.register(vertx);
    return vertx.deployVerticle(new StateVerticle(clock, settings.cluster()))
        .compose(id -> vertx.deployVerticle(new OfferVerticle(settings)))
        .compose(id -> vertx.deployVerticle(new MesosVerticle(settings)))
        .mapEmpty();
  }
}
