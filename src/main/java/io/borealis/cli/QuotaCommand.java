package io.borealis.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code borealis quota get}: a role's production quota and what its production jobs use of it. */
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
      description = "Print a role's production quota and how much of it its production jobs use.",
      footer = {"", "Example:", "  borealis quota get devcluster/www-data"},
      exitCodeListHeading = ExitCodes.HEADING, exitCodeList = {ExitCodes.OK, ExitCodes.FAILED, ExitCodes.USAGE})
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
      JsonNode view = quota.root.api(parts[0]).quota(parts[1]);
      var out = quota.spec.commandLine().getOut();
      if (json) {
        out.println(view.toPrettyString());
      } else {
        out.println("Allocated:");
        print(out, view.path("quota"));
        out.println("Production resources consumed:");
        print(out, view.path("production_use"));
      }
      out.flush();
      return 0;
    }

    private static void print(java.io.PrintWriter out, JsonNode resources) {
      out.println("  CPU: " + resources.path("cpu").asDouble());
      out.println("  RAM: " + ByteSizes.describe(resources.path("ram").asLong()));
      out.println("  Disk: " + ByteSizes.describe(resources.path("disk").asLong()));
    }
  }
}
