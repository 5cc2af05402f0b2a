package io.borealis.api;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServerResponse;
import java.util.function.LongConsumer;

/**
 * One open {@code GET /api/v1/events} response and what it has been sent. Counts the bytes written to
 * it that have not yet reached its socket: Vert.x completes a write once its bytes are handed to the
 * kernel, so this is exactly what the server holds for this client, and what a client that stops
 * reading makes grow. Used only on the API verticle's event loop.
 */
final class SseSubscriber {
  final HttpServerResponse response;
  /** To close: Vert.x 5 closes an HTTP/1 response only with its connection. */
  final HttpConnection connection;
  final EventFilter filter;
  private final LongConsumer pendingChange;
  /** The newest event id this subscriber has been sent or told to skip; later frames only. */
  long sentThrough;
  private long pendingBytes;

  SseSubscriber(HttpServerResponse response, HttpConnection connection, EventFilter filter, long sentThrough,
      LongConsumer pendingChange) {
    this.response = response;
    this.connection = connection;
    this.filter = filter;
    this.sentThrough = sentThrough;
    this.pendingChange = pendingChange;
  }

  long pendingBytes() {
    return pendingBytes;
  }

  /**
   * Whether {@code bytes} more would take this subscriber past {@code limit}. A subscriber with nothing
   * waiting may always take one write, however large (a replay), so the bound is limit plus one write.
   */
  boolean wouldExceed(int bytes, long limit) {
    return pendingBytes > 0 && pendingBytes + bytes > limit;
  }

  void write(Buffer frames) {
    if (response.closed() || response.ended()) {
      return;
    }
    int length = frames.length();
    pendingBytes += length;
    pendingChange.accept(length);
    response.write(frames).onComplete(done -> {
      pendingBytes -= length;
      pendingChange.accept(-length);
    });
  }
}
