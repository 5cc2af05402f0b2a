package io.borealis.cli;

import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code borealis job killall CLUSTER/ROLE/ENV/NAME}: Aurora's verb for killing every instance. */
@Command(name = "killall", mixinStandardHelpOptions = true, description = "Kill every instance of a job.")
final class JobKillAllCommand implements Callable<Integer> {
  @ParentCommand
  JobCommand job;

  @Parameters(index = "0", paramLabel = "CLUSTER/ROLE/ENV/NAME")
  String key;

  @Option(names = "--no-wait", description = "Return as soon as the kill is accepted.")
  boolean noWait;

  @Option(names = "--wait-timeout", defaultValue = "PT2M", description = "How long to wait for the tasks to die (ISO-8601).")
  Duration waitTimeout;

  @Override
  public Integer call() {
    JobSpec spec = JobSpec.parse(key);
    if (spec.instances() != null) {
      throw new CliException("killall kills every instance; to kill some, use: borealis job kill " + key);
    }
    return JobKillCommand.kill(job, spec, noWait, waitTimeout);
  }
}
