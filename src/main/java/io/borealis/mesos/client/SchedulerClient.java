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

/**
 * The scheduler's side of {@code POST /api/v1/scheduler}. One instance serves one framework; create
 * it on the event loop that will consume the events.
 */
public final class SchedulerClient {
  private static final int MAX_REDIRECTS = 5;
  private static final String JSON = "application/json";
  static final int CALL_CONNECTIONS = 32;

  private final HttpClient streamClient;
  private final HttpClient callClient;
  private String masterUrl;
  private String streamId;
  private HttpClientResponse stream;

  public SchedulerClient(Vertx vertx, String masterUrl) {
    this.masterUrl = stripSlash(masterUrl);
    // The subscription needs a connection of its own that is never reused for calls.
    this.streamClient = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(false).setIdleTimeout(0));
    // Calls are many and small (an ACKNOWLEDGE per status update): enough connections that a burst of
    // thousands does not queue behind a handful.
    this.callClient = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true), new PoolOptions().setHttp1MaxSize(CALL_CONNECTIONS));
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
    return subscribe(subscribe, onEvent, onClosed, masterUrl, 0);
  }

  private Future<MesosSubscription> subscribe(SchedulerCall call, Consumer<SchedulerEvent> onEvent,
      Handler<Throwable> onClosed, String url, int redirects) {
    return streamClient.request(post(url))
        .compose(request -> request.putHeader("Accept", JSON).send(Buffer.buffer(MesosJson.encode(call))))
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

  /** Sends a non-subscribe call on the current stream; succeeds on the master's 202. */
  public Future<Void> call(SchedulerCall call) {
    if (streamId == null) {
      return Future.failedFuture(new IllegalStateException("not subscribed to a Mesos master"));
    }
    return callClient.request(post(masterUrl))
        .compose(request -> request.putHeader("Mesos-Stream-Id", streamId).send(Buffer.buffer(MesosJson.encode(call))))
        .compose(response -> response.body().compose(body -> {
          int status = response.statusCode();
          return status == 202 || status == 200 ? Future.<Void>succeededFuture()
              : Future.failedFuture(new MesosCallException(status, body.toString()));
        }));
  }

  public Future<Void> close() {
    return Future.join(streamClient.close(), callClient.close()).mapEmpty();
  }

  private static RequestOptions post(String url) {
    // Mesos compares Content-Type byte for byte: no charset parameter.
    return new RequestOptions().setMethod(HttpMethod.POST).setAbsoluteURI(url + "/api/v1/scheduler")
        .putHeader("Content-Type", JSON);
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
