package io.borealis.mesos.wire;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Message;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.mesos.v1.Protos;
import org.junit.jupiter.api.Test;

/**
 * Every Call the scheduler sends, built by the factories it uses with random contents, is JSON the
 * official Mesos 1.11 {@code scheduler.Call} parses strictly, with every required field present,
 * and says exactly what our record says, field by field.
 */
class SchedulerCallConformanceTest {
  private static final int SEEDS = 300;
  private static final org.apache.mesos.v1.scheduler.Protos.Call CALL = org.apache.mesos.v1.scheduler.Protos.Call.getDefaultInstance();

  /** Builds the call from random parts; the seed reproduces a failure. */
  private static void conformsForEverySeed(String what, Function<WireRecordGenerator, SchedulerCall> build) throws Exception {
    for (long seed = 0; seed < SEEDS; seed++) {
      SchedulerCall call = build.apply(new WireRecordGenerator(seed));
      byte[] json = MesosJson.encode(call);
      String context = what + " (seed " + seed + "): " + new String(json, java.nio.charset.StandardCharsets.UTF_8);
      Message parsed = ProtoOracle.parseStrictly(json, CALL);
      assertThat(ProtoOracle.missingRequired(parsed)).as(context).isEmpty();
      assertThat(ProtoOracle.differences(call, parsed)).as(context).isEmpty();
    }
  }

  private static FrameworkId frameworkId(WireRecordGenerator g) {
    return g.record(FrameworkId.class, Protos.FrameworkID.getDescriptor());
  }

  private static <T> List<T> some(WireRecordGenerator g, Class<T> type, com.google.protobuf.Descriptors.Descriptor descriptor, int atLeast) {
    List<T> values = new ArrayList<>();
    int count = atLeast + g.nextInt(4);
    for (int i = 0; i < count; i++) {
      values.add(g.record(type, descriptor));
    }
    return values;
  }

  @Test
  void subscribeFirstTimeAndAgainWithTheStoredFrameworkId() throws Exception {
    conformsForEverySeed("SUBSCRIBE", g -> SchedulerCall.subscribe(g.record(FrameworkInfo.class, Protos.FrameworkInfo.getDescriptor())));
  }

  @Test
  void acceptWithLaunchOperationsAndRefuseFilters() throws Exception {
    conformsForEverySeed("ACCEPT", g -> SchedulerCall.launch(frameworkId(g), some(g, OfferId.class, Protos.OfferID.getDescriptor(), 1),
        some(g, TaskInfo.class, Protos.TaskInfo.getDescriptor(), 1), g.record(Filters.class, Protos.Filters.getDescriptor())));
  }

  @Test
  void declineWithAndWithoutFilters() throws Exception {
    conformsForEverySeed("DECLINE", g -> SchedulerCall.decline(frameworkId(g), some(g, OfferId.class, Protos.OfferID.getDescriptor(), 1),
        g.nextInt(2) == 0 ? null : Filters.refuseSeconds(g.nextInt(3600))));
  }

  @Test
  void kill() throws Exception {
    conformsForEverySeed("KILL", g -> SchedulerCall.kill(frameworkId(g), g.record(TaskId.class, Protos.TaskID.getDescriptor()),
        g.nextInt(4) == 0 ? null : g.record(AgentId.class, Protos.AgentID.getDescriptor())));
  }

  @Test
  void acknowledgeWithTheSixteenUuidBytes() throws Exception {
    conformsForEverySeed("ACKNOWLEDGE", g -> SchedulerCall.acknowledge(frameworkId(g), g.record(AgentId.class, Protos.AgentID.getDescriptor()),
        g.record(TaskId.class, Protos.TaskID.getDescriptor()), g.uuid()));
  }

  @Test
  void reconcileExplicitlyAndImplicitly() throws Exception {
    conformsForEverySeed("RECONCILE", g -> SchedulerCall.reconcile(frameworkId(g), g.nextInt(3) == 0 ? List.of()
        : some(g, SchedulerCall.ReconcileTask.class, org.apache.mesos.v1.scheduler.Protos.Call.Reconcile.Task.getDescriptor(), 1)));
  }

  @Test
  void suppressReviveAndTeardown() throws Exception {
    conformsForEverySeed("SUPPRESS", g -> SchedulerCall.suppress(frameworkId(g)));
    conformsForEverySeed("REVIVE", g -> SchedulerCall.revive(frameworkId(g)));
    conformsForEverySeed("TEARDOWN", g -> SchedulerCall.teardown(frameworkId(g)));
  }

  @Test
  void anyCallOurRecordsCanHold() throws Exception {
    conformsForEverySeed("any Call", g -> g.record(SchedulerCall.class, CALL.getDescriptorForType()));
  }

  @Test
  void implicitReconcileIsAnEmptyReconcileMessage() throws Exception {
    SchedulerCall call = SchedulerCall.reconcile(FrameworkId.of("fw"), List.of());
    assertThat(MesosJson.encodeToString(call)).isEqualTo("{\"type\":\"RECONCILE\",\"framework_id\":{\"value\":\"fw\"},\"reconcile\":{}}");
    var parsed = (org.apache.mesos.v1.scheduler.Protos.Call) ProtoOracle.parseStrictly(MesosJson.encode(call), CALL);
    assertThat(parsed.hasReconcile()).isTrue();
    assertThat(parsed.getReconcile().getTasksCount()).isZero();
  }
}
