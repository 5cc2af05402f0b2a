package io.borealis.devcluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.borealis.mesos.client.SchedulerClient;
import io.borealis.mesos.wire.CommandInfo;
import io.borealis.mesos.wire.ExecutorId;
import io.borealis.mesos.wire.ExecutorInfo;
import io.borealis.mesos.wire.Filters;
import io.borealis.mesos.wire.FrameworkId;
import io.borealis.mesos.wire.FrameworkInfo;
import io.borealis.mesos.wire.Offer;
import io.borealis.mesos.wire.Resource;
import io.borealis.mesos.wire.SchedulerCall;
import io.borealis.mesos.wire.SchedulerEvent;
import io.borealis.mesos.wire.TaskId;
import io.borealis.mesos.wire.TaskInfo;
import io.borealis.mesos.wire.TaskStatus;
import io.vertx.core.Vertx;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A framework talking to the dev cluster through the scheduler client: a real executor process runs a
 * task; the agent keeps re-sending each status update until the framework acknowledges it, and only
 * then lets the next one through, as a Mesos agent does.
 */
class StatusUpdateReliabilityTest {
  private static final Duration RETRY = Duration.ofMillis(300);

  @TempDir
  Path dir;

  private Vertx vertx;
  private SchedulerClient client;
  private final LinkedBlockingQueue<SchedulerEvent> events = new LinkedBlockingQueue<>();
  private final List<SchedulerEvent> seen = new java.util.ArrayList<>();

  @BeforeEach
  void start() throws Exception {
    vertx = Vertx.vertx();
    AgentSpec agent = AgentSpec.parse("localhost", 0, "cpus:4;mem:4096;disk:4096;ports:[31000-31010]", Map.of("rack", "a"));
    var settings = new AgentVerticle.AgentSettings("127.0.0.1", RETRY, Duration.ofSeconds(30), Duration.ofSeconds(1));
    DevCluster cluster = DevCluster.start(vertx, "127.0.0.1", 0, List.of(agent), dir, Duration.ofSeconds(5), settings)
        .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    client = new SchedulerClient(vertx, cluster.masterUrl());
    FrameworkInfo info = new FrameworkInfo("tester", "reliability-test", null, 60.0, false, null, null, null, null);
    client.subscribe(SchedulerCall.subscribe(info), events::add, error -> { })
        .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @AfterEach
  void stop() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  /** The next event of {@code type}; events of other types are kept in {@link #seen}. */
  private SchedulerEvent next(SchedulerEvent.Type type) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < deadline) {
      SchedulerEvent event = events.poll(1, TimeUnit.SECONDS);
      if (event != null) {
        seen.add(event);
        if (event.type() == type) {
          return event;
        }
      }
    }
    throw new AssertionError("no " + type + " event within 30 s; saw " + seen.stream().map(SchedulerEvent::type).toList());
  }

  /** An event of {@code type} already seen, or the next one. */
  private SchedulerEvent seenOrNext(SchedulerEvent.Type type) throws InterruptedException {
    var earlier = seen.stream().filter(e -> e.type() == type).findFirst();
    return earlier.isPresent() ? earlier.get() : next(type);
  }

  private void call(SchedulerCall call) throws Exception {
    client.call(call).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @Test
  @Timeout(120)
  void reSendsEachUpdateUntilAcknowledgedThenTheNext() throws Exception {
    FrameworkId framework = next(SchedulerEvent.Type.SUBSCRIBED).subscribed().frameworkId();
    Offer offer = next(SchedulerEvent.Type.OFFERS).offers().offers().get(0);
    assertThat(offer.attributes()).extracting(a -> a.name() + "=" + a.valueAsString()).contains("rack=a", "host=localhost");

    call(SchedulerCall.launch(framework, List.of(offer.id()), List.of(quickTask(offer)), Filters.refuseSeconds(0)));

    TaskStatus starting = next(SchedulerEvent.Type.UPDATE).update().status();
    assertThat(starting.state()).isEqualTo(TaskStatus.State.TASK_STARTING);
    assertThat(starting.source()).isEqualTo(TaskStatus.Source.SOURCE_EXECUTOR);
    // Not acknowledged: the agent sends exactly this update again, and nothing newer.
    TaskStatus again = next(SchedulerEvent.Type.UPDATE).update().status();
    assertThat(again.state()).isEqualTo(TaskStatus.State.TASK_STARTING);
    assertThat(again.uuid()).isEqualTo(starting.uuid());

    TaskStatus latest = again;
    while (!latest.state().isTerminal()) {
      call(SchedulerCall.acknowledge(framework, latest.agentId(), latest.taskId(), latest.uuid()));
      TaskStatus following = next(SchedulerEvent.Type.UPDATE).update().status();
      if (!java.util.Arrays.equals(following.uuid(), latest.uuid())) {
        latest = following;
      }
    }
    assertThat(latest.state()).isEqualTo(TaskStatus.State.TASK_FINISHED);
    call(SchedulerCall.acknowledge(framework, latest.agentId(), latest.taskId(), latest.uuid()));
    // The executor exits once its updates are in the agent's hands: Mesos reports that as a FAILURE.
    assertThat(seenOrNext(SchedulerEvent.Type.FAILURE).failure().executorId().value()).isEqualTo("exec-quick");

    // The leftover of the first offer is still outstanding, yet what the task and its executor used
    // comes back in offers of its own, as with Mesos: together they add up to the whole agent again.
    List<SchedulerEvent> offers = new java.util.ArrayList<>(seen.stream().filter(e -> e.type() == SchedulerEvent.Type.OFFERS).toList());
    while (offers.stream().skip(1).mapToDouble(StatusUpdateReliabilityTest::cpus).sum() < 4.0 - 1e-9) {
      offers.add(next(SchedulerEvent.Type.OFFERS));
    }
    assertThat(offers.stream().skip(1).mapToDouble(StatusUpdateReliabilityTest::cpus).sum()).isCloseTo(4.0, within(1e-9));
    assertThat(offers).hasSizeGreaterThanOrEqualTo(3);
  }

  private static double cpus(SchedulerEvent offers) {
    return offers.offers().offers().get(0).resources().stream().filter(r -> r.name().equals("cpus"))
        .mapToDouble(Resource::scalarValue).sum();
  }

  private static TaskInfo quickTask(Offer offer) {
    String payload = "{\"role\": \"nobody\", \"instance\": 0, \"task\": {\"name\": \"quick\","
        + " \"processes\": [{\"name\": \"quick\", \"cmdline\": \"echo done\"}]}}";
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    CommandInfo command = CommandInfo.shell("exec '" + java + "' -XX:TieredStopAtLevel=1 -cp '"
        + System.getProperty("java.class.path") + "' io.borealis.executor.ExecutorMain");
    ExecutorInfo executor = new ExecutorInfo(ExecutorInfo.ExecutorType.CUSTOM, ExecutorId.of("exec-quick"), null, command,
        List.of(Resource.scalar("cpus", 0.1), Resource.scalar("mem", 64)), "test executor", null, null);
    return new TaskInfo("quick", TaskId.of("quick-task"), offer.agentId(),
        List.of(Resource.scalar("cpus", 0.5), Resource.scalar("mem", 64), Resource.scalar("disk", 10)), executor, null, null,
        payload.getBytes(StandardCharsets.UTF_8));
  }
}
