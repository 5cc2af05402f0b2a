package io.borealis.cli;

import io.borealis.storage.Storage;
import io.borealis.storage.StorageException;
import io.borealis.storage.StoredState;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code borealis admin restore FILE --data-dir DIR}: puts a backup in place of a stopped scheduler's
 * state. Works on the directory directly, so the scheduler must not be running (its lock says so).
 */
@Command(name = "restore", mixinStandardHelpOptions = true,
    description = "Restore a backup into a scheduler's data directory. The scheduler must be stopped.",
    footer = {"", "Example:", "  borealis admin restore /var/backups/borealis-2026-11-29.snap \\", "      --data-dir /var/lib/borealis --force"},
    exitCodeListHeading = ExitCodes.HEADING,
    exitCodeList = {"0:Restored.", "1:Refused or failed; the directory is left as it was.", ExitCodes.USAGE})
final class AdminRestoreCommand implements Callable<Integer> {
  @ParentCommand
  AdminCommand admin;

  @Parameters(index = "0", paramLabel = "FILE", description = "A snapshot written by 'borealis admin backup'.")
  Path backup;

  @Option(names = "--data-dir", required = true, paramLabel = "DIR", description = "The scheduler's data directory.")
  Path dataDir;

  @Option(names = "--force", description = "Replace the state DIR already holds (it is lost).")
  boolean force;

  @Override
  public Integer call() {
    StoredState restored;
    try {
      restored = Storage.restore(dataDir, backup, force);
    } catch (StorageException e) {
      throw new CliException(e.getMessage());
    }
    var out = admin.spec.commandLine().getOut();
    out.println("Restored " + restored.jobs().size() + " jobs and " + restored.tasks().size() + " tasks into " + dataDir
        + (restored.frameworkId() == null ? "" : " (framework " + restored.frameworkId() + ")"));
    out.println("Start the scheduler with --data-dir " + dataDir + "; it reconciles every task with Mesos as it starts.");
    out.flush();
    return 0;
  }
}
