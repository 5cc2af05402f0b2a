package io.borealis.config.aurora;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.borealis.model.AnnouncerConfig;
import io.borealis.model.ContainerConfig;
import io.borealis.model.JobConfig;
import io.borealis.model.LoggerConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What a person sees when a config's job cannot be created, and what a good one becomes. */
class JobConversionTest {
  private static final String TASK = "t = Task(processes=[Process(name='p', cmdline='echo {{mesos.instance}}')], "
      + "resources=Resources(cpu=1, ram=64*MB, disk=64*MB))\n";

  static AuroraConfig load(String source, Map<String, String> binds) {
    return AuroraConfigLoader.load(Path.of("/cfg/job.aurora"), binds, Map.of("USER", "alice"), file -> source);
  }

  static JobConversion convert(String jobArgs) {
    String source = TASK + "jobs = [Job(" + jobArgs + ")]\n";
    return load(source, Map.of()).jobs().get(0).evaluate().convert();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
      missing cluster          | "role='r', environment='e', name='n', task=t"                                  | Cluster required for job
      missing environment      | "cluster='c', role='r', name='n', task=t"                                      | MesosJob[environment] is required.
      unbound into integer     | "cluster='c', role='r', environment='e', name='n', task=t, instances='{{n}}'"  | MesosJob[instances] failed: '{{n}}' not an integer
      unbound reference        | "cluster='c', role='r', environment='{{env}}', name='n', task=t"               | "Config contains unbound variables: {{env}}"
      invalid name             | "cluster='c', role='r', environment='e', name='a b', task=t"                   | job key name
      too many instances       | "cluster='c', role='r', environment='e', name='n', task=t, instances=20000"    | "$.instances: must be between 1 and 10000, was 20000"
      """)
  void explainsWhyAJobCannotBeCreated(String name, String jobArgs, String expected) {
    JobConversion conversion = convert(jobArgs);
    assertThat(conversion.creatable()).isFalse();
    assertThat(conversion.problems()).first().asString().startsWith(expected);
  }

  @Test
  void aValueThatCannotBeCoercedNamesTheFieldAndWhereTheJobWasMade() {
    assertThatThrownBy(() -> convert("cluster='c', role='r', environment='e', name='n', task=t, instances='many'"))
        .isInstanceOf(AuroraConfigError.class).hasMessage(
            "/cfg/job.aurora:2:9: job c/r/e/n: MesosJob[instances] failed: Unable to interpolate: Cannot coerce 'many' to Integer");
  }

  @Test
  void aGoodJobBecomesAJobConfigWithExecutorRefsLeftForTheExecutor() {
    JobConversion conversion = convert("cluster='c', role='r', environment='e', task=t, constraints={'host': 'limit:1'}");
    assertThat(conversion.problems()).isEmpty();
    JobConfig config = conversion.config();
    assertThat(config.key().toString()).isEqualTo("c/r/e/p");
    assertThat(config.task().processes().get(0).cmdline()).isEqualTo("echo {{mesos.instance}}");
    assertThat(config.task().resources().ramMb()).isEqualTo(64);
    assertThat(config.constraints()).containsEntry("host", "limit:1");
  }

  @Test
  void cronIsRefusedButStillListed() {
    AuroraConfig config = load(TASK + "jobs = [Job(cluster='c', role='r', environment='e', task=t, cron_schedule='* * * * *')]\n",
        Map.of());
    assertThat(config.listLine()).isEqualTo("jobs=[c/r/e/p]");
    JobConversion conversion = config.jobs().get(0).evaluate().convert();
    assertThat(conversion.problems()).isEmpty();
    assertThat(conversion.unsupported()).containsExactly("cron_schedule: cron jobs are not supported yet");
  }

  @Test
  void containersBecomeTheJobsContainer() {
    String source = TASK + "jobs = [Job(cluster='c', role='r', environment='e', name='d', task=t, container=Docker(image='debian:12')),\n"
        + "  Job(cluster='c', role='r', environment='e', name='m', task=t, container=Mesos(image=DockerImage(name='nginx', tag='1.25'),"
        + " volumes=[Volume(container_path='/data', host_path='/srv/data', mode=Mode('RW'))])),\n"
        + "  Job(cluster='c', role='r', environment='e', name='legacy', task=t, container=Container(docker=Docker(image='busybox')))]\n";
    List<JobConversion> conversions = load(source, Map.of()).jobs().stream().map(job -> job.evaluate().convert()).toList();
    assertThat(conversions).allSatisfy(c -> assertThat(c.unsupported()).isEmpty());
    assertThat(conversions.get(0).config().container()).isEqualTo(new ContainerConfig(ContainerConfig.Kind.DOCKER, "debian:12", List.of()));
    assertThat(conversions.get(1).config().container()).isEqualTo(new ContainerConfig(ContainerConfig.Kind.MESOS, "nginx:1.25",
        List.of(new ContainerConfig.Volume("/data", "/srv/data", false))));
    assertThat(conversions.get(2).config().container().image()).isEqualTo("busybox");
  }

  @Test
  void announceAliasesPointAtTheirPort() {
    String source = "t = Task(processes=[Process(name='p', cmdline='serve {{thermos.ports[admin]}} {{thermos.ports[http]}}')], "
        + "resources=Resources(cpu=1, ram=64*MB, disk=64*MB))\n"
        + "jobs = [Service(cluster='c', role='r', environment='e', task=t, announce=Announcer(portmap={'admin': 'http'}))]\n";
    JobEvaluation evaluation = load(source, Map.of()).jobs().get(0).evaluate();
    assertThat(evaluation.ports()).containsExactly("http");
    JobConversion conversion = evaluation.convert();
    assertThat(conversion.config().task().processes().get(0).cmdline())
        .isEqualTo("serve {{thermos.ports[http]}} {{thermos.ports[http]}}");
    assertThat(conversion.warnings()).isEmpty();
    assertThat(conversion.config().announce()).isEqualTo(new AnnouncerConfig("http", Map.of("admin", "http"), null));
    assertThat(conversion.config().requestedPorts()).containsExactly("http");
  }

  @Test
  void theDefaultAnnouncerAnnouncesTheHttpPortUnderItsAuroraAlias() {
    String source = "t = Task(processes=[Process(name='p', cmdline='serve')], resources=Resources(cpu=1, ram=64*MB, disk=64*MB))\n"
        + "jobs = [Service(cluster='c', role='r', environment='e', task=t, announce=Announcer(zk_path='/s/web'))]\n";
    JobConversion conversion = load(source, Map.of()).jobs().get(0).evaluate().convert();
    assertThat(conversion.config().announce()).isEqualTo(new AnnouncerConfig("http", Map.of("aurora", "http"), "/s/web"));
    assertThat(conversion.config().requestedPorts()).containsExactly("http");
  }

  @Test
  void aProcessLoggerBecomesItsLoggerConfigWithPystachioDefaults() {
    String source = "t = Task(processes=[Process(name='p', cmdline='echo', "
        + "logger=Logger(mode='rotate', rotate=RotatePolicy(log_size=10*MB))), "
        + "Process(name='q', cmdline='echo', logger=Logger(destination='console')), Process(name='r', cmdline='echo')], "
        + "resources=Resources(cpu=1, ram=64*MB, disk=64*MB))\n"
        + "jobs = [Job(cluster='c', role='r', environment='e', task=t)]\n";
    JobConversion conversion = load(source, Map.of()).jobs().get(0).evaluate().convert();
    assertThat(conversion.warnings()).isEmpty();
    var processes = conversion.config().task().processes();
    assertThat(processes.get(0).logger()).isEqualTo(
        new LoggerConfig(LoggerConfig.Destination.FILE, LoggerConfig.Mode.ROTATE, 10L * 1024 * 1024, 5));
    assertThat(processes.get(1).logger()).isEqualTo(
        new LoggerConfig(LoggerConfig.Destination.CONSOLE, LoggerConfig.Mode.STANDARD, 100L * 1024 * 1024, 5));
    assertThat(processes.get(2).logger()).isNull();
  }

  @Test
  void executorTimeReferencesStayUnboundAndDeprecatedAliasesResolve() {
    String source = "t = Task(processes=[Process(name='p', cmdline='{{mesos.hostname}} {{thermos.task_id}} "
        + "{{mesos.role}}@{{mesos.cluster}} {{thermos.user}}')], resources=Resources(cpu=1, ram=64*MB, disk=64*MB))\n"
        + "jobs = [Job(cluster='c', role='r', environment='e', task=t)]\n";
    JobEvaluation evaluation = load(source, Map.of()).jobs().get(0).evaluate();
    assertThat(evaluation.unbound()).containsExactly("{{mesos.hostname}}", "{{thermos.task_id}}");
    assertThat(evaluation.convert().config().task().processes().get(0).cmdline())
        .isEqualTo("{{mesos.hostname}} {{thermos.task_id}} r@c r");
  }

  @Test
  void bindingsApplyToEveryJobAndTheLastWins() {
    AuroraConfig config = load(TASK + "jobs = [Job(cluster='c', role='r', environment='{{env}}', task=t)]\n",
        new java.util.LinkedHashMap<>(Map.of("env", "prod")));
    assertThat(config.listLine()).isEqualTo("jobs=[c/r/prod/p]");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
      jobs is not a list     | "jobs = 'x'"                                     | /cfg/job.aurora: jobs must be a list of Job objects, but it is a str
      a job is not a Job     | "jobs = [Process(name='p', cmdline='c')]"        | /cfg/job.aurora: jobs[0] is a Process, not a Job
      malformed reference    | "jobs = [Job(cluster='{{ c }}', role='r', environment='e', task=t)]" | /cfg/job.aurora: job cluster: InvalidRefError: Invalid ref: {{ c }}
      """)
  void loadErrorsSayWhere(String name, String line, String expected) {
    assertThatThrownBy(() -> load(TASK + line + "\n", Map.of()).listLine())
        .isInstanceOf(AuroraConfigError.class).hasMessageStartingWith(expected);
  }

  @Test
  void aSelfReferringConfigFailsInsteadOfHanging() {
    AuroraConfig config = load("t = Task(name='{{x}}', processes=[Process(name='p', cmdline='{{x}}')], "
        + "resources=Resources(cpu=1, ram=64*MB, disk=64*MB))\n"
        + "jobs = [Job(name='n', cluster='c', role='r', environment='e', task=t).bind(x='{{x}}{{x}}')]\n", Map.of());
    assertThatThrownBy(() -> config.jobs().get(0).evaluate()).isInstanceOf(AuroraConfigError.class)
        .hasMessageContaining("/cfg/job.aurora:2:9: job c/r/e/n: MesosJob[task] failed: Task[name] failed: Unable to interpolate")
        .hasMessageEndingWith("the result grew beyond 1048576 characters");
  }

  @Test
  void theSameConfigEvaluatesTheSameEachTime() {
    String source = TASK + "jobs = [Job(cluster='c', role='r', environment='e', task=t)]\n";
    assertThat(List.of(load(source, Map.of()).listLine(), load(source, Map.of()).listLine())).containsOnly("jobs=[c/r/e/p]");
  }
}
