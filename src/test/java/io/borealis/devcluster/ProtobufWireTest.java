package io.borealis.devcluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.stream.Stream;
import org.apache.mesos.v1.Protos.FrameworkID;
import org.apache.mesos.v1.Protos.FrameworkInfo;
import org.apache.mesos.v1.scheduler.Protos.Call;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Protobuf wire format told from other bytes, against messages the official Mesos classes write. */
class ProtobufWireTest {
  private static final byte[] SUBSCRIBE = Call.newBuilder().setType(Call.Type.SUBSCRIBE)
      .setSubscribe(Call.Subscribe.newBuilder().setFrameworkInfo(FrameworkInfo.newBuilder().setUser("nobody").setName("pb")
          .setFailoverTimeout(3600.0)))
      .build().toByteArray();
  private static final byte[] REVIVE = Call.newBuilder().setType(Call.Type.REVIVE)
      .setFrameworkId(FrameworkID.newBuilder().setValue("f-0000")).build().toByteArray();

  static Stream<Arguments> bodies() {
    return Stream.of(
        Arguments.of("a SUBSCRIBE written by the Mesos classes", SUBSCRIBE, true),
        Arguments.of("a REVIVE written by the Mesos classes", REVIVE, true),
        Arguments.of("no bytes (an empty message)", new byte[0], true),
        Arguments.of("exchange 14's JSON body", "{\n  \"framework_id\": {\"value\": \"x\"},\n  \"type\": \"REVIVE\"\n}"
            .getBytes(StandardCharsets.UTF_8), false),
        Arguments.of("a SUBSCRIBE cut short", Arrays.copyOf(SUBSCRIBE, SUBSCRIBE.length - 3), false),
        Arguments.of("field number 0", new byte[] {0x00, 0x01}, false),
        Arguments.of("wire type 7", new byte[] {0x0f}, false),
        Arguments.of("a group never ended", new byte[] {0x0b, 0x08, 0x01}, false),
        Arguments.of("a group ended with another field's tag", new byte[] {0x0b, 0x14}, false),
        Arguments.of("a group ended with its own tag", new byte[] {0x0b, 0x08, 0x01, 0x0c}, true),
        Arguments.of("a varint that never ends", new byte[] {0x08, (byte) 0x80, (byte) 0x80}, false));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("bodies")
  void tellsProtobufFromOtherBytes(String name, byte[] body, boolean wellFormed) {
    assertThat(ProtobufWire.isWellFormed(body)).isEqualTo(wellFormed);
  }
}
