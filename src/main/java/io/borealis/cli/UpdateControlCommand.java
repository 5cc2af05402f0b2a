package io.borealis.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code borealis update pause|resume|abort|rollback|pulse CLUSTER/ROLE/ENV/NAME}: a command to the job's active update. */
abstract class UpdateControlCommand implements Callable<Integer> {
  @ParentCommand
  UpdateCommand update;

  @Parameters(index = "0", paramLabel = "CLUSTER/ROLE/ENV/NAME", description = "The job whose active update to control.")
  String key;

  abstract String command();

  @Override
  public Integer call() {
    JobSpec spec = JobSpec.parse(key);
    SchedulerApi api = update.root.api(spec.key().cluster());
    JsonNode active = UpdateCommand.activeUpdateOf(api, spec.key());
    JsonNode after = api.commandUpdate(active.path("update_id").asText(), command());
    var out = update.spec.commandLine().getOut();
    out.println("Update " + after.path("update_id").asText() + " of " + spec.key() + " is now " + after.path("status").asText());
    out.flush();
    return 0;
  }

  @Command(name = "pause", mixinStandardHelpOptions = true, description = "Pause the job's active update; instances in flight stay as they are.",
      footer = {"", "Example:", "  borealis update pause devcluster/www-data/prod/hello"},
      exitCodeListHeading = ExitCodes.HEADING, exitCodeList = {ExitCodes.OK, ExitCodes.FAILED, ExitCodes.USAGE})
  static final class Pause extends UpdateControlCommand {
    @Override
    String command() {
      return "pause";
    }
  }

  @Command(name = "resume", mixinStandardHelpOptions = true, description = "Resume the job's paused update.",
      footer = {"", "Example:", "  borealis update resume devcluster/www-data/prod/hello"},
      exitCodeListHeading = ExitCodes.HEADING, exitCodeList = {ExitCodes.OK, ExitCodes.FAILED, ExitCodes.USAGE})
  static final class Resume extends UpdateControlCommand {
    @Override
    String command() {
      return "resume";
    }
  }

  @Command(name = "abort", mixinStandardHelpOptions = true, description = "Stop the job's active update for good, leaving instances as they are.",
      footer = {"", "Example:", "  borealis update abort devcluster/www-data/prod/hello"},
      exitCodeListHeading = ExitCodes.HEADING, exitCodeList = {ExitCodes.OK, ExitCodes.FAILED, ExitCodes.USAGE})
  static final class Abort extends UpdateControlCommand {
    @Override
    String command() {
      return "abort";
    }
  }

  @Command(name = "rollback", mixinStandardHelpOptions = true,
      description = "Roll the job's active update back: every instance it touched returns to its old config, last first.",
      footer = {"", "Example:", "  borealis update rollback devcluster/www-data/prod/hello"},
      exitCodeListHeading = ExitCodes.HEADING, exitCodeList = {ExitCodes.OK, ExitCodes.FAILED, ExitCodes.USAGE})
  static final class Rollback extends UpdateControlCommand {
    @Override
    String command() {
      return "rollback";
    }
  }

  @Command(name = "pulse", mixinStandardHelpOptions = true,
      description = "Let a coordinated update (pulse_interval_secs) continue for another interval.",
      footer = {"", "Example:", "  borealis update pulse devcluster/www-data/prod/hello"},
      exitCodeListHeading = ExitCodes.HEADING, exitCodeList = {ExitCodes.OK, ExitCodes.FAILED, ExitCodes.USAGE})
  static final class Pulse extends UpdateControlCommand {
    @Override
    String command() {
      return "pulse";
    }
  }
}
