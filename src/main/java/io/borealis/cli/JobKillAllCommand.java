package io.borealis.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code borealis job killall CLUSTER/ROLE/ENV/NAME}: Aurora's verb for killing every instance. */
@Command(name = "killall", mixinStandardHelpOptions = true, description = "Kill every instance of a job and wait until they are dead.",
    footer = {"", "Example:", "  borealis job killall devcluster/www-data/prod/hello"},
    exitCodeListHeading = ExitCodes.HEADING,
    exitCodeList = {"0:The tasks are dead (or were not running).", "1:No such job, the scheduler failed, or the wait timed out.",
        ExitCodes.USAGE})
final class JobKillAllCommand implements Callable<Integer> {
  @ParentCommand
  JobCommand job;

  @Parameters(index = "0", paramLabel = "CLUSTER/ROLE/ENV/NAME")
  String key;

  @Mixin
  KillWaitOptions waiting;

  @Override
  public Integer call() {
    JobSpec spec = JobSpec.parse(key);
    if (spec.instances() != null) {
      throw new CliException("killall kills every instance; to kill some, use: borealis job kill " + key);
    }
    return JobKillCommand.kill(job, spec, waiting);
  }
}
