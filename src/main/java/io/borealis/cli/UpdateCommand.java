package io.borealis.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.borealis.model.JobKey;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code borealis update ...}: rolling updates, run by the scheduler, as Aurora's client drives them. */
@Command(name = "update", mixinStandardHelpOptions = true,
    description = "Start, watch and control rolling updates (the scheduler runs them; the client may go away).",
    subcommands = {UpdateStartCommand.class, UpdateControlCommand.Pause.class, UpdateControlCommand.Resume.class,
        UpdateControlCommand.Abort.class, UpdateControlCommand.Rollback.class, UpdateControlCommand.Pulse.class,
        UpdateWaitCommand.class, UpdateListCommand.class, UpdateInfoCommand.class})
final class UpdateCommand implements Runnable {
  @ParentCommand
  BorealisCommand root;

  @Spec
  CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** The job's active update, or a clear error when it has none. */
  static JsonNode activeUpdateOf(SchedulerApi api, JobKey key) {
    for (JsonNode update : api.updates(key.role(), key.environment(), key.name(), "active").path("updates")) {
      if (update.path("key").asText().equals(key.toString())) {
        return update;
      }
    }
    throw new CliException("job " + key + " has no active update");
  }

  /** The status names an update ends in; all but ROLLED_FORWARD make {@code --wait} exit 1. */
  static boolean isFinal(String status) {
    return switch (status) {
      case "ROLLED_FORWARD", "ROLLED_BACK", "ABORTED", "ERROR", "FAILED" -> true;
      default -> false;
    };
  }
}
