package io.borealis.executor;

import io.borealis.mesos.wire.ExecutorCall;
import io.borealis.mesos.wire.ExecutorEvent;
import io.borealis.mesos.wire.MesosJson;
import io.borealis.mesos.wire.RecordIo;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import java.nio.charset.StandardCharsets;

/**
 * The executor's side of {@code POST /api/v1/executor}. SUBSCRIBE holds its response open as the
 * event stream; every other call goes on its own request and must be answered {@code 202}.
 * Callbacks run on the context that called.
 */
final class AgentClient {
  private static final System.Logger LOG = System.getLogger(AgentClient.class.getName());
  static final String PATH = "/api/v1/executor";
  /** Mesos compares the Content-Type byte for byte: {@code application/json; charset=utf-8} gets 415. */
  static final String JSON = "application/json";
  private static final int CONNECT_TIMEOUT_MS = 10_000;
  private static final long CALL_IDLE_TIMEOUT_MS = 30_000;

  private final HttpClient http;
  private final String host;
  private final int port;
  private final String authenticationToken;

  AgentClient(Vertx vertx, String host, int port, String authenticationToken) {
    // No idle timeout on the client: the event stream may stay silent for the 30 minutes between
    // agent heartbeats.
    this.http = vertx.createHttpClient(new HttpClientOptions().setConnectTimeout(CONNECT_TIMEOUT_MS));
    this.host = host;
    this.port = port;
    this.authenticationToken = authenticationToken;
  }

  /**
   * Subscribes and feeds each event to {@code events} as it completes, however the bytes were
   * chunked. An event that is not valid JSON is logged and skipped.
   *
   * @return completes when the stream is over: succeeded if the agent ended it cleanly, failed with
   *     the reason if SUBSCRIBE was refused, the connection broke, or the stream was not RecordIO
   */
  Future<Void> subscribe(ExecutorCall subscribe, Handler<ExecutorEvent> events) {
    Promise<Void> over = Promise.promise();
    http.request(requestOptions())
        .compose(request -> request.send(Buffer.buffer(MesosJson.encode(subscribe))))
        .onFailure(over::tryFail)
        .onSuccess(response -> {
          if (response.statusCode() != 200) {
            response.body().onComplete(body -> over.tryFail(refused(subscribe, response, body.succeeded() ? body.result() : null)));
            return;
          }
          stream(response, events, over);
        });
    return over.future();
  }

  /** Sends a call other than SUBSCRIBE; fails unless the agent answers {@code 202 Accepted}. */
  Future<Void> send(ExecutorCall call) {
    return http.request(requestOptions().setIdleTimeout(CALL_IDLE_TIMEOUT_MS))
        .compose(request -> request.send(Buffer.buffer(MesosJson.encode(call))))
        .compose(response -> response.body().compose(body -> response.statusCode() == 202
            ? Future.<Void>succeededFuture()
            : Future.<Void>failedFuture(refused(call, response, body))));
  }

  Future<Void> close() {
    return http.close();
  }

  private static void stream(HttpClientResponse response, Handler<ExecutorEvent> events, Promise<Void> over) {
    RecordIo.Decoder decoder = new RecordIo.Decoder();
    response.handler(chunk -> {
      if (over.future().isComplete()) {
        return;
      }
      try {
        for (byte[] record : decoder.feed(chunk.getBytes())) {
          dispatch(record, events);
        }
      } catch (IllegalStateException corrupt) {
        over.tryFail(new IllegalStateException("the event stream is not valid RecordIO: " + corrupt.getMessage(), corrupt));
        response.request().connection().close();
      }
    });
    response.exceptionHandler(over::tryFail);
    response.endHandler(end -> {
      if (decoder.isAtRecordBoundary()) {
        over.tryComplete();
      } else {
        over.tryFail(new IllegalStateException("the event stream ended in the middle of a record"));
      }
    });
  }

  private static void dispatch(byte[] record, Handler<ExecutorEvent> events) {
    ExecutorEvent event;
    try {
      event = MesosJson.decode(record, ExecutorEvent.class);
    } catch (MesosJson.MesosJsonException e) {
      LOG.log(System.Logger.Level.WARNING, "skipping an event that cannot be read: {0}: {1}", e.getMessage(),
          new String(record, StandardCharsets.UTF_8));
      return;
    }
    try {
      events.handle(event);
    } catch (RuntimeException bug) {
      // One bad event must not tear down the stream and, with it, the task.
      LOG.log(System.Logger.Level.ERROR, "handling a " + event.type() + " event failed", bug);
    }
  }

  private RequestOptions requestOptions() {
    RequestOptions options = new RequestOptions()
        .setMethod(HttpMethod.POST)
        .setHost(host)
        .setPort(port)
        .setURI(PATH)
        .putHeader("Content-Type", JSON)
        .putHeader("Accept", JSON);
    if (authenticationToken != null) {
      options.putHeader("Authorization", "Bearer " + authenticationToken);
    }
    return options;
  }

  private static AgentRefusedException refused(ExecutorCall call, HttpClientResponse response, Buffer body) {
    String text = body == null ? "" : body.toString(StandardCharsets.UTF_8).strip();
    return new AgentRefusedException(call.type() + " was answered " + response.statusCode() + " "
        + response.statusMessage() + (text.isEmpty() ? "" : ": " + text));
  }

  /** The agent answered a call with an unexpected status; the message carries its body. */
  static final class AgentRefusedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    AgentRefusedException(String message) {
      super(message);
    }
  }
}
