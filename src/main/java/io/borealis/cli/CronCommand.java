package io.borealis.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code borealis cron schedule|deschedule|start|show}: Aurora's cron jobs. The Borealis scheduler
 * has no cron support yet, so each verb parses its arguments and then says so.
 */
@Command(name = "cron", mixinStandardHelpOptions = true, description = "Schedule, start and show cron jobs.",
    subcommands = {CronCommand.Schedule.class, CronCommand.Deschedule.class, CronCommand.Start.class, CronCommand.Show.class})
final class CronCommand implements Runnable {
  @ParentCommand
  BorealisCommand root;

  @Spec
  CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  CliException unavailable(String key) {
    JobSpec spec = JobSpec.parse(key);
    if (spec.instances() != null) {
      throw new CliException("cron commands take a job key without instances: " + spec.key());
    }
    return Unavailable.on(root, spec.key().cluster(), "cron jobs", "cron support");
  }

  /** What every cron verb has: its parent, the job key, and (for now) the answer that cron is not available. */
  abstract static class OnJob implements Callable<Integer> {
    @ParentCommand
    CronCommand cron;

    @Parameters(index = "0", paramLabel = "CLUSTER/ROLE/ENV/NAME")
    String key;

    @Override
    public Integer call() {
      throw cron.unavailable(key);
    }
  }

  /** The verbs that can open the job's page afterwards, as Aurora's do. */
  abstract static class OnJobWithPage extends OnJob {
    @Option(names = "--open-browser", description = "Open the job's page in a browser afterwards.")
    boolean openBrowser;
  }

  /** {@code cron schedule CLUSTER/ROLE/ENV/NAME FILE}. */
  @Command(name = "schedule", mixinStandardHelpOptions = true,
      description = "Create or replace a cron job from a job file that has a cron_schedule. Not available yet.",
      footer = {"", "Example:", "  borealis cron schedule devcluster/www-data/prod/nightly nightly.aurora"},
      exitCodeListHeading = ExitCodes.HEADING, exitCodeList = {ExitCodes.UNAVAILABLE, ExitCodes.USAGE})
  static final class Schedule extends OnJobWithPage {
    @Parameters(index = "1", paramLabel = "FILE", description = "A .aurora config or JSON job file.")
    Path file;

    @Mixin
    BindOptions bind;
  }

  /** {@code cron deschedule CLUSTER/ROLE/ENV/NAME}. */
  @Command(name = "deschedule", mixinStandardHelpOptions = true,
      description = "Remove a cron job's schedule (runs already started keep running). Not available yet.",
      footer = {"", "Example:", "  borealis cron deschedule devcluster/www-data/prod/nightly"},
      exitCodeListHeading = ExitCodes.HEADING, exitCodeList = {ExitCodes.UNAVAILABLE, ExitCodes.USAGE})
  static final class Deschedule extends OnJobWithPage {
  }

  /** {@code cron start CLUSTER/ROLE/ENV/NAME}. */
  @Command(name = "start", mixinStandardHelpOptions = true,
      description = "Run a cron job now, outside its schedule. Not available yet.",
      footer = {"", "Example:", "  borealis cron start devcluster/www-data/prod/nightly"},
      exitCodeListHeading = ExitCodes.HEADING, exitCodeList = {ExitCodes.UNAVAILABLE, ExitCodes.USAGE})
  static final class Start extends OnJobWithPage {
  }

  /** {@code cron show CLUSTER/ROLE/ENV/NAME}. */
  @Command(name = "show", mixinStandardHelpOptions = true,
      description = "Show a cron job's schedule and collision policy. Not available yet.",
      footer = {"", "Example:", "  borealis cron show devcluster/www-data/prod/nightly"},
      exitCodeListHeading = ExitCodes.HEADING, exitCodeList = {ExitCodes.UNAVAILABLE, ExitCodes.USAGE})
  static final class Show extends OnJob {
  }
}
