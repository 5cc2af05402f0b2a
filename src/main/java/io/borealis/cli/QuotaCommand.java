package io.borealis.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code borealis quota get}: a role's production quota. The scheduler has no quotas yet, so it says so. */
@Command(name = "quota", mixinStandardHelpOptions = true, description = "Show a role's resource quota.",
    subcommands = QuotaCommand.Get.class)
final class QuotaCommand implements Runnable {
  @ParentCommand
  BorealisCommand root;

  @Spec
  CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** {@code quota get CLUSTER/ROLE}. */
  @Command(name = "get", mixinStandardHelpOptions = true,
      description = "Print a role's quota and how much of it production jobs use. Not available yet.",
      footer = {"", "Example:", "  borealis quota get devcluster/www-data"},
      exitCodeListHeading = ExitCodes.HEADING, exitCodeList = {ExitCodes.UNAVAILABLE, ExitCodes.USAGE})
  static final class Get implements Callable<Integer> {
    @ParentCommand
    QuotaCommand quota;

    @Parameters(index = "0", paramLabel = "CLUSTER/ROLE")
    String scope;

    @Option(names = "--write-json", description = "Print JSON for machines.")
    boolean json;

    @Override
    public Integer call() {
      String[] parts = scope.split("/", -1);
      if (parts.length != 2 || parts[0].isEmpty() || parts[1].isEmpty()) {
        throw new CliException("'" + scope + "' is not cluster/role");
      }
      throw Unavailable.on(quota.root, parts[0], "quotas", "quota support");
    }
  }
}
