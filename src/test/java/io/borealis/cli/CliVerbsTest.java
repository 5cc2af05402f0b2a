package io.borealis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The verbs' command lines, help texts and messages through picocli, without a scheduler. */
class CliVerbsTest {
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

  @Test
  void everyVerbsHelpHasAnExampleAndItsExitCodes() {
    CommandLine root = BorealisCommand.commandLine(new BorealisCommand(Map.of()), new PrintWriter(new StringWriter()),
        new PrintWriter(new StringWriter()));
    List<CommandLine> verbs = new ArrayList<>();
    collectLeaves(root, verbs);
    assertThat(verbs).hasSizeGreaterThan(20);
    for (CommandLine verb : verbs) {
      String usage = verb.getUsageMessage(CommandLine.Help.Ansi.OFF);
      assertThat(usage).as(verb.getCommandSpec().qualifiedName()).contains("Example:", "Exit codes:")
          .containsPattern("(?m)^\\s+0\\s|(?m)^\\s+1\\s").containsPattern("(?m)^\\s+2\\s+Invalid command line");
    }
  }

  private static void collectLeaves(CommandLine command, List<CommandLine> leaves) {
    if (command.getSubcommands().isEmpty()) {
      leaves.add(command);
    }
    command.getSubcommands().values().forEach(sub -> collectLeaves(sub, leaves));
  }

  @Test
  void rootHelpListsTheNounsAndMentionsCompletion() {
    Run run = run("--help");
    assertThat(run.exit()).isZero();
    assertThat(run.out()).contains("job", "task", "cron", "quota", "sla", "config", "admin", "completion",
        "source <(borealis completion)");
  }

  @Test
  void completionPrintsABashScriptCoveringNounsAndVerbs() {
    Run run = run("completion");
    assertThat(run.exit()).isZero();
    assertThat(run.out()).contains("complete -F", "borealis").contains("create", "killall", "get-task-up-count");
  }

  @Test
  void verbsWithoutASchedulerCapabilityParseThenSayWhatIsMissing() {
    Run cron = run("cron", "schedule", "devcluster/www-data/prod/nightly", "nightly.aurora", "--bind", "a=b");
    assertThat(cron.exit()).isEqualTo(1);
    assertThat(cron.err()).isEqualTo("Error: cron jobs are not available on cluster 'devcluster' "
        + "(this Borealis scheduler has no cron support yet)\n");
    assertThat(run("cron", "show", "devcluster/www-data/prod/nightly").err()).contains("cron jobs are not available");
    assertThat(run("cron", "start", "devcluster/www-data/prod/nightly").exit()).isEqualTo(1);
    assertThat(run("cron", "deschedule", "devcluster/www-data/prod/nightly").exit()).isEqualTo(1);

    Run task = run("task", "run", "-e", "devcluster/www-data/prod/hello/0-2", "ls -l");
    assertThat(task.exit()).isEqualTo(1);
    assertThat(task.err()).contains("remote commands are not available on cluster 'devcluster'");
    Run ssh = run("task", "ssh", "--tunnels", "8080:http", "devcluster/www-data/prod/hello/0");
    assertThat(ssh.err()).contains("remote commands are not available");
    assertThat(run("task", "ssh", "devcluster/www-data/prod/hello").err()).contains("exactly one instance");

  }

