package io.borealis.devcluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.borealis.mesos.wire.MesosJson;
import io.borealis.mesos.wire.RecordIo;
import io.borealis.mesos.wire.SchedulerEvent;
import io.borealis.testing.SharedFiles;
import io.vertx.core.Vertx;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The dev-cluster master answers as the real Mesos 1.11.1 master did in the captured exchanges of
 * ../shared/mesos-fixtures: same status codes and the same plain-text error bodies.
 */
class MasterProtocolTest {
  private static final String CAPTURED_FRAMEWORK = "33390964-6a4a-4034-aeda-e5abeec32077-0000";
  private static Vertx vertx;
  private static MasterVerticle master;
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static HttpResponse<InputStream> subscription;
  private static String frameworkId;
  private static String streamId;

  @BeforeAll
  static void startMasterAndSubscribe() throws Exception {
    vertx = Vertx.vertx();
    master = new MasterVerticle("127.0.0.1", 0, Duration.ofMillis(200));
    vertx.deployVerticle(master).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    String subscribe = Files.readString(SharedFiles.require("mesos-fixtures/scheduler/subscribe/subscribe.request.json"));
    subscription = HTTP.send(post("application/json").POST(HttpRequest.BodyPublishers.ofString(subscribe)).build(),
        HttpResponse.BodyHandlers.ofInputStream());
    streamId = subscription.headers().firstValue("Mesos-Stream-Id").orElseThrow();
    frameworkId = readEvents(2).get(0).subscribed().frameworkId().value();
  }

