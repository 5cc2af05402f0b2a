package io.borealis.mesos.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.borealis.testing.SharedFiles;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecordIoTest {
  private static final List<String> RECORDS = List.of("{\"type\":\"HEARTBEAT\"}", "", "hello", "x".repeat(300), "ünïcødé");

  private static byte[] stream() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (String record : RECORDS) {
      out.writeBytes(RecordIo.encode(record.getBytes(StandardCharsets.UTF_8)));
    }
    return out.toByteArray();
  }

  private static List<String> decodeInPieces(byte[] bytes, int... cuts) {
    RecordIo.Decoder decoder = new RecordIo.Decoder();
    List<String> decoded = new ArrayList<>();
    int start = 0;
    for (int cut : cuts) {
      decoder.feed(bytes, start, cut - start).forEach(r -> decoded.add(new String(r, StandardCharsets.UTF_8)));
      start = cut;
    }
    decoder.feed(bytes, start, bytes.length - start).forEach(r -> decoded.add(new String(r, StandardCharsets.UTF_8)));
    assertThat(decoder.isAtRecordBoundary()).isTrue();
    return decoded;
  }

  @Test
  void encodesLengthNewlineAndBytesWithNothingAfter() {
    assertThat(new String(RecordIo.encode("hello".getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8)).isEqualTo("5\nhello");
  }

  @Test
  void decodesManyRecordsFromOneChunk() {
    assertThat(decodeInPieces(stream())).isEqualTo(RECORDS);
  }

  @Test
  void decodesWhateverByteTheStreamIsSplitAt() {
    byte[] bytes = stream();
    for (int cut = 0; cut <= bytes.length; cut++) {
      assertThat(decodeInPieces(bytes, cut)).as("split at byte %d", cut).isEqualTo(RECORDS);
    }
  }

  @Test
  void decodesWhenEveryByteArrivesAlone() {
    byte[] bytes = stream();
    int[] everyByte = new int[bytes.length - 1];
    Arrays.setAll(everyByte, i -> i + 1);
    assertThat(decodeInPieces(bytes, everyByte)).isEqualTo(RECORDS);
  }

  @Test
  void decodesInChunksOfEverySizeUpTo60() {
    byte[] bytes = stream();
    for (int size = 1; size <= 60; size++) {
      List<Integer> cuts = new ArrayList<>();
      for (int cut = size; cut < bytes.length; cut += size) {
        cuts.add(cut);
      }
      assertThat(decodeInPieces(bytes, cuts.stream().mapToInt(Integer::intValue).toArray())).as("chunks of %d", size).isEqualTo(RECORDS);
    }
  }

  @Test
  void reportsAStreamInTheMiddleOfARecord() {
    RecordIo.Decoder decoder = new RecordIo.Decoder();
    assertThat(decoder.feed("10\nhal".getBytes(StandardCharsets.UTF_8))).isEmpty();
    assertThat(decoder.isAtRecordBoundary()).isFalse();
  }

  @Test
  void rejectsANonNumericLength() {
    assertThatThrownBy(() -> new RecordIo.Decoder().feed("12a\n".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("decimal record length");
  }

  @Test
  void rejectsARecordTooLargeToBuffer() {
    assertThatThrownBy(() -> new RecordIo.Decoder().feed("999999999999\n".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("exceeds");
  }

  @Test
  void decodesTheCapturedMesosSubscriptionStream() throws IOException {
    Path capture = SharedFiles.require("mesos-fixtures/scheduler/subscribe/subscribe.stream.recordio");
    byte[] bytes = Files.readAllBytes(capture);
    RecordIo.Decoder decoder = new RecordIo.Decoder();
    List<SchedulerEvent> events = new ArrayList<>();
    for (int i = 0; i < bytes.length; i += 37) {
      decoder.feed(bytes, i, Math.min(37, bytes.length - i)).forEach(r -> events.add(MesosJson.decode(r, SchedulerEvent.class)));
    }
    assertThat(events).hasSize(79);
    assertThat(events.get(0).type()).isEqualTo(SchedulerEvent.Type.SUBSCRIBED);
    assertThat(events).allSatisfy(e -> assertThat(e.type()).isNotNull());
  }
}