  @Test
  void anUnknownClusterIsReportedBeforeAMissingCapability() {
    Run run = run("cron", "show", "nowhere/www-data/prod/nightly");
    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err()).contains("Unknown cluster 'nowhere'");
  }

  @Test
  void usageErrorsExitWithTwo() {
    assertThat(run("job", "add", "devcluster/www-data/prod/hello/0").exit()).isEqualTo(2);
    assertThat(run("job", "add", "devcluster/www-data/prod/hello/0", "many").exit()).isEqualTo(2);
    assertThat(run("task", "run", "devcluster/www-data/prod/hello").exit()).isEqualTo(2);
    assertThat(run("sla", "get-job-uptime").exit()).isEqualTo(2);
    assertThat(run("job", "diff", "--no-such-option", "devcluster/a/b/c", "x.json").exit()).isEqualTo(2);
  }

  @Test
  void jobAddNeedsOneInstanceToCopyAndAPositiveCount() {
    Run noInstance = run("job", "add", "devcluster/www-data/prod/hello", "2");
    assertThat(noInstance.exit()).isEqualTo(1);
    assertThat(noInstance.err()).contains("job add needs exactly one instance to copy, like devcluster/www-data/prod/hello/0");
    assertThat(run("job", "add", "devcluster/www-data/prod/hello/0-1", "2").err()).contains("exactly one instance");
    assertThat(run("job", "add", "devcluster/www-data/prod/hello/0", "0").err()).contains("COUNT must be at least 1");
  }

  @Test
  void openPrintsTheDashboardUrlOfTheClustersScheduler() {
    Run run = run("job", "open", "devcluster/www-data/prod/hello");
    assertThat(run.exit()).isZero();
    assertThat(run.out()).isEqualTo(Clusters.DEVCLUSTER_URL + "/scheduler/www-data/prod/hello\n");
  }

  @Test
  void slaOptionsAreCheckedBeforeAnyRequest() {
    assertThat(run("sla", "get-task-up-count", "--durations", "1x", "devcluster/a/b/c").err())
        .contains("Invalid time value '1x'");
    assertThat(run("sla", "get-job-uptime", "--percentiles", "100", "devcluster/a/b/c").err())
        .contains("Invalid percentile '100'");
  }

  @Test
  void configListJsonIsForMachines() throws IOException {
    Path file = Files.writeString(dir.resolve("two.aurora"), """
        task = Task(processes = [Process(name = 'p', cmdline = 'true')], resources = Resources(cpu = 1, ram = 1*MB, disk = 1*MB))
        jobs = [Job(cluster = 'devcluster', role = 'r', environment = 'prod', name = n, task = task) for n in ['a', 'b']]
        """);
    Run run = run("config", "list", "--json", file.toString());
    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(new ObjectMapper().readTree(run.out()).path("jobs").toString()).isEqualTo("[\"devcluster/r/prod/a\",\"devcluster/r/prod/b\"]");
  }

  @Test
  void timeValuesParseAndPrintAsAuroraDoes() {
    assertThat(TimeValues.parseList(SlaCommand.DEFAULT_DURATIONS).stream().map(TimeValues::display))
        .containsExactly("1 mins", "10 mins", "1 hrs", "12 hrs", "7 days");
    assertThat(TimeValues.parse("1h3m10s")).isEqualTo(Duration.ofSeconds(3790));
    assertThat(TimeValues.display(Duration.ofSeconds(3790))).isEqualTo("3790 secs");
    assertThat(SlaCommand.JobUptime.parsePercentiles("50,95.5,99")).containsExactly(99.0, 95.5, 50.0);
    assertThat(SlaCommand.JobUptime.pythonFloat(99)).isEqualTo("99.0");
    assertThat(SlaCommand.JobUptime.pythonFloat(95.5)).isEqualTo("95.5");
  }

  @Test
  void slaVectorCountsUptimeFromTheFirstStartingEvent() throws IOException {
    Instant now = Instant.parse("2026-01-01T12:00:00Z");
    String tasks = "[" + task(0, "2026-01-01T11:59:30Z") + "," + task(1, "2026-01-01T11:58:30Z") + ","
        + task(2, "2026-01-01T10:00:00Z") + ",{\"instance\": 3, \"events\": [{\"state\": \"PENDING\", "
        + "\"timestamp\": \"2026-01-01T09:00:00Z\"}]}]";
    SlaVector vector = SlaVector.of(new ObjectMapper().readTree(tasks), now);
    assertThat(vector.instancesCounted()).isEqualTo(3);
    assertThat(vector.taskUpCount(Duration.ofMinutes(1))).isCloseTo(66.67, org.assertj.core.data.Offset.offset(0.01));
    assertThat(vector.taskUpCount(Duration.ofSeconds(30))).isEqualTo(100.0);
    assertThat(vector.taskUpCount(Duration.ofDays(1))).isZero();
    // uptimes 30, 90, 7200: the 50th percentile is index 3 - floor(1.5) - 1 = 1 → 90 s; the 99th index 0 → 30 s
    assertThat(vector.jobUptime(50)).isEqualTo(90);
    assertThat(vector.jobUptime(10)).isEqualTo(7200);
    assertThat(vector.jobUptime(99)).isEqualTo(30);
    assertThat(new SlaVector(Map.of()).jobUptime(50)).isZero();
  }

  private static String task(int instance, String starting) {
    return "{\"instance\": " + instance + ", \"events\": [{\"state\": \"PENDING\", \"timestamp\": \"2026-01-01T09:00:00Z\"},"
        + " {\"state\": \"STARTING\", \"timestamp\": \"" + starting + "\"}, {\"state\": \"RUNNING\", \"timestamp\": \"" + starting + "\"}]}";
  }

  @Test
  void configDiffShowsOnlyChangedFieldsByPath() throws IOException {
    ObjectMapper json = new ObjectMapper();
    var before = json.readTree("{\"instances\": 3, \"task\": {\"processes\": [{\"name\": \"p\", \"cmdline\": \"sleep 1\"}]}}");
    var after = json.readTree("{\"instances\": 5, \"task\": {\"processes\": [{\"name\": \"p\", \"cmdline\": \"sleep 2\"}]}}");
    assertThat(ConfigDiff.diff(before, after)).containsExactly("- instances: 3", "+ instances: 5",
        "- task.processes[0].cmdline: \"sleep 1\"", "+ task.processes[0].cmdline: \"sleep 2\"");
    assertThat(ConfigDiff.diff(before, before)).isEmpty();
  }

  @Test
  void progressLinesPrintOnlyChanges() {
    StringWriter text = new StringWriter();
    try (Progress progress = new Progress.ProgressLines(new PrintWriter(text), "instances RUNNING")) {
      progress.update(0, 3);
      progress.update(0, 3);
      progress.update(2, 3);
      progress.update(3, 3);
    }
    assertThat(text.toString()).isEqualTo("0/3 instances RUNNING\n2/3 instances RUNNING\n3/3 instances RUNNING\n");
  }
}
