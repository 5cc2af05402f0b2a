package io.borealis.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import io.borealis.config.JobJson;
import io.borealis.events.StateRequests;
import io.borealis.mesos.wire.AgentId;
import io.borealis.mesos.wire.Offer;
import io.borealis.mesos.wire.OfferId;
import io.borealis.mesos.wire.Resource;
import io.borealis.mesos.wire.SchedulerCall;
import io.borealis.mesos.wire.SchedulerEvent;
import io.borealis.testing.RecordingMaster;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Offers come only while there is work: SUPPRESS when nothing is pending, REVIVE when something is. */
class OfferFlowTest {
  private SchedulerOnRecordingMaster scheduler;
  private RecordingMaster master;

  @BeforeEach
  void start() throws Exception {
    scheduler = SchedulerOnRecordingMaster.start(true);
    master = scheduler.master;
  }

  @AfterEach
  void stop() throws Exception {
    scheduler.close();
  }

  @Test
  void suppressesWhenIdleAndRevivesForNewWorkWhichTheHeldOfferThenRuns() throws Exception {
    Offer offer = new Offer(OfferId.of("O1"), RecordingMaster.FRAMEWORK, AgentId.of("S1"), "host-1",
        List.of(Resource.scalar("cpus", 4), Resource.scalar("mem", 4096), Resource.scalar("disk", 4096)), List.of(), null, null);
    master.send(SchedulerEvent.offers(List.of(offer)));
    master.awaitCall(c -> c.type() == SchedulerCall.Type.SUPPRESS, "SUPPRESS while nothing is pending");

    String job = """
        {"cluster": "devcluster", "role": "www-data", "environment": "prod", "name": "later",
         "task": {"processes": [{"name": "p", "cmdline": "sleep 1"}], "resources": {"cpu": 1, "ram": 1048576, "disk": 1048576}}}
        """;
    scheduler.state(new StateRequests.CreateJob(JobJson.read(job).jobs().get(0)));
    // REVIVE and ACCEPT leave on separate connections and may arrive in either order.
    SchedulerCall accept = master.awaitCalls(List.of(c -> c.type() == SchedulerCall.Type.ACCEPT,
        c -> c.type() == SchedulerCall.Type.REVIVE), "REVIVE once a task is pending and ACCEPT of the held offer").get(0);
    assertThat(accept.accept().offerIds()).containsExactly(OfferId.of("O1"));
    assertThat(accept.accept().operations().get(0).launch().taskInfos()).hasSize(1);
  }
}
