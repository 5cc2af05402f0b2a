package io.borealis.mesos.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import io.borealis.testing.SharedFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every scheduler and executor message captured from a real Mesos 1.11.1 (../shared/mesos-fixtures)
 * decodes into our records and re-encodes to JSON that the official proto parses strictly and that
 * equals the original on every field we keep. Fields we drop are exactly the ones listed in
 * {@link #NOT_MODELLED}: none of them is one we send back to Mesos (ids, uuids, resources...), so a
 * new capture that loses anything else fails here and names the field. Operator API messages and the
 * v0 state endpoints are not modelled (Borealis never sends or reads them) and are not checked.
 */
class FixtureRoundTripTest {
  private static final Message SCHEDULER_CALL = org.apache.mesos.v1.scheduler.Protos.Call.getDefaultInstance();
  private static final Message SCHEDULER_EVENT = org.apache.mesos.v1.scheduler.Protos.Event.getDefaultInstance();
  private static final Message EXECUTOR_CALL = org.apache.mesos.v1.executor.Protos.Call.getDefaultInstance();
  private static final Message EXECUTOR_EVENT = org.apache.mesos.v1.executor.Protos.Event.getDefaultInstance();

  /** Proto fields Mesos sent (or a captured client sent) that our records leave out, because Borealis has no use for them. */
  private static final Set<String> NOT_MODELLED = Set.of(
      // The master's capabilities: the scheduler does not adapt to them.
      "mesos.v1.MasterInfo.capabilities",
      // Borealis launches tasks one by one with its own executor, never as task groups.
      "mesos.v1.Offer.Operation.launch_group",
      // Container network addresses and executor pids: the scheduler reads task state, not containers.
      "mesos.v1.TaskStatus.container_status",
      // Reasons outside TaskStatus.Reason (here REASON_TASK_GROUP_INVALID) decode as unset; the message still says why.
      "mesos.v1.TaskStatus.reason",
      // Calls Borealis never makes: framework messages to executors and executor shutdowns.
      "mesos.v1.scheduler.Call.message",
      "mesos.v1.scheduler.Call.shutdown");

  /** Captured requests Mesos itself refused or that are not JSON messages at all; what our decoder does with each. */
  private static final Map<String, String> OFF_SPEC = Map.of(
      // Mesos answered 202: it ignores unknown fields, and so do we.
      "exchanges/06-REVIVE-with-unknown-field.request.json", "decoded as REVIVE",
      // Mesos drops an unknown enum name and then misses 'type' (400); we read it as unset the same way.
      "exchanges/09-ERR-unknown-enum-value.request.json", "decoded without a type",
      // Mesos answered 202 to a lone string where a list belongs; we read it as a one-element list.
      "exchanges/10-REVIVE-roles-as-string-not-array.request.json", "decoded as REVIVE",
      "exchanges/11-ERR-malformed-json.request.json", "refused",
      "exchanges/15-ERR-empty-body.request.json", "refused");

  private record Kind(Message prototype, Class<?> record) {}

  private static Kind kindOf(Path fixtures, Path file) {
    String relative = fixtures.relativize(file).toString();
    String name = file.getFileName().toString();
    if (relative.startsWith("operator/") || name.contains("OPERATOR") || !name.endsWith(".json") || name.endsWith(".response.json")
        || name.endsWith(".response.pretty.json")) {
      return null;
    }
    if (relative.startsWith("executor/")) {
      return relative.contains("/events/") ? new Kind(EXECUTOR_EVENT, ExecutorEvent.class) : new Kind(EXECUTOR_CALL, ExecutorCall.class);
    }
    if (name.contains("EXECUTOR")) {
      return new Kind(EXECUTOR_CALL, ExecutorCall.class);
    }
    return relative.contains("/events/") ? new Kind(SCHEDULER_EVENT, SchedulerEvent.class) : new Kind(SCHEDULER_CALL, SchedulerCall.class);
  }

  @Test
  void everyCapturedMessageSurvivesOurDecodeAndEncode() throws IOException {
    Path fixtures = SharedFiles.require("mesos-fixtures");
    List<Path> files;
    try (Stream<Path> walk = Files.walk(fixtures)) {
      files = walk.filter(Files::isRegularFile).sorted().toList();
    }
    Map<String, Set<String>> droppedBy = new TreeMap<>();
    Map<String, String> offSpec = new TreeMap<>();
    List<String> problems = new ArrayList<>();
    int checked = 0;
    for (Path file : files) {
      Kind kind = kindOf(fixtures, file);
      if (kind == null) {
        continue;
      }
      byte[] json = Files.readAllBytes(file);
      String name = fixtures.relativize(file).toString();
      Message original;
      try {
        original = ProtoOracle.parseStrictly(json, kind.prototype());
      } catch (InvalidProtocolBufferException e) {
        offSpec.put(name, outcome(json, kind));
        continue;
      }
      checked++;
      try {
        byte[] again = MesosJson.encode(MesosJson.decode(json, kind.record()));
        Message copy = ProtoOracle.parseStrictly(again, kind.prototype());
        List<String> changed = new ArrayList<>();
        for (String field : ProtoOracle.dropped(original, copy, changed)) {
          droppedBy.computeIfAbsent(field, f -> new TreeSet<>()).add(name);
        }
        changed.forEach(c -> problems.add(name + ": " + c));
        if (ProtoOracle.missingRequired(original).isEmpty()) {
          ProtoOracle.missingRequired(copy).forEach(m -> problems.add(name + ": re-encoding lacks required " + m));
        }
      } catch (RuntimeException | InvalidProtocolBufferException e) {
        problems.add(name + ": " + e.getMessage());
      }
    }
    assertThat(checked).as("captured messages checked").isGreaterThan(150);
    assertThat(problems).isEmpty();
    assertThat(droppedBy.keySet()).as("fields dropped, with the first fixture that has each: " + firstOf(droppedBy))
        .isEqualTo(new TreeSet<>(NOT_MODELLED));
    assertThat(offSpec).isEqualTo(new TreeMap<>(OFF_SPEC));
  }

  /** What our decoder makes of a message the proto parser refuses: Mesos is lenient, and so are we. */
  private static String outcome(byte[] json, Kind kind) {
    try {
      Object decoded = MesosJson.decode(json, kind.record());
      Object type = decoded.getClass().getRecordComponents()[0].getAccessor().invoke(decoded);
      return type == null ? "decoded without a type" : "decoded as " + type;
    } catch (MesosJson.MesosJsonException e) {
      return "refused";
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Map<String, String> firstOf(Map<String, Set<String>> droppedBy) {
    Map<String, String> first = new TreeMap<>();
    droppedBy.forEach((field, in) -> first.put(field, in.iterator().next()));
    return first;
  }

  @Test
  void aRefusedCaptureIsRefusedByOurDecoderToo() throws IOException {
    Path malformed = SharedFiles.require("mesos-fixtures/exchanges/11-ERR-malformed-json.request.json");
    assertThatThrownBy(() -> MesosJson.decode(Files.readAllBytes(malformed), SchedulerCall.class))
        .isInstanceOf(MesosJson.MesosJsonException.class);
  }
}
