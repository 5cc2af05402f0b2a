package io.borealis.api;

import io.borealis.api.SseFrame.ResetReason;
import io.borealis.events.BusAddresses;
import io.borealis.events.ClusterEvent;
import io.borealis.events.StateRequests;
import io.borealis.model.Problem;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Logger;

/**
 * {@code GET /api/v1/events}: cluster events as server-sent events to every subscriber whose filter
 * they pass. Lives on the API verticle's event loop; the event bus feeds it in id order.
 *
 * <p>Each event is encoded once ({@link SseFrame}) and the same bytes go to every subscriber. Events
 * are not written one by one: those that arrive within the coalescing window (25 ms by default) are
 * written together, one write per subscriber, and a busy loop gathers more per write on its own. Recent frames are kept ({@link ReplayBuffer}) for clients
 * resuming with {@code Last-Event-ID}; a client that cannot resume without a gap is sent a
 * {@code reset} event instead. A subscriber that lets more than {@code maxPendingBytes} wait for it
 * is cut off, so no client can make the server hold events without bound.
 */
final class EventStreamHub {
  /** An event and its encoded frame, as kept for replay and queued for the next write. */
  private record Framed(ClusterEvent event, Buffer frame) {}

  private static final Logger LOG = Logger.getLogger(EventStreamHub.class.getName());
  private static final long STATE_TIMEOUT_MS = 5_000;
  /**
   * A batch goes out once it holds this much, even mid-turn: each write stays small next to the
   * slow-consumer limit, which is judged before each write (a burst of 10,000 events in one turn
   * would otherwise be one 4 MB write that no limit stops).
   */
  private static final int MAX_BATCH_BYTES = 64 * 1024;

  private final Vertx vertx;
  private final EventStreamSettings settings;
  private final Clock clock;
  private final ReplayBuffer<Framed> replay;
  private final Set<SseSubscriber> subscribers = new LinkedHashSet<>();
  private List<Framed> unsent = new ArrayList<>();
  private int unsentBytes;
  private long pendingBytes;
  private final Counter framesEncoded;
  private final Counter slowConsumerCuts;
  private final MeterRegistry metrics;

  EventStreamHub(Vertx vertx, EventStreamSettings settings, MeterRegistry metrics, Clock clock) {
    this.vertx = vertx;
    this.settings = settings;
    this.clock = clock;
    this.metrics = metrics;
    this.replay = new ReplayBuffer<>(settings.replayCapacity(), f -> f.event().id());
    Gauge.builder("borealis.sse.subscribers", subscribers, Set::size)
        .description("Open GET /api/v1/events streams").register(metrics);
    Gauge.builder("borealis.sse.pending.bytes", this, hub -> hub.pendingBytes)
        .description("Bytes written to event streams that have not yet reached their sockets").register(metrics);
    framesEncoded = Counter.builder("borealis.sse.frames.encoded")
        .description("Events encoded for the event stream (once each, however many subscribers get them)").register(metrics);
    slowConsumerCuts = Counter.builder("borealis.sse.slow.consumer.cuts")
        .description("Event streams closed because their client read too slowly").register(metrics);
    vertx.setPeriodic(settings.heartbeat().toMillis(), id -> heartbeat());
  }

  void publish(ClusterEvent event) {
    Framed framed = new Framed(event, SseFrame.of(event));
    framesEncoded.increment();
    if (!replay.append(framed)) {
      // Ids come from the one state owner in order. Passing on an older id would break every client's
      // Last-Event-ID, so such an event (a bug in its publisher) is dropped, loudly.
      LOG.severe("Event " + event.id() + " arrived after event " + replay.latest() + "; not streamed: " + event);
      return;
    }
    unsent.add(framed);
    unsentBytes += framed.frame().length();
    if (unsentBytes >= MAX_BATCH_BYTES) {
      flush();
    } else if (unsent.size() == 1) {
      long coalesceMs = settings.coalesce().toMillis();
      if (coalesceMs == 0) {
        vertx.runOnContext(v -> flush());
      } else {
        vertx.setTimer(coalesceMs, t -> flush());
      }
    }
  }

  void subscribe(RoutingContext rc) {
    List<Problem> problems = new ArrayList<>();
    EventFilter filter = EventFilter.parse(rc.request().params(), problems);
    Long lastSeen = lastEventId(rc, problems);
    if (!problems.isEmpty()) {
      ApiError.badRequest(rc, "bad event stream query: " + problems.get(0).message(), problems);
      return;
    }
    HttpServerResponse response = rc.response()
        .setChunked(true)
        .putHeader("Content-Type", "text/event-stream")
        .putHeader("Cache-Control", "no-cache")
        .putHeader("X-Accel-Buffering", "no");
    response.exceptionHandler(e -> {}); // a client going away is normal; its close handler cleans up
    response.write(SseFrame.PREAMBLE);
    HttpConnection connection = rc.request().connection();
    if (lastSeen == null) {
      join(new SseSubscriber(response, connection, filter, replay.known() ? replay.latest() : -1, this::pendingChanged));
      return;
    }
    ReplayBuffer.Resume<Framed> resume = replay.resumeAfter(lastSeen);
    if (!(resume instanceof ReplayBuffer.Unknown)) {
      start(response, connection, filter, lastSeen, resume);
      return;
    }
    // Nothing seen since this scheduler started: only the state owner knows whether lastSeen is current.
    vertx.eventBus().<Long>request(BusAddresses.STATE, new StateRequests.GetLastEventId(),
            new DeliveryOptions().setSendTimeout(STATE_TIMEOUT_MS))
        .onComplete(reply -> {
          if (!response.closed()) {
            start(response, connection, filter, lastSeen,
                reply.succeeded() ? replay.resumeAfter(lastSeen, reply.result().body()) : replay.resumeAfter(lastSeen));
          }
        });
  }

