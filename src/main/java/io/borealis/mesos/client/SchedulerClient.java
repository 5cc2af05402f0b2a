package io.borealis.mesos.client;

import io.borealis.mesos.wire.MesosJson;
import io.borealis.mesos.wire.RecordIo;
import io.borealis.mesos.wire.SchedulerCall;
import io.borealis.mesos.wire.SchedulerEvent;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.net.URI;
import java.util.function.Consumer;
import java.util.logging.Logger;

/**
 * The scheduler's side of {@code POST /api/v1/scheduler}. One instance serves one framework; create
 * it on the event loop that will consume the events.
 *
 * <p>A SUBSCRIBE answered {@code 307} follows the Location to the leading master, which later calls
 * and re-subscriptions then use; one that fails starts the next attempt at the configured URL again,
 * since the leader may have moved. A call answered {@code 307} means the master lost its leadership:
 * the stream is dropped so the owner re-subscribes; so is one whose answer says the subscription is
 * stale or unknown ({@link StaleSubscription}). Other failed calls are retried as
 * {@link CallRetry} allows, and reported to the {@link CallFailureListener} when they finally fail.
 */
public final class SchedulerClient {
  private static final Logger LOG = Logger.getLogger(SchedulerClient.class.getName());
  private static final int MAX_REDIRECTS = 5;
  private static final String JSON = "application/json";
  static final int CALL_CONNECTIONS = 16;
  static final int ACKNOWLEDGE_CONNECTIONS = 16;

  private final Vertx vertx;
  private final HttpClient streamClient;
  private final HttpClient callClient;
  private final HttpClient acknowledgeClient;
  private final String configuredUrl;
  private final FrameworkCredentials credentials;
  private final CallFailureListener failures;
  private String masterUrl;
  private String streamId;
  private HttpClientResponse stream;
  /** The stream last dropped because the master called it stale. */
  private String abandonedStreamId;

  public SchedulerClient(Vertx vertx, String masterUrl) {
    this(vertx, masterUrl, null, (call, status, message) -> { });
  }

