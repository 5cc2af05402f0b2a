package io.borealis.devcluster;

import io.borealis.mesos.wire.AgentId;
import io.borealis.mesos.wire.FrameworkInfo;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServerResponse;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** A framework as the master knows it: its info, its current subscription stream and its offer filters. */
final class FrameworkSession {
  FrameworkInfo info;
  String streamId;
  HttpServerResponse stream;
  /** The subscription's connection, so a fault can cut it as a broken network would. */
  HttpConnection connection;
  long heartbeatTimer = -1;
  /** Runs while the framework is disconnected; when it fires the framework is removed for good. */
  long failoverTimer = -1;
  boolean suppressed;
  /** Agents this framework declined, and until when it does not want them offered again. */
  final Map<AgentId, Instant> refusedUntil = new HashMap<>();

  FrameworkSession(FrameworkInfo info) {
    this.info = info;
  }

  boolean connected() {
    return stream != null && !stream.closed() && !stream.ended();
  }

  boolean wants(AgentId agent, Instant now) {
    Instant until = refusedUntil.get(agent);
    return !suppressed && (until == null || !until.isAfter(now));
  }

  boolean partitionAware() {
    return info.hasCapability("PARTITION_AWARE");
  }

  /** Mesos' default failover timeout is 0: a framework that disconnects is removed at once. */
  long failoverTimeoutMillis() {
    return info.failoverTimeout() == null ? 0 : (long) (info.failoverTimeout() * 1000);
  }
}
