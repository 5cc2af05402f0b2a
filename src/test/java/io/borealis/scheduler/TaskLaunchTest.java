package io.borealis.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.borealis.config.JobJson;
import io.borealis.mesos.wire.TaskInfo;
import io.borealis.model.JobConfig;
import io.borealis.model.ScheduledTask;
import io.borealis.model.TaskState;
import io.borealis.state.LifecycleSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the executor is told when a task launches: its user, and where to announce it. */
class TaskLaunchTest {
  private static final String JOB = """
      {"cluster": "devcluster", "role": "www-data", "environment": "prod", "name": "web",
       "announce": {"primary_port": "http"},
       "task": {"processes": [{"name": "main", "cmdline": "serve"}],
                "resources": {"cpu": 0.5, "ram": 16777216, "disk": 16777216}}}
      """;

  private static SchedulerSettings settings(String zkEnsemble) {
    return new SchedulerSettings("devcluster", "http://master", "Borealis", "root", Duration.ofDays(1), "borealis-executor",
        0.25, 128, Duration.ofMinutes(5), null, LifecycleSettings.AURORA_DEFAULTS, Duration.ofHours(1),
        SchedulerSettings.DEFAULT_UPDATE_PROGRESS_DEADLINE, SchedulerSettings.DEFAULT_PREEMPTION_DELAY, zkEnsemble);
  }

  private static ScheduledTask assigned(String job) {
    JobConfig config = JobJson.read(job).jobs().get(0);
    return new ScheduledTask("www-data-prod-web-0-x", config, 0, TaskState.INIT, null, null, Map.of(), 0, null, List.of())
        .withState(TaskState.PENDING, Instant.now(), null)
        .withPlacement("agent-1", "host-1", Map.of("http", 31000));
  }

  @Test
  void theRoleIsTheExecutorsUserAndAnAnnouncingJobGetsTheEnsemble() throws Exception {
    ScheduledTask task = assigned(JOB);
    assertThat(task.config().requestedPorts()).containsExactly("http");

    TaskInfo info = new MesosAdapter(settings("zk1:2181,zk2:2181")).toTaskInfo(task, "*");

    assertThat(info.executor().command().user()).isEqualTo("www-data");
    JsonNode payload = new ObjectMapper().readTree(info.data());
    assertThat(payload.path("zk_ensemble").asText()).isEqualTo("zk1:2181,zk2:2181");
    assertThat(payload.path("announce").path("portmap").path("aurora").asText()).isEqualTo("http");
    assertThat(payload.path("ports").path("http").asInt()).isEqualTo(31000);
  }

  @Test
  void withoutAnEnsembleOrAnAnnouncerNothingIsAnnounced() throws Exception {
    TaskInfo noEnsemble = new MesosAdapter(settings(null)).toTaskInfo(assigned(JOB), "*");
    assertThat(new ObjectMapper().readTree(noEnsemble.data()).has("zk_ensemble")).isFalse();

    TaskInfo noAnnouncer = new MesosAdapter(settings("zk:2181")).toTaskInfo(
        assigned(JOB.replace("\"announce\": {\"primary_port\": \"http\"},", "")), "*");
    JsonNode payload = new ObjectMapper().readTree(noAnnouncer.data());
    assertThat(payload.has("zk_ensemble")).isFalse();
    assertThat(payload.has("announce")).isFalse();
  }
}