  /** @param credentials sent as HTTP Basic on every request; null: none */
  public SchedulerClient(Vertx vertx, String masterUrl, FrameworkCredentials credentials, CallFailureListener failures) {
    this.vertx = vertx;
    this.configuredUrl = stripSlash(masterUrl);
    this.masterUrl = configuredUrl;
    this.credentials = credentials;
    this.failures = failures;
    // The subscription needs a connection of its own that is never reused for calls.
    this.streamClient = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(false).setIdleTimeout(0));
    // ACKNOWLEDGEs (one per status update) come by the thousand when a large job starts or stops. They get
    // connections of their own, so a backlog of them never holds up a launch, a kill or a REVIVE (which
    // waited behind 10,000 acknowledgements for 1.5 s in the scale benchmark), and launches never hold
    // up the acknowledgements that let agents send their next update.
    this.callClient = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true), new PoolOptions().setHttp1MaxSize(CALL_CONNECTIONS));
    this.acknowledgeClient = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true),
        new PoolOptions().setHttp1MaxSize(ACKNOWLEDGE_CONNECTIONS));
  }

  public String masterUrl() {
    return masterUrl;
  }

  /**
   * Subscribes and streams events to {@code onEvent} until the stream ends, then calls
   * {@code onClosed} once (with the failure, or null for a clean end).
   */
  public Future<MesosSubscription> subscribe(SchedulerCall subscribe, Consumer<SchedulerEvent> onEvent,
      Handler<Throwable> onClosed) {
    String first = masterUrl;
    return subscribe(subscribe, onEvent, onClosed, first, 0).onFailure(e -> masterUrl = configuredUrl);
  }

  private Future<MesosSubscription> subscribe(SchedulerCall call, Consumer<SchedulerEvent> onEvent,
      Handler<Throwable> onClosed, String url, int redirects) {
    return streamClient.request(post(url))
        .compose(request -> request.send(Buffer.buffer(MesosJson.encode(call))))
        .compose(response -> {
          if (response.statusCode() == 307 && redirects < MAX_REDIRECTS) {
            String next = resolve(url, response.getHeader("Location"));
            return response.body().compose(ignored -> subscribe(call, onEvent, onClosed, next, redirects + 1));
          }
          if (response.statusCode() != 200) {
            return response.body().compose(body -> Future.failedFuture(new MesosCallException(response.statusCode(), body.toString())));
          }
          masterUrl = url;
          streamId = response.getHeader("Mesos-Stream-Id");
          consume(response, onEvent, onClosed);
          return Future.succeededFuture(new MesosSubscription(url, streamId));
        });
  }

  /**
   * Drops the subscription connection, as a framework must when the master has gone quiet; the
   * stream's close handler then runs as for any other end of the stream.
   */
  public void disconnect() {
    if (stream != null) {
      stream.request().connection().close();
    }
  }

  private void consume(HttpClientResponse response, Consumer<SchedulerEvent> onEvent, Handler<Throwable> onClosed) {
    stream = response;
    RecordIo.Decoder decoder = new RecordIo.Decoder();
    boolean[] closed = {false};
    Handler<Throwable> closeOnce = error -> {
      if (!closed[0]) {
        closed[0] = true;
        onClosed.handle(error);
      }
    };
    response.handler(chunk -> {
      try {
        for (byte[] record : decoder.feed(chunk.getBytes())) {
          onEvent.accept(MesosJson.decode(record, SchedulerEvent.class));
        }
      } catch (RuntimeException e) {
        closeOnce.handle(e);
        response.request().connection().close();
      }
    });
    response.exceptionHandler(closeOnce);
    response.endHandler(v -> closeOnce.handle(null));
  }

  /**
   * Sends a non-subscribe call on the current stream; succeeds on the master's 202. Retries a
   * transient failure of a repeatable call while the stream it was meant for lasts.
   */
  public Future<Void> call(SchedulerCall call) {
    if (streamId == null) {
      return Future.failedFuture(new IllegalStateException("not subscribed to a Mesos master"));
    }
    return attempt(call, streamId, 0);
  }

  private Future<Void> attempt(SchedulerCall call, String forStream, int retries) {
    return send(call, forStream).recover(error -> {
      boolean sameStream = forStream.equals(streamId);
      if (sameStream && retries < CallRetry.RETRIES && CallRetry.isRepeatable(call.type()) && CallRetry.isTransient(error)) {
        long delay = (CallRetry.FIRST_DELAY_MS << retries) / 2 + (long) (Math.random() * (CallRetry.FIRST_DELAY_MS << retries) / 2);
        LOG.fine(() -> "Mesos call " + call.type() + " failed (" + error.getMessage() + "); retrying in " + delay + " ms");
        return vertx.timer(delay).compose(v -> attempt(call, forStream, retries + 1));
      }
      if (error instanceof MesosCallException refused && refused.status() == 307 && sameStream) {
        LOG.warning(() -> "Mesos master " + masterUrl + " redirects calls elsewhere: it no longer leads; re-subscribing");
        disconnect();
      } else if (sameStream && StaleSubscription.isStale(error) && !forStream.equals(abandonedStreamId)) {
        // Calls in flight on the same stale stream all fail alike: one drop (and one log line) is enough.
        abandonedStreamId = forStream;
        LOG.warning(() -> "Mesos master " + masterUrl + " no longer serves this subscription (" + error.getMessage()
            + "); dropping the stream to re-subscribe");
        disconnect();
      }
      failures.failed(call.type(), CallRetry.statusOf(error), error.getMessage());
      return Future.failedFuture(error);
    });
  }

  private Future<Void> send(SchedulerCall call, String forStream) {
    HttpClient client = call.type() == SchedulerCall.Type.ACKNOWLEDGE ? acknowledgeClient : callClient;
    return client.request(post(masterUrl))
        .compose(request -> request.putHeader("Mesos-Stream-Id", forStream).send(Buffer.buffer(MesosJson.encode(call))))
        .compose(response -> response.body().compose(body -> {
          int status = response.statusCode();
          return status == 202 || status == 200 ? Future.<Void>succeededFuture()
              : Future.failedFuture(new MesosCallException(status, body.toString()));
        }));
  }

  public Future<Void> close() {
    return Future.join(streamClient.close(), callClient.close(), acknowledgeClient.close()).mapEmpty();
  }

  private RequestOptions post(String url) {
    // Mesos compares Content-Type byte for byte: no charset parameter.
    RequestOptions options = new RequestOptions().setMethod(HttpMethod.POST).setAbsoluteURI(url + "/api/v1/scheduler")
        .putHeader("Content-Type", JSON).putHeader("Accept", JSON);
    return credentials == null ? options : options.putHeader("Authorization", credentials.authorizationHeader());
  }

  /** Mesos redirects with a protocol-relative Location ({@code //host:5050/api/v1/scheduler}). */
  static String resolve(String current, String location) {
    URI resolved = URI.create(current + "/api/v1/scheduler").resolve(location);
    return stripSlash(resolved.getScheme() + "://" + resolved.getRawAuthority());
  }

  private static String stripSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }
}
