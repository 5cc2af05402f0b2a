package io.borealis.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code borealis admin set-quota CLUSTER ROLE CPU RAM DISK}, as Aurora's {@code aurora_admin set_quota}. */
@Command(name = "set-quota", mixinStandardHelpOptions = true,
    description = "Set a role's production quota: its production jobs together may use at most this much.",
    footer = {"", "Example:", "  borealis admin set-quota devcluster www-data 10 16GB 100GB"},
    exitCodeListHeading = ExitCodes.HEADING, exitCodeList = {ExitCodes.OK, ExitCodes.FAILED, ExitCodes.USAGE})
final class AdminSetQuotaCommand implements Callable<Integer> {
  @ParentCommand
  AdminCommand admin;

  @Parameters(index = "0", paramLabel = "CLUSTER")
  String cluster;

  @Parameters(index = "1", paramLabel = "ROLE")
  String role;

  @Parameters(index = "2", paramLabel = "CPU", description = "Cores, e.g. 10 or 2.5.")
  double cpu;

  @Parameters(index = "3", paramLabel = "RAM", description = "e.g. 16GB, 512MB, or bytes.")
  String ram;

  @Parameters(index = "4", paramLabel = "DISK", description = "e.g. 100GB, or bytes.")
  String disk;

  @Override
  public Integer call() {
    if (cpu < 0) {
      throw new CliException("CPU cannot be negative: " + cpu);
    }
    JsonNode view = admin.root.api(cluster).setQuota(role, cpu, ByteSizes.parse(ram, "RAM"), ByteSizes.parse(disk, "DISK"));
    var out = admin.spec.commandLine().getOut();
    JsonNode quota = view.path("quota");
    out.println("Quota of role " + role + " set to cpu " + quota.path("cpu").asDouble() + ", ram "
        + ByteSizes.describe(quota.path("ram").asLong()) + ", disk " + ByteSizes.describe(quota.path("disk").asLong()));
    out.flush();
    return 0;
  }
}
