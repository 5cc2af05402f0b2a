package io.borealis.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code borealis admin host drain|activate|status CLUSTER HOST...}: Aurora's {@code aurora_admin
 * host_drain}, {@code host_activate} and {@code host_status}.
 */
@Command(name = "host", mixinStandardHelpOptions = true, description = "Host maintenance: drain hosts, take them back, see their state.",
    subcommands = {AdminHostCommand.Drain.class, AdminHostCommand.Activate.class, AdminHostCommand.Status.class})
final class AdminHostCommand implements Runnable {
  @ParentCommand
  AdminCommand admin;

  @Spec
  CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** What drain and activate share: a cluster, hosts, and the API's answer printed per host. */
  abstract static class ChangeHosts implements Callable<Integer> {
    @ParentCommand
    AdminHostCommand host;

    @Parameters(index = "0", paramLabel = "CLUSTER")
    String cluster;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "HOST")
    List<String> hosts = new ArrayList<>();

    /** The API's verb: {@code /api/v1/admin/hosts/<verb>}. */
    abstract String verb();

    @Override
    public Integer call() {
      host.print(host.admin.root.api(cluster).changeHosts(verb(), hosts));
      return 0;
    }
  }

  @Command(name = "drain", mixinStandardHelpOptions = true,
      description = "Drain hosts: they take no new tasks, their tasks are killed and rescheduled elsewhere, and each is DRAINED "
          + "once empty.",
      footer = {"", "Example:", "  borealis admin host drain devcluster agent-7.example.com"},
      exitCodeListHeading = ExitCodes.HEADING, exitCodeList = {ExitCodes.OK, ExitCodes.FAILED, ExitCodes.USAGE})
  static final class Drain extends ChangeHosts {
    @Override
    String verb() {
      return "drain";
    }
  }

  @Command(name = "activate", mixinStandardHelpOptions = true, description = "Take hosts out of maintenance: they take tasks again.",
      footer = {"", "Example:", "  borealis admin host activate devcluster agent-7.example.com"},
      exitCodeListHeading = ExitCodes.HEADING, exitCodeList = {ExitCodes.OK, ExitCodes.FAILED, ExitCodes.USAGE})
  static final class Activate extends ChangeHosts {
    @Override
    String verb() {
      return "activate";
    }
  }

  @Command(name = "status", mixinStandardHelpOptions = true,
      description = "Show hosts' maintenance mode and active tasks; without HOST, every host in maintenance.",
      footer = {"", "Example:", "  borealis admin host status devcluster"},
      exitCodeListHeading = ExitCodes.HEADING, exitCodeList = {ExitCodes.OK, ExitCodes.FAILED, ExitCodes.USAGE})
  static final class Status implements Callable<Integer> {
    @ParentCommand
    AdminHostCommand host;

    @Parameters(index = "0", paramLabel = "CLUSTER")
    String cluster;

    @Parameters(index = "1..*", arity = "0..*", paramLabel = "HOST")
    List<String> hosts = new ArrayList<>();

    @Option(names = "--json", description = "Print the API's JSON.")
    boolean json;

    @Override
    public Integer call() {
      JsonNode statuses = host.admin.root.api(cluster).hostStatus(hosts);
      if (json) {
        PrintWriter out = host.admin.spec.commandLine().getOut();
        out.println(statuses.toPrettyString());
        out.flush();
      } else {
        host.print(statuses);
      }
      return 0;
    }
  }

  private void print(JsonNode statuses) {
    PrintWriter out = admin.spec.commandLine().getOut();
    if (statuses.path("hosts").isEmpty()) {
      out.println("No host is in maintenance.");
    }
    for (JsonNode status : statuses.path("hosts")) {
      out.printf("%-40s %-9s %d active task(s)%n", status.path("host").asText(), status.path("mode").asText(),
          status.path("active_tasks").asInt());
    }
    out.flush();
  }
}