  @AfterAll
  static void stop() throws Exception {
    subscription.body().close();
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  private static HttpRequest.Builder post(String contentType) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(master.url() + "/api/v1/scheduler"))
        .header("Accept", "application/json");
    return contentType.isEmpty() ? request : request.header("Content-Type", contentType);
  }

  private static List<SchedulerEvent> readEvents(int count) throws Exception {
    RecordIo.Decoder decoder = new RecordIo.Decoder();
    List<SchedulerEvent> events = new ArrayList<>();
    byte[] buffer = new byte[1];
    while (events.size() < count && subscription.body().read(buffer) == 1) {
      decoder.feed(buffer).forEach(r -> events.add(MesosJson.decode(r, SchedulerEvent.class)));
    }
    return events;
  }

  @Test
  void subscriptionStreamsSubscribedThenHeartbeatsWithAStreamId() throws Exception {
    assertThat(subscription.statusCode()).isEqualTo(200);
    assertThat(subscription.headers().firstValue("Content-Type")).hasValue("application/json");
    assertThat(streamId).isNotBlank();
    assertThat(frameworkId).isNotBlank();
    assertThat(readEvents(2)).extracting(SchedulerEvent::type).containsOnly(SchedulerEvent.Type.HEARTBEAT);
  }

  /** Each row replays one captured exchange; ids in the captured request are swapped for ours. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', nullValues = "-", value = {
      "02-ERR-wrong-content-type-text-plain | text/plain                     | current",
      "03-ERR-content-type-with-charset     | application/json; charset=utf-8 | current",
      "04-ERR-missing-stream-id             | application/json               | none",
      "05-ERR-wrong-stream-id               | application/json               | wrong",
      "07-ERR-bad-framework-id              | application/json               | current",
      "08-ERR-missing-framework-id          | application/json               | current",
      "09-ERR-unknown-enum-value            | application/json               | current",
      "13-ERR-missing-content-type          | -                              | current",
      "14-ERR-protobuf-content-type-with-json-body | application/x-protobuf  | current",
      "15-ERR-empty-body                    | application/json               | current",
      "16-ERR-subscribe-with-stream-id      | application/json               | current",
  })
  void answersLikeTheRealMaster(String exchange, String contentType, String streamIdMode) throws Exception {
    Path dir = SharedFiles.require("mesos-fixtures/exchanges");
    String body = Files.readString(dir.resolve(exchange + ".request.json")).replace(CAPTURED_FRAMEWORK, frameworkId);
    HttpRequest.Builder request = post(contentType == null ? "" : contentType).POST(HttpRequest.BodyPublishers.ofString(body));
    switch (streamIdMode) {
      case "current" -> request.header("Mesos-Stream-Id", streamId);
      case "wrong" -> request.header("Mesos-Stream-Id", "11111111-2222-3333-4444-555555555555");
      default -> { }
    }
    HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());

    String capturedStatus = Files.readAllLines(dir.resolve(exchange + ".response.headers.txt")).get(0).split(" ")[1];
    String capturedBody = Files.readString(dir.resolve(exchange + ".response.body.txt")).replace(CAPTURED_FRAMEWORK, frameworkId);
    assertThat(response.statusCode()).isEqualTo(Integer.parseInt(capturedStatus));
    assertThat(response.body()).isEqualTo(capturedBody);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("text/plain; charset=utf-8");
  }

  @Test
  void aRealProtobufCallIsToldToComeAsJson() throws Exception {
    byte[] revive = org.apache.mesos.v1.scheduler.Protos.Call.newBuilder()
        .setType(org.apache.mesos.v1.scheduler.Protos.Call.Type.REVIVE)
        .setFrameworkId(org.apache.mesos.v1.Protos.FrameworkID.newBuilder().setValue(frameworkId)).build().toByteArray();
    HttpResponse<String> response = HTTP.send(post("application/x-protobuf").header("Mesos-Stream-Id", streamId)
        .POST(HttpRequest.BodyPublishers.ofByteArray(revive)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(415);
    assertThat(response.body()).isEqualTo("Expecting 'Content-Type' of application/json: the Borealis dev cluster decodes JSON only, "
        + "where a Mesos master also takes application/x-protobuf");
  }

  @Test
  void refusesOtherMethodsAndUnacceptableMediaTypes() throws Exception {
    HttpResponse<String> get = HTTP.send(HttpRequest.newBuilder(URI.create(master.url() + "/api/v1/scheduler")).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(get.statusCode()).isEqualTo(405);
    assertThat(get.headers().firstValue("Allow")).hasValue("POST");
    assertThat(get.body()).isEqualTo("405 Method Not Allowed. Expecting one of { 'POST' }, but received 'GET'.");

    String subscribe = Files.readString(SharedFiles.require("mesos-fixtures/exchanges/17-ERR-subscribe-accept-text-plain.request.json"));
    HttpResponse<String> notAcceptable = HTTP.send(HttpRequest.newBuilder(URI.create(master.url() + "/api/v1/scheduler"))
        .header("Content-Type", "application/json").header("Accept", "text/plain")
        .POST(HttpRequest.BodyPublishers.ofString(subscribe)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(notAcceptable.statusCode()).isEqualTo(406);
    assertThat(notAcceptable.body()).isEqualTo("Expecting 'Accept' to allow 'application/x-protobuf' or 'application/json'");
  }

  @Test
  void acceptsValidCallsAndRejectsABadAcknowledgementUuid() throws Exception {
    String revive = "{\"framework_id\":{\"value\":\"" + frameworkId + "\"},\"type\":\"REVIVE\",\"revive\":{}}";
    HttpResponse<String> accepted = HTTP.send(post("application/json").header("Mesos-Stream-Id", streamId)
        .POST(HttpRequest.BodyPublishers.ofString(revive)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(accepted.statusCode()).isEqualTo(202);
    assertThat(accepted.body()).isEmpty();

    String ack = "{\"framework_id\":{\"value\":\"" + frameworkId + "\"},\"type\":\"ACKNOWLEDGE\",\"acknowledge\":"
        + "{\"agent_id\":{\"value\":\"a\"},\"task_id\":{\"value\":\"t\"},\"uuid\":\"YmFkLXV1aWQ=\"}}";
    HttpResponse<String> rejected = HTTP.send(post("application/json").header("Mesos-Stream-Id", streamId)
        .POST(HttpRequest.BodyPublishers.ofString(ack)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(rejected.statusCode()).isEqualTo(400);
    assertThat(rejected.body()).isEqualTo("Failed to validate scheduler::Call: Not a valid UUID");
  }

  @Test
  void rejectsMalformedJsonAsMesosDoes() throws Exception {
    HttpResponse<String> response = HTTP.send(post("application/json").POST(HttpRequest.BodyPublishers.ofString("MALFORMED_CONTENT")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).startsWith("Failed to parse body into JSON");
  }
}
