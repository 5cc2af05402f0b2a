package io.borealis.mesos.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.borealis.testing.SharedFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class MesosJsonTest {
  private static final ObjectMapper TREES = new ObjectMapper();

  private static JsonNode tree(Object message) throws IOException {
    return TREES.readTree(MesosJson.encode(message));
  }

  @Test
  void writesProtoFieldNamesEnumsByNameAndLeavesUnsetFieldsOut() throws IOException {
    FrameworkInfo info = new FrameworkInfo("www-data", "Borealis", null, 3600.0, false, null,
        List.of(new FrameworkInfo.Capability("MULTI_ROLE")), null, null);
    JsonNode json = tree(SchedulerCall.subscribe(info));
    assertThat(json.toString()).isEqualTo("{\"type\":\"SUBSCRIBE\",\"subscribe\":{\"framework_info\":{\"user\":\"www-data\","
        + "\"name\":\"Borealis\",\"failover_timeout\":3600.0,\"checkpoint\":false,\"capabilities\":[{\"type\":\"MULTI_ROLE\"}]}}}");
  }

  @Test
  void writesUuidsAsBase64OfSixteenBytesAndIdsAsValueObjects() throws IOException {
    byte[] uuid = Uuids.toBytes(java.util.UUID.fromString("b87cad6e-0215-415d-ab2e-90703e1d162c"));
    JsonNode json = tree(SchedulerCall.acknowledge(FrameworkId.of("fw"), AgentId.of("S0"), TaskId.of("t"), uuid));
    assertThat(json.at("/acknowledge/uuid").asText()).isEqualTo("uHytbgIVQV2rLpBwPh0WLA==");
    assertThat(json.at("/framework_id/value").asText()).isEqualTo("fw");
    assertThat(Uuids.isValid(uuid)).isTrue();
  }

  @Test
  void readsOffersNestedTwiceAsMesosWritesThem() throws IOException {
    Path file = SharedFiles.require("mesos-fixtures/scheduler/subscribe/events/002-OFFERS.json");
    SchedulerEvent event = MesosJson.decode(Files.readAllBytes(file), SchedulerEvent.class);
    Offer offer = event.offers().offers().get(0);
    assertThat(offer.hostname()).isEqualTo("localhost");
    assertThat(offer.resources()).extracting(Resource::name).containsExactly("ports", "cpus", "mem", "disk");
    assertThat(offer.resources().get(0).rangeList()).containsExactly(new Resource.Range(31000, 31099));
    assertThat(offer.allocationInfo().role()).isEqualTo("fixtures");
  }

  @Test
  void readsEveryCapturedSchedulerAndExecutorEvent() throws IOException {
    Path scheduler = SharedFiles.require("mesos-fixtures/scheduler/subscribe/events");
    Path executor = SharedFiles.require("mesos-fixtures/executor/events");
    try (Stream<Path> schedulerFiles = Files.list(scheduler); Stream<Path> executorFiles = Files.list(executor)) {
      List<Path> schedulerEvents = schedulerFiles.sorted().toList();
      assertThat(schedulerEvents).hasSize(79);
      for (Path file : schedulerEvents) {
        SchedulerEvent event = MesosJson.decode(Files.readAllBytes(file), SchedulerEvent.class);
        assertThat(event.type()).as(file.toString()).isNotNull();
        assertThat(file.getFileName().toString()).contains(event.type().name());
        if (event.type() == SchedulerEvent.Type.UPDATE) {
          assertThat(file.getFileName().toString()).contains(event.update().status().state().name());
        }
      }
      for (Path file : executorFiles.sorted().toList()) {
        ExecutorEvent event = MesosJson.decode(Files.readAllBytes(file), ExecutorEvent.class);
        assertThat(file.getFileName().toString()).contains(event.type().name());
      }
    }
  }

  @Test
  void keepsTheStatusUuidBytesForTheAcknowledgement() throws IOException {
    Path file = SharedFiles.require("mesos-fixtures/scheduler/subscribe/events/009-UPDATE-TASK_RUNNING.json");
    TaskStatus status = MesosJson.decode(Files.readAllBytes(file), SchedulerEvent.class).update().status();
    assertThat(status.uuidBase64()).isEqualTo("uHytbgIVQV2rLpBwPh0WLA==");
    assertThat(status.state()).isEqualTo(TaskStatus.State.TASK_RUNNING);
    assertThat(status.timestamp()).isEqualTo(1795596154.723332);
  }

  @Test
  void treatsUnknownEnumNamesAsUnsetAndIgnoresUnknownFields() {
    String json = "{\"type\":\"SOMETHING_NEW\",\"brand_new_field\":1}";
    SchedulerEvent event = MesosJson.decode(json.getBytes(StandardCharsets.UTF_8), SchedulerEvent.class);
    assertThat(event.type()).isNull();
  }

  @Test
  void reportsMalformedJsonInMesosWords() {
    assertThatThrownBy(() -> MesosJson.decode("{not json".getBytes(StandardCharsets.UTF_8), SchedulerCall.class))
        .isInstanceOf(MesosJson.MesosJsonException.class).hasMessageStartingWith("Failed to parse body into JSON");
  }

  @Test
  void sayWhichFieldDoesNotFitTheMessage() {
    String json = "{\"type\":\"UPDATE\",\"update\":{\"status\":{\"task_id\":{\"value\":\"t\"},\"state\":\"TASK_RUNNING\","
        + "\"healthy\":{\"yes\":1}}}}";
    assertThatThrownBy(() -> MesosJson.decode(json.getBytes(StandardCharsets.UTF_8), ExecutorCall.class))
        .isInstanceOf(MesosJson.MesosJsonException.class)
        .hasMessage("Failed to parse body into JSON: ExecutorCall.update.status.healthy: expected true or false, found an object");
    assertThatThrownBy(() -> MesosJson.decode("{\"type\":\"ACKNOWLEDGED\",\"acknowledged\":{\"uuid\":\"%%\"}}"
        .getBytes(StandardCharsets.UTF_8), ExecutorEvent.class))
        .hasMessageStartingWith("Failed to parse body into JSON: ExecutorEvent.acknowledged.uuid: not Base64");
  }

  @Test
  void readsALoneValueAsAListAndNumbersWrittenAsStrings() {
    String json = "{\"name\":\"ports\",\"type\":\"RANGES\",\"ranges\":{\"range\":{\"begin\":\"31000\",\"end\":31010.0}}}";
    Resource ports = MesosJson.decode(json.getBytes(StandardCharsets.UTF_8), Resource.class);
    assertThat(ports.rangeList()).containsExactly(new Resource.Range(31000, 31010));
  }

  @Test
  void writesEmptyStringsAndBytesButNotEmptyLists() {
    TaskStatus status = new TaskStatus(TaskId.of(""), TaskStatus.State.TASK_RUNNING, "", null, null, new byte[0], null, null,
        Double.NaN, null, false);
    assertThat(MesosJson.encodeToString(status))
        .isEqualTo("{\"task_id\":{\"value\":\"\"},\"state\":\"TASK_RUNNING\",\"message\":\"\",\"data\":\"\","
            + "\"timestamp\":\"NaN\",\"healthy\":false}");
    assertThat(MesosJson.encodeToString(new CommandInfo("true", true, List.of(), null, null)))
        .isEqualTo("{\"value\":\"true\",\"shell\":true}");
  }
}
