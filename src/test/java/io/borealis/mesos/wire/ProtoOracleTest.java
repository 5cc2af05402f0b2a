package io.borealis.mesos.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.InvalidProtocolBufferException;
import java.nio.charset.StandardCharsets;
import org.apache.mesos.v1.scheduler.Protos.Call;
import org.junit.jupiter.api.Test;

/** The judge is only as good as its eye: it must see every kind of difference. */
class ProtoOracleTest {
  private static byte[] json(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void rejectsUnknownFieldsAndUnknownEnumNames() {
    assertThatThrownBy(() -> ProtoOracle.parseStrictly(json("{\"type\":\"REVIVE\",\"surprise\":1}"), Call.getDefaultInstance()))
        .isInstanceOf(InvalidProtocolBufferException.class);
    assertThatThrownBy(() -> ProtoOracle.parseStrictly(json("{\"type\":\"REVIVAL\"}"), Call.getDefaultInstance()))
        .isInstanceOf(InvalidProtocolBufferException.class);
  }

  @Test
  void namesAWrongValueAMissingFieldAndAnExtraOne() throws Exception {
    var proto = ProtoOracle.parseStrictly(json("{\"type\":\"KILL\",\"framework_id\":{\"value\":\"fw\"},"
        + "\"kill\":{\"task_id\":{\"value\":\"t\"},\"agent_id\":{\"value\":\"S0\"}}}"), Call.getDefaultInstance());
    SchedulerCall wrongTask = SchedulerCall.kill(FrameworkId.of("fw"), TaskId.of("u"), AgentId.of("S0"));
    SchedulerCall noAgent = SchedulerCall.kill(FrameworkId.of("fw"), TaskId.of("t"), null);
    SchedulerCall declineInstead = SchedulerCall.decline(FrameworkId.of("fw"), java.util.List.of(), null);
    assertThat(ProtoOracle.differences(wrongTask, proto)).containsExactly("Call.kill.task_id.value: u in our record, t in the proto");
    assertThat(ProtoOracle.differences(noAgent, proto)).containsExactly("Call.kill.agent_id: unset in our record, value: \"S0\"\n in the proto");
    assertThat(ProtoOracle.differences(declineInstead, proto)).hasSize(3);
  }

  @Test
  void readsUint32AsUnsigned() throws Exception {
    var proto = ProtoOracle.parseStrictly(json("{\"id\":\"m\",\"ip\":4294967295,\"port\":5050}"),
        org.apache.mesos.v1.Protos.MasterInfo.getDefaultInstance());
    assertThat(ProtoOracle.differences(new MasterInfo("m", 4294967295L, 5050, null, null, null, null), proto)).isEmpty();
  }
}
