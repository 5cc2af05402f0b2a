package io.borealis.cli;

import java.io.PrintWriter;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code borealis}: the root command; its nouns are subcommands. */
@Command(name = "borealis", mixinStandardHelpOptions = true, version = "borealis 0.1.0",
    description = "Run and manage jobs on a Borealis (Apache Aurora compatible) cluster.",
    subcommands = {JobCommand.class, UpdateCommand.class, TaskCommand.class, CronCommand.class, QuotaCommand.class, SlaCommand.class,
        ConfigCommand.class, AdminCommand.class, CompletionCommand.class},
    footer = {"", "Example:", "  borealis job create devcluster/www-data/prod/hello hello.aurora",
        "", "Bash completion: source <(borealis completion)"},
    exitCodeListHeading = ExitCodes.HEADING,
    exitCodeList = {"0:Success.", "1:The command failed: a job file that does not load or validate, a job that is not in "
        + "the file, or a scheduler error. The message says which.", "2:Invalid command line (unknown option, missing "
        + "argument)."})
public final class BorealisCommand implements Runnable {
  private final Map<String, String> environment;

  @Spec
  CommandSpec spec;

  public BorealisCommand(Map<String, String> environment) {
    this.environment = Map.copyOf(environment);
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** The environment variables config files may read ({@code getpass.getuser()}, {@code os.getenv}). */
  Map<String, String> environment() {
    return environment;
  }

  Clusters clusters() {
    return Clusters.load(environment);
  }

  SchedulerApi api(String cluster) {
    Clusters clusters = clusters();
    return new SchedulerApi(cluster, clusters.schedulerUri(cluster), clusters.credentials(cluster));
  }

  /**
   * A command line for {@code root} whose failures ({@link CliException}) print as plain messages with
   * exit code 1, never stack traces.
   */
  public static CommandLine commandLine(Object root, PrintWriter out, PrintWriter err) {
    return configure(new CommandLine(root), out, err);
  }

  /**
   * Sets output and error handling on {@code commandLine} and every subcommand it has now; picocli
   * does not pass them on to subcommands added later, so add those first.
   */
  public static CommandLine configure(CommandLine commandLine, PrintWriter out, PrintWriter err) {
    commandLine.setOut(out);
    commandLine.setErr(err);
    commandLine.setExecutionExceptionHandler((exception, cmd, parsed) -> {
      if (exception instanceof CliException cli) {
        cmd.getErr().println("Error: " + cli.getMessage());
        cli.details().forEach(detail -> cmd.getErr().println("  " + detail));
        cmd.getErr().flush();
        return 1;
      }
      throw exception;
    });
    return commandLine;
  }
}
