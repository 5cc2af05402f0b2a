package io.borealis.api;

import io.borealis.events.ClusterEvent;
import io.netty.buffer.Unpooled;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.internal.buffer.BufferInternal;
import io.vertx.core.json.JsonObject;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/**
 * The bytes of {@code text/event-stream}: one frame per event, encoded once and shared by every
 * subscriber that gets it. Sharing is safe: Vert.x writes a {@link Buffer} to a connection as a slice
 * of its bytes with its own read position, and never releases or changes the bytes, so one frame can
 * sit in a thousand connections' write queues at once.
 */
final class SseFrame {
  /** Browsers reconnect after this many milliseconds when the stream drops. */
  static final Buffer PREAMBLE = Buffer.buffer("retry: 2000\n\n");
  /** A comment: ignored by EventSource, but traffic that keeps proxies from closing an idle stream. */
  static final Buffer HEARTBEAT = Buffer.buffer(": heartbeat\n\n");

  /** Why a client is told to re-read state. */
  enum ResetReason {
    /** It asked to resume after an event that is no longer kept. */
    TOO_OLD,
    /** It asked to resume after an id this scheduler never published (restart without its events, other cluster). */
    AHEAD,
    /** The scheduler has just started and could not yet tell whether the client missed anything. */
    UNKNOWN,
    /** It read too slowly: events waited for it beyond the limit, so its stream was cut. */
    SLOW_CONSUMER;

    String wireName() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  private SseFrame() {}

  /** One cluster event: {@code id:}, {@code event:} (task, health, job, update) and its JSON {@code data:}. */
  static Buffer of(ClusterEvent event) {
    return frame(event.id(), event.type(), ApiJson.event(event));
  }

  /**
   * A {@code reset} event: the client must discard what it knows and re-read state. When {@code latest}
   * is known (not negative) it is also the frame's id, so the browser resumes from there afterwards.
   */
  static Buffer reset(ResetReason reason, String message, Long lastEventId, long latest, Instant now) {
    JsonObject data = new JsonObject().put("type", "reset").put("reason", reason.wireName()).put("message", message)
        .put("last_event_id", lastEventId).put("latest_id", latest < 0 ? null : latest).put("timestamp", now.toString());
    return frame(latest, "reset", data);
  }

  /**
   * Frames back to back in memory outside the Java heap, as one write shared by many connections.
   * Netty sends only such direct memory to a socket: a heap buffer is copied into a fresh direct one
   * for every connection it is written to, which with a thousand subscribers cost more than everything
   * else the server does per event. The memory is the JDK's, freed by the garbage collector once no
   * connection holds it (Netty's release of what it was given does not free it).
   */
  static Buffer joinDirect(List<Buffer> frames) {
    int length = 0;
    for (Buffer frame : frames) {
      length += frame.length();
    }
    ByteBuffer direct = ByteBuffer.allocateDirect(length);
    for (Buffer frame : frames) {
      direct.put(((BufferInternal) frame).getByteBuf().nioBuffer());
    }
    direct.flip();
    return BufferInternal.buffer(Unpooled.wrappedBuffer(direct));
  }

  /** Frames back to back, as one write. */
  static Buffer join(List<Buffer> frames) {
    if (frames.size() == 1) {
      return frames.get(0);
    }
    int length = 0;
    for (Buffer frame : frames) {
      length += frame.length();
    }
    Buffer joined = Buffer.buffer(length);
    frames.forEach(joined::appendBuffer);
    return joined;
  }

  private static Buffer frame(long id, String type, JsonObject data) {
    // JSON encoding escapes line breaks inside strings, so the data is always one line.
    String text = (id < 0 ? "" : "id: " + id + "\n") + "event: " + type + "\ndata: " + data.encode() + "\n\n";
    return Buffer.buffer(text.getBytes(StandardCharsets.UTF_8));
  }
}
