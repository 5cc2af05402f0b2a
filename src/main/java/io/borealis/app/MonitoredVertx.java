package io.borealis.app;

import io.borealis.scheduler.LocalCodec;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;

/**
 * A Vert.x whose HTTP, event-bus and JVM meters go to a Prometheus registry of its own, which the
 * scheduler's counters join and {@code /metrics} serves. One registry per Vert.x, so several
 * schedulers in one JVM (tests) never mix their counts. Its bus carries Borealis's records from the
 * start, because the API serves (and asks the state owner) before the scheduler has finished starting.
 */
public record MonitoredVertx(Vertx vertx, PrometheusMeterRegistry registry) {
  public static MonitoredVertx create() {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    MicrometerMetricsOptions metrics = new MicrometerMetricsOptions().setEnabled(true).setJvmMetricsEnabled(true);
    Vertx vertx = Vertx.builder().with(new VertxOptions().setMetricsOptions(metrics))
        .withMetrics(new MicrometerMetricsFactory(registry)).build();
    LocalCodec.register(vertx);
    return new MonitoredVertx(vertx, registry);
  }
}
