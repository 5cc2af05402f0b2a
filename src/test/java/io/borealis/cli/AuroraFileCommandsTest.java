package io.borealis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code config list}, {@code job inspect} and {@code job create} on .aurora files, through picocli. */
class AuroraFileCommandsTest {
  private static final String HELLO = """
      import getpass
      hello = Process(name = 'hello', cmdline = 'echo {{greeting}} from {{role}} on {{thermos.ports[http]}}')
      task = SequentialTask(processes = [hello], resources = Resources(cpu = 0.5, ram = 64*MB, disk = 64*MB))
      base = Service(cluster = 'devcluster', role = getpass.getuser(), environment = 'prod', task = task)
      jobs = [base(name = 'hello'), base(name = 'hello2', instances = 2)]
      """;

  @TempDir
  Path dir;

  record Run(int exit, String out, String err) {}

  Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = BorealisCommand.commandLine(new BorealisCommand(Map.of("USER", "alice", "HOME", dir.toString())),
        new PrintWriter(out), new PrintWriter(err)).execute(args);
    return new Run(exit, out.toString(), err.toString());
  }

  Path file(String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, text);
    return file;
  }

  @Test
  void configListPrintsTheJobKeysLikeAurora() throws IOException {
    Run run = run("config", "list", file("hello.aurora", HELLO).toString());
    assertThat(run.exit()).isZero();
    assertThat(run.out()).isEqualTo("jobs=[devcluster/alice/prod/hello, devcluster/alice/prod/hello2]\n");
  }

  @Test
  void configListOfAFileWithoutJobsPrintsAnEmptyList() throws IOException {
    Run run = run("config", "list", file("none.aurora", "x = 1\n").toString());
    assertThat(run.out()).isEqualTo("jobs=[]\n");
  }

  @Test
  void bindValuesReachTheKeysAndTheLastOneWins() throws IOException {
    Path file = file("env.aurora", HELLO.replace("environment = 'prod'", "environment = '{{env}}'"));
    Run run = run("config", "list", "--bind", "env=staging", "--bind", "env=devel", file.toString());
    assertThat(run.out()).isEqualTo("jobs=[devcluster/alice/devel/hello, devcluster/alice/devel/hello2]\n");
  }

  @Test
  void inspectShowsTheResolvedJob() throws IOException {
    Run run = run("job", "inspect", "--bind", "greeting=hi", "devcluster/alice/prod/hello2", file("hello.aurora", HELLO).toString());
    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out())
        .contains("Job devcluster/alice/prod/hello2")
        .contains("instances:           2")
        .contains("    echo hi from alice on {{thermos.ports[http]}}")
        .contains("constraint:          order(hello)")
        .contains("Requested ports:       http")
        .contains("Borealis can create this job.");
  }

  @Test
  void inspectJsonIsForMachines() throws IOException {
    Run run = run("job", "inspect", "--json", "--bind", "greeting=hi", "devcluster/alice/prod/hello",
        file("hello.aurora", HELLO).toString());
    assertThat(run.out()).contains("\"key\" : \"devcluster/alice/prod/hello\"")
        .contains("\"unbound\" : [ \"{{thermos.ports[http]}}\" ]")
        .contains("\"creatable\" : true");
  }

  @Test
  void inspectSaysWhyAJobCannotBeCreated() throws IOException {
    Run run = run("job", "inspect", "devcluster/alice/prod/hello", file("hello.aurora", HELLO).toString());
    assertThat(run.exit()).isZero();
    assertThat(run.out()).contains("Borealis cannot create this job:\n  Config contains unbound variables: {{greeting}}");
  }

  @Test
  void anUnknownJobListsTheCandidates() throws IOException {
    Run run = run("job", "inspect", "devcluster/alice/prod/nope", file("hello.aurora", HELLO).toString());
    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err()).contains("Could not find job devcluster/alice/prod/nope").contains("  devcluster/alice/prod/hello2");
  }

  @Test
  void createRefusesCronJobsBeforeContactingAnyScheduler() throws IOException {
    Path file = file("cron.aurora", """
        jobs = [Job(cluster = 'devcluster', role = 'www-data', environment = 'test', name = 'cron_hello',
                    cron_schedule = '*/5 * * * *', task = SimpleTask('cron_hello', 'echo hello'))]
        """);
    Run run = run("job", "create", "devcluster/www-data/test/cron_hello", file.toString());
    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err()).contains("job devcluster/www-data/test/cron_hello cannot be created:")
        .contains("cron_schedule: cron jobs are not supported yet");
    Run list = run("config", "list", file.toString());
    assertThat(list.out()).isEqualTo("jobs=[devcluster/www-data/test/cron_hello]\n");
  }

  @Test
  void loadErrorsNameFileLineAndColumnWithoutAStackTrace() throws IOException {
    Path file = file("bad.aurora", "x = 1\nupdate = UpdateConfig(restart_threshold=90)\n");
    Run run = run("config", "list", file.toString());
    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err()).isEqualTo("Error: Error loading configuration file: " + file
        + ":2:10: AttributeError: unknown attribute restart_threshold of UpdateConfig (its attributes are batch_size, "
        + "watch_secs, max_per_shard_failures, max_total_failures, rollback_on_failure, wait_for_batch_completion, "
        + "pulse_interval_secs, sla_aware, update_strategy)\n");
  }

  @Test
  void sandboxEscapesAreRefusedWithAClearMessage() throws IOException {
    Path file = file("evil.aurora", "secret = open('/etc/passwd').read()\n");
    Run run = run("config", "list", file.toString());
    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err()).contains(":1:10: SandboxError: open() is not allowed in a config").doesNotContain("Exception");
  }

  @Test
  void aBadBindIsAUsageMistake() throws IOException {
    Run run = run("config", "list", "--bind", "novalue", file("hello.aurora", HELLO).toString());
    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err()).contains("--bind novalue: expected NAME=VALUE");
  }

  @Test
  void jsonFilesTakeBindsToo() throws IOException {
    Path file = file("job.json", """
        {"cluster": "devcluster", "role": "www-data", "environment": "{{env}}", "name": "hello",
         "task": {"processes": [{"name": "hello", "cmdline": "echo hi"}],
                  "resources": {"cpu": 0.5, "ram": 67108864, "disk": 67108864}}}
        """);
    Run run = run("config", "list", "--bind", "env=prod", file.toString());
    assertThat(run.out()).isEqualTo("jobs=[devcluster/www-data/prod/hello]\n");
    Run inspect = run("job", "inspect", "--bind", "env=prod", "devcluster/www-data/prod/hello", file.toString());
    assertThat(inspect.exit()).as(inspect.err()).isZero();
    assertThat(inspect.out()).contains("\"environment\" : \"prod\"");
  }

  @Test
  void helpDocumentsTheExitCodes() {
    Run run = run("job", "inspect", "--help");
    assertThat(run.out()).contains("Exit codes:").contains("1   The file does not load");
  }
}
