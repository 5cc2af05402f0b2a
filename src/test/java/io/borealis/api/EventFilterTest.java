package io.borealis.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.borealis.events.ClusterEvent;
import io.borealis.model.JobKey;
import io.borealis.model.Problem;
import io.borealis.model.TaskState;
import io.borealis.updates.UpdateStatus;
import io.vertx.core.MultiMap;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EventFilterTest {
  private static final JobKey WEB = new JobKey("devcluster", "www-data", "prod", "web");
  private static final JobKey BATCH = new JobKey("devcluster", "ops", "test", "batch");
  private static final Instant T = Instant.parse("2026-11-29T10:00:00Z");

  /** One event of each type for each of two jobs, named by type and job. */
  private static final List<ClusterEvent> EVENTS = List.of(
      new ClusterEvent.TaskStateChanged(1, T, WEB, "t1", 0, TaskState.PENDING, TaskState.ASSIGNED, "h", "placed"),
      new ClusterEvent.TaskHealthChanged(2, T, WEB, "t1", 0, true, "ok"),
      new ClusterEvent.JobChanged(3, T, WEB, "CREATED", "created"),
      new ClusterEvent.UpdateChanged(4, T, WEB, "u1", UpdateStatus.ROLLING_FORWARD, "started", List.of()),
      new ClusterEvent.TaskStateChanged(5, T, BATCH, "t2", 0, TaskState.PENDING, TaskState.ASSIGNED, "h", "placed"),
      new ClusterEvent.JobChanged(6, T, BATCH, "CREATED", "created"));

  @ParameterizedTest(name = "?{0} passes {1}")
  @CsvSource(delimiter = '|', textBlock = """
      ''                          | task/web health/web job/web update/web task/batch job/batch
      role=www-data               | task/web health/web job/web update/web
      role=ops,www-data           | task/web health/web job/web update/web task/batch job/batch
      role=ops&role=www-data      | task/web health/web job/web update/web task/batch job/batch
      env=test                    | task/batch job/batch
      job=web                     | task/web health/web job/web update/web
      role=www-data&env=test      | ''
      role=nobody                 | ''
      type=task                   | task/web task/batch
      type=job,update             | job/web update/web job/batch
      type=health&role=ops        | ''
      role=ops&env=test&job=batch&type=job | job/batch
      """)
  void passesExactlyTheEventsItsParametersName(String query, String expected) {
    List<Problem> problems = new ArrayList<>();
    EventFilter filter = EventFilter.parse(params(query), problems);
    assertThat(problems).isEmpty();
    String passed = EVENTS.stream().filter(filter::test).map(e -> e.type() + "/" + e.job().name())
        .collect(Collectors.joining(" "));
    assertThat(passed).isEqualTo(expected);
  }

  @ParameterizedTest(name = "?{0} is refused: {1}")
  @CsvSource(delimiter = '|', textBlock = """
      type=tasks          | type: unknown event type 'tasks'; use one or more of task,health,job,update
      type=task,reset     | type: unknown event type 'reset'; use one or more of task,health,job,update
      role=               | role: is empty; leave the parameter out to match every role
      type=task,          | type: is empty; leave the parameter out to match every type
      job=a/b             | job: 'a/b' is not an identifier (letters, digits, _ - .)
      env=pr%20od         | env: 'pr od' is not an identifier (letters, digits, _ - .)
      """)
  void refusesMalformedParameters(String query, String expected) {
    List<Problem> problems = new ArrayList<>();
    EventFilter.parse(params(query), problems);
    assertThat(problems).extracting(Problem::toString).containsExactly(expected);
  }

  @Test
  void noParametersMeansEverySubscriberSharesTheSameFrames() {
    assertThat(EventFilter.parse(MultiMap.caseInsensitiveMultiMap(), new ArrayList<>()).matchesAll()).isTrue();
    assertThat(EventFilter.parse(params("role=www-data"), new ArrayList<>()).matchesAll()).isFalse();
  }

  @Test
  void knowsEveryEventType() {
    assertThat(EVENTS.stream().map(ClusterEvent::type).distinct()).containsExactlyInAnyOrderElementsOf(EventFilter.TYPES);
    assertThat(ClusterEvent.class.getPermittedSubclasses()).hasSize(EventFilter.TYPES.size());
  }

  private static MultiMap params(String query) {
    MultiMap params = MultiMap.caseInsensitiveMultiMap();
    for (String pair : query.split("&")) {
      if (!pair.isEmpty()) {
        int eq = pair.indexOf('=');
        params.add(pair.substring(0, eq), java.net.URLDecoder.decode(pair.substring(eq + 1), java.nio.charset.StandardCharsets.UTF_8));
      }
    }
    return params;
  }
}
