package io.borealis.devcluster;

import io.borealis.mesos.wire.MesosJson;
import io.borealis.mesos.wire.RecordIo;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;

/**
 * The checks every Mesos v1 API endpoint makes before looking at a call, in Mesos' order and with its
 * plain-text error bodies: POST only, {@code Content-Type} exactly {@code application/json} or
 * {@code application/x-protobuf}, a body that parses. Protobuf is not decoded here: a body that is not
 * protobuf at all gets Mesos' 400, a real protobuf message a 415 that says to send JSON. Also writes the streaming responses as RecordIO.
 */
final class MesosHttp {
  static final String JSON = "application/json";
  static final String PROTOBUF = "application/x-protobuf";
  static final String STREAM_ID = "Mesos-Stream-Id";

  private MesosHttp() {}

  /**
   * Reads and decodes the call, or answers the request with Mesos' error and fails the future (the
   * caller then has nothing more to do).
   */
  static <T> Future<T> readCall(HttpServerRequest request, Class<T> type) {
    if (request.method() != HttpMethod.POST) {
      request.response().putHeader("Allow", "POST");
      return reject(request, 405, "405 Method Not Allowed. Expecting one of { 'POST' }, but received '" + request.method() + "'.");
    }
    String contentType = request.getHeader("Content-Type");
    if (contentType == null) {
      return reject(request, 400, "Expecting 'Content-Type' to be present");
    }
    if (contentType.equals(PROTOBUF)) {
      return request.body().compose(body -> ProtobufWire.isWellFormed(body.getBytes())
          // Mesos' answer to a body that is not protobuf (exchange 14).
          ? reject(request, 415, "Expecting 'Content-Type' of application/json: the Borealis dev cluster decodes JSON only, "
              + "where a Mesos master also takes application/x-protobuf")
          : reject(request, 400, "Failed to parse body into Call protobuf"));
    }
    if (!contentType.equals(JSON)) {
      return reject(request, 415, "Expecting 'Content-Type' of application/json or application/x-protobuf");
    }
    return request.body().compose(body -> {
      if (body.length() == 0) {
        // Mesos' JSON parser (picojson) words an empty body this way, as captured in fixture 15.
        return reject(request, 400, "Failed to parse body into JSON: syntax error at line 1 near: ");
      }
      try {
        return Future.succeededFuture(MesosJson.decode(body.getBytes(), type));
      } catch (MesosJson.MesosJsonException e) {
        return reject(request, 400, e.getMessage());
      }
    });
  }

  /** Mesos consults Accept only for SUBSCRIBE: missing or a wildcard means JSON. */
  static boolean acceptsJson(HttpServerRequest request) {
    String accept = request.getHeader("Accept");
    return accept == null || accept.contains(JSON) || accept.contains("*/*") || accept.contains("application/*");
  }

  static <T> Future<T> reject(HttpServerRequest request, int status, String message) {
    answer(request.response(), status, message);
    return Future.failedFuture(new RejectedCall(status, message));
  }

  static void answer(HttpServerResponse response, int status, String message) {
    if (!response.ended()) {
      response.setStatusCode(status).putHeader("Content-Type", "text/plain; charset=utf-8").end(message);
    }
  }

  static void accepted(HttpServerResponse response) {
    if (!response.ended()) {
      response.setStatusCode(202).end();
    }
  }

  /** Starts a streaming 200 answer; records follow with {@link #writeRecord}. */
  static void startStream(HttpServerResponse response) {
    response.setStatusCode(200).setChunked(true).putHeader("Content-Type", JSON);
  }

  static void writeRecord(HttpServerResponse response, Object event) {
    if (!response.ended() && !response.closed()) {
      response.write(Buffer.buffer(RecordIo.encode(MesosJson.encode(event))));
    }
  }

  /** The request was answered with an error already; carried only to stop the future chain. */
  static final class RejectedCall extends RuntimeException {
    private static final long serialVersionUID = 1L;

    RejectedCall(int status, String message) {
      super(status + " " + message, null, false, false);
    }
  }
}
