package io.borealis.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.borealis.model.AnnouncerConfig;
import io.borealis.model.JobConfig;
import io.borealis.model.LoggerConfig;
import io.borealis.model.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JobJsonTest {
  private static final String MINIMAL = """
      {"cluster": "devcluster", "role": "www-data", "environment": "prod",
       "task": {"processes": [{"name": "hello", "cmdline": "echo hi"}],
                "resources": {"cpu": 0.5, "ram": 67108864, "disk": 67108864}}}
      """;

  @Test
  void readsTheHelloWorldExampleLikeAuroraHelloWorld() throws IOException {
    JobJson.ReadResult result = JobJson.read(Files.readString(Path.of("examples/hello_world.json")));
    assertThat(result.problems()).isEmpty();
    JobConfig job = result.jobs().get(0);
    assertThat(job.key().toString()).isEqualTo("devcluster/www-data/prod/hello");
    assertThat(job.service()).isTrue();
    assertThat(job.task().resources().ramMb()).isEqualTo(128);
    assertThat(job.task().order()).containsExactly(java.util.List.of("hello"));
    assertThat(job.task().processes().get(0).cmdline()).contains("echo hello world");
  }

  @Test
  void fillsAuroraDefaultsAndNamesTheJobAfterItsTask() {
    JobConfig job = JobJson.read(MINIMAL).jobs().get(0);
    assertThat(job.key().name()).isEqualTo("hello");
    assertThat(job.instances()).isEqualTo(1);
    assertThat(job.maxTaskFailures()).isEqualTo(1);
    assertThat(job.update().watchSecs()).isEqualTo(45);
    assertThat(job.healthCheck().intervalSecs()).isEqualTo(10.0);
    assertThat(job.task().processes().get(0).maxFailures()).isEqualTo(1);
  }

  @Test
  void writesWhatItReads() {
    JobConfig job = JobJson.read(MINIMAL).jobs().get(0);
    JobJson.ReadResult again = JobJson.read(JobJson.write(job).toString());
    assertThat(again.problems()).isEmpty();
    assertThat(again.jobs().get(0)).isEqualTo(job);
  }

  @Test
  void aProcessLoggerIsReadWithDefaultsWrittenOutAndCheckedWithPaths() {
    String withLogger = MINIMAL.replace("\"echo hi\"}", "\"echo hi\", \"logger\": {\"mode\": \"rotate\", \"rotate\": {\"backups\": 2}}}");
    JobConfig job = JobJson.read(withLogger).jobs().get(0);
    LoggerConfig expected = new LoggerConfig(LoggerConfig.Destination.FILE, LoggerConfig.Mode.ROTATE, 100L * 1024 * 1024, 2);
    assertThat(job.task().processes().get(0).logger()).isEqualTo(expected);
    assertThat(JobJson.read(JobJson.write(job).toString()).jobs().get(0)).isEqualTo(job);
    assertThat(JobJson.write(JobJson.read(MINIMAL).jobs().get(0)).at("/task/processes/0").has("logger")).isFalse();

    String wrongMode = MINIMAL.replace("\"echo hi\"}", "\"echo hi\", \"logger\": {\"mode\": \"daily\"}}");
    assertThat(JobJson.read(wrongMode).problems()).extracting(Problem::toString)
        .containsExactly("$.task.processes[0].logger.mode: must be one of standard, rotate, not 'daily'");
    String noSize = MINIMAL.replace("\"echo hi\"}", "\"echo hi\", \"logger\": {\"rotate\": {\"log_size\": 0}}}");
    assertThat(JobJson.read(noSize).problems()).extracting(Problem::path)
        .containsExactly("$.task.processes[0].logger.rotate.log_size");
  }

  @Test
  void anAnnouncerIsReadWithAurorasDefaultsAndWrittenBack() {
    JobConfig job = JobJson.read(MINIMAL.replace("\"environment\": \"prod\",",
        "\"environment\": \"prod\", \"announce\": {\"zk_path\": \"/s/hello\"},")).jobs().get(0);

    assertThat(job.announce()).isEqualTo(new AnnouncerConfig("http", java.util.Map.of("aurora", "http"), "/s/hello"));
    assertThat(job.requestedPorts()).containsExactly("http");
    assertThat(JobJson.read(JobJson.write(job).toString()).jobs().get(0)).isEqualTo(job);
    assertThat(JobJson.read(MINIMAL).jobs().get(0).announce()).isNull();
  }

  @Test
  void readsAJobsDocumentWithSeveralJobs() {
    String two = "{\"jobs\": [" + MINIMAL + "," + MINIMAL.replace("\"prod\"", "\"devel\"") + "]}";
    assertThat(JobJson.read(two).jobs()).extracting(j -> j.key().environment()).containsExactly("prod", "devel");
  }

  @Test
  void reportsEveryProblemWithItsPath() {
    String bad = """
        {"cluster": "devcluster", "role": "www data", "environment": "prod", "instances": "three",
         "contraints": {}, "constraints": {"host": "limit:0"},
         "task": {"processes": [{"name": "a", "cmdline": ""}, {"name": "a", "cmdline": "x", "daemon": "yes"}],
                  "resources": {"cpu": 0, "ram": 1024}}}
        """;
    JobJson.ReadResult result = JobJson.read(bad);
    assertThat(result.jobs()).isEmpty();
    assertThat(result.problems()).extracting(Problem::path).contains(
        "$.role", "$.instances", "$.contraints", "$.task.processes[1].daemon", "$.task.resources.disk");
    String bad2 = bad.replace("\"instances\": \"three\",", "").replace("\"contraints\": {}, ", "")
        .replace("\"daemon\": \"yes\"", "\"daemon\": true").replace("\"ram\": 1024}", "\"ram\": 1024, \"disk\": 1048576}")
        .replace("www data", "www-data");
    assertThat(JobJson.read(bad2).problems()).extracting(Problem::path).containsExactlyInAnyOrder(
        "$.task.processes[0].cmdline", "$.task.processes[1].name", "$.task.resources.cpu", "$.task.resources.ram",
        "$.constraints.host");
  }

  @ParameterizedTest(name = "tier {0}, production {1}")
  @CsvSource(delimiter = '|', value = {
      "               | false | preemptible | ",
      "               | true  | preferred   | ",
      "preferred      | false | preferred   | ",
      "preemptible    | false | preemptible | ",
      "preemptible    | true  |             | $.production: a production job is in tier 'preferred', not 'preemptible'",
      "revocable      | false |             | $.tier: tier 'revocable' runs on revocable resources, which this scheduler does not use yet",
      "gold           | false |             | $.tier: unknown tier 'gold': use preferred, preemptible or revocable"})
  void tiersAsAuroraNamesThem(String tier, boolean production, String effective, String problem) {
    String job = MINIMAL.replace("\"cluster\"", (tier == null ? "" : "\"tier\": \"" + tier + "\", ") + "\"production\": " + production
        + ", \"cluster\"");
    JobJson.ReadResult result = JobJson.read(job);
    if (problem == null) {
      assertThat(result.problems()).isEmpty();
      assertThat(result.jobs().get(0).effectiveTier().configName()).isEqualTo(effective);
      assertThat(result.jobs().get(0).preferred()).isEqualTo(effective.equals("preferred"));
    } else {
      assertThat(result.problems()).extracting(p -> p.path() + ": " + p.message()).containsExactly(problem);
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "not json at all          | line 1, column",
      "[]                       | $",
      "{\"jobs\": 3}            | $.jobs",
      "{\"cron_schedule\": \"* * * * *\"} | $.cron_schedule",
  })
  void saysWhereAnUnusableDocumentGoesWrong(String text, String path) {
    assertThat(JobJson.read(text).problems()).extracting(Problem::path).anySatisfy(p -> assertThat(p).startsWith(path));
  }
}