  /** Replays what a resuming client missed, or tells it to reset; then it follows the live stream. */
  private void start(HttpServerResponse response, HttpConnection connection, EventFilter filter, long lastSeen,
      ReplayBuffer.Resume<Framed> resume) {
    SseSubscriber subscriber;
    if (resume instanceof ReplayBuffer.Replay<Framed> replayed) {
      subscriber = new SseSubscriber(response, connection, filter, replayed.latest(), this::pendingChanged);
      List<Buffer> frames = new ArrayList<>();
      replayed.items().stream().filter(f -> filter.test(f.event())).forEach(f -> frames.add(f.frame()));
      if (!frames.isEmpty()) {
        subscriber.write(SseFrame.join(frames));
      }
    } else {
      ResetReason reason;
      long latest;
      String message;
      if (resume instanceof ReplayBuffer.TooOld<Framed> old) {
        reason = ResetReason.TOO_OLD;
        latest = old.latest();
        message = "events after " + lastSeen + " are no longer kept (the oldest kept is " + old.oldestKept()
            + "); re-read the state, then follow this stream from event " + latest;
      } else if (resume instanceof ReplayBuffer.Ahead<Framed> ahead) {
        reason = ResetReason.AHEAD;
        latest = ahead.latest();
        message = "event " + lastSeen + " is beyond the latest event " + latest
            + " (the scheduler restarted without it, or the id is from another scheduler); re-read the state";
      } else {
        reason = ResetReason.UNKNOWN;
        latest = -1;
        message = "the scheduler is starting and cannot yet tell what happened after event " + lastSeen
            + "; re-read the state";
      }
      metrics.counter("borealis.sse.resets", "reason", reason.wireName()).increment();
      subscriber = new SseSubscriber(response, connection, filter, latest, this::pendingChanged);
      subscriber.write(SseFrame.reset(reason, message, lastSeen, latest, clock.instant()));
    }
    join(subscriber);
  }

  private void join(SseSubscriber subscriber) {
    if (subscriber.response.closed()) {
      return;
    }
    subscribers.add(subscriber);
    subscriber.response.closeHandler(v -> subscribers.remove(subscriber));
  }

  /** Writes every event that arrived since the last turn: one write per subscriber. */
  private void flush() {
    if (unsent.isEmpty()) {
      return; // a full batch went out early
    }
    List<Framed> batch = unsent;
    unsent = new ArrayList<>();
    unsentBytes = 0;
    long first = batch.get(0).event().id();
    long last = batch.get(batch.size() - 1).event().id();
    Buffer all = null;
    for (SseSubscriber subscriber : List.copyOf(subscribers)) {
      Buffer frames;
      if (subscriber.filter.matchesAll() && subscriber.sentThrough < first) {
        all = all != null ? all : SseFrame.joinDirect(batch.stream().map(Framed::frame).toList());
        frames = all;
      } else {
        frames = select(batch, subscriber);
      }
      subscriber.sentThrough = Math.max(subscriber.sentThrough, last);
      if (frames != null) {
        send(subscriber, frames);
      }
    }
  }

  /** The frames of {@code batch} this subscriber wants and has not had (a replay may have sent some). */
  private static Buffer select(List<Framed> batch, SseSubscriber subscriber) {
    List<Buffer> frames = new ArrayList<>();
    for (Framed framed : batch) {
      if (framed.event().id() > subscriber.sentThrough && subscriber.filter.test(framed.event())) {
        frames.add(framed.frame());
      }
    }
    return frames.isEmpty() ? null : SseFrame.join(frames);
  }

  private void heartbeat() {
    for (SseSubscriber subscriber : List.copyOf(subscribers)) {
      send(subscriber, SseFrame.HEARTBEAT);
    }
  }

  private void send(SseSubscriber subscriber, Buffer frames) {
    if (subscriber.wouldExceed(frames.length(), settings.maxPendingBytes())) {
      cut(subscriber);
    } else {
      subscriber.write(frames);
    }
  }

  /**
   * Ends a stream whose client stopped keeping up. It is told why (if it ever reads again) and may
   * reconnect with its Last-Event-ID; the connection is closed once the reset has left, or after the
   * grace period, so its queued bytes are freed either way.
   */
  private void cut(SseSubscriber subscriber) {
    subscribers.remove(subscriber);
    slowConsumerCuts.increment();
    HttpServerResponse response = subscriber.response;
    Buffer reset = SseFrame.reset(ResetReason.SLOW_CONSUMER, "this client read too slowly: more than "
        + settings.maxPendingBytes() + " bytes were waiting for it; reconnect with Last-Event-ID to resume", null,
        -1, clock.instant());
    long closer = vertx.setTimer(Math.max(1, settings.cutGrace().toMillis()), t -> subscriber.connection.close());
    response.end(reset).onComplete(done -> {
      vertx.cancelTimer(closer);
      subscriber.connection.close();
    });
  }

  private void pendingChanged(long delta) {
    pendingBytes += delta;
  }

  /** The {@code Last-Event-ID} header, or the {@code last_event_id} parameter for clients that cannot set headers. */
  private static Long lastEventId(RoutingContext rc, List<Problem> problems) {
    String header = rc.request().getHeader("Last-Event-ID");
    String name = header != null ? "Last-Event-ID" : "last_event_id";
    String value = header != null ? header : rc.request().getParam("last_event_id");
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      problems.add(new Problem(name, "'" + value + "' is not an event id (an integer from an earlier event's id:)"));
      return null;
    }
  }
}
