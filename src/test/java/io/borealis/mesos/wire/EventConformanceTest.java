package io.borealis.mesos.wire;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Message;
import com.google.protobuf.util.JsonFormat;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;
import org.apache.mesos.v1.Protos;
import org.junit.jupiter.api.Test;

/**
 * Scheduler Events (what the dev cluster writes and the scheduler reads), executor Calls (what the
 * executor sends) and executor Events against the official Mesos 1.11 messages: our JSON parses
 * strictly and says what our record says; and JSON as protobuf itself prints it (64-bit integers as
 * strings, camelCase-free proto names) decodes into a record that says what the proto says.
 */
class EventConformanceTest {
  private static final int SEEDS = 300;
  private static final Message SCHEDULER_EVENT = org.apache.mesos.v1.scheduler.Protos.Event.getDefaultInstance();
  private static final Message EXECUTOR_CALL = org.apache.mesos.v1.executor.Protos.Call.getDefaultInstance();
  private static final Message EXECUTOR_EVENT = org.apache.mesos.v1.executor.Protos.Event.getDefaultInstance();

  private static <T> void conformsBothWays(String what, Message prototype, Class<T> type, Function<WireRecordGenerator, T> build)
      throws Exception {
    for (long seed = 0; seed < SEEDS; seed++) {
      T record = build.apply(new WireRecordGenerator(seed));
      byte[] json = MesosJson.encode(record);
      String context = what + " (seed " + seed + "): " + new String(json, StandardCharsets.UTF_8);
      Message parsed = ProtoOracle.parseStrictly(json, prototype);
      assertThat(ProtoOracle.missingRequired(parsed)).as(context).isEmpty();
      assertThat(ProtoOracle.differences(record, parsed)).as(context).isEmpty();

      String canonical = JsonFormat.printer().preservingProtoFieldNames().print(parsed);
      T decoded = MesosJson.decode(canonical.getBytes(StandardCharsets.UTF_8), type);
      assertThat(ProtoOracle.differences(decoded, parsed)).as(what + " (seed " + seed + ") read back from " + canonical).isEmpty();
    }
  }

  private static <T> T any(WireRecordGenerator g, Class<T> type, Descriptor descriptor) {
    return g.record(type, descriptor);
  }

  @Test
  void schedulerEventsTheDevClusterWrites() throws Exception {
    conformsBothWays("SUBSCRIBED", SCHEDULER_EVENT, SchedulerEvent.class, g -> SchedulerEvent.subscribed(
        any(g, FrameworkId.class, Protos.FrameworkID.getDescriptor()), 15.0, any(g, MasterInfo.class, Protos.MasterInfo.getDescriptor())));
    conformsBothWays("HEARTBEAT", SCHEDULER_EVENT, SchedulerEvent.class, g -> SchedulerEvent.heartbeat());
    conformsBothWays("OFFERS", SCHEDULER_EVENT, SchedulerEvent.class, g -> SchedulerEvent.offers(
        List.of(any(g, Offer.class, Protos.Offer.getDescriptor()), any(g, Offer.class, Protos.Offer.getDescriptor()))));
    conformsBothWays("RESCIND", SCHEDULER_EVENT, SchedulerEvent.class, g -> SchedulerEvent.rescind(any(g, OfferId.class, Protos.OfferID.getDescriptor())));
    conformsBothWays("UPDATE", SCHEDULER_EVENT, SchedulerEvent.class, g -> SchedulerEvent.update(
        any(g, TaskStatus.class, Protos.TaskStatus.getDescriptor()).withUuid(g.uuid())));
    conformsBothWays("FAILURE", SCHEDULER_EVENT, SchedulerEvent.class, g -> SchedulerEvent.failure(
        any(g, AgentId.class, Protos.AgentID.getDescriptor()), any(g, ExecutorId.class, Protos.ExecutorID.getDescriptor()), 137));
    conformsBothWays("ERROR", SCHEDULER_EVENT, SchedulerEvent.class, g -> SchedulerEvent.error(g.string()));
  }

  @Test
  void anySchedulerEventOurRecordsCanHold() throws Exception {
    conformsBothWays("any Event", SCHEDULER_EVENT, SchedulerEvent.class, g -> any(g, SchedulerEvent.class, SCHEDULER_EVENT.getDescriptorForType()));
  }

  @Test
  void executorCallsTheExecutorSends() throws Exception {
    conformsBothWays("executor SUBSCRIBE", EXECUTOR_CALL, ExecutorCall.class, g -> ExecutorCall.subscribe(
        any(g, FrameworkId.class, Protos.FrameworkID.getDescriptor()), any(g, ExecutorId.class, Protos.ExecutorID.getDescriptor()),
        List.of(any(g, TaskInfo.class, Protos.TaskInfo.getDescriptor())),
        List.of(new ExecutorCall.Update(any(g, TaskStatus.class, Protos.TaskStatus.getDescriptor()).withUuid(g.uuid())))));
    conformsBothWays("executor UPDATE", EXECUTOR_CALL, ExecutorCall.class, g -> ExecutorCall.update(
        any(g, FrameworkId.class, Protos.FrameworkID.getDescriptor()), any(g, ExecutorId.class, Protos.ExecutorID.getDescriptor()),
        any(g, TaskStatus.class, Protos.TaskStatus.getDescriptor()).withUuid(g.uuid())));
  }

  @Test
  void anyExecutorCallOrEventOurRecordsCanHold() throws Exception {
    conformsBothWays("any executor Call", EXECUTOR_CALL, ExecutorCall.class, g -> any(g, ExecutorCall.class, EXECUTOR_CALL.getDescriptorForType()));
    conformsBothWays("any executor Event", EXECUTOR_EVENT, ExecutorEvent.class, g -> any(g, ExecutorEvent.class, EXECUTOR_EVENT.getDescriptorForType()));
  }
}
