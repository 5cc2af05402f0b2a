package io.borealis.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code borealis admin backup CLUSTER FILE}: a consistent snapshot of a running scheduler. */
@Command(name = "backup", mixinStandardHelpOptions = true,
    description = "Write a consistent snapshot of a running scheduler's state to FILE. The scheduler keeps serving.",
    footer = {"", "Example:", "  borealis admin backup devcluster /var/backups/borealis-$(date +%%F).snap"},
    exitCodeListHeading = ExitCodes.HEADING,
    exitCodeList = {"0:The snapshot was written.", "1:The backup failed; FILE is left untouched.", ExitCodes.USAGE})
final class AdminBackupCommand implements Callable<Integer> {
  @ParentCommand
  AdminCommand admin;

  @Parameters(index = "0", paramLabel = "CLUSTER", description = "The cluster whose scheduler to back up.")
  String cluster;

  @Parameters(index = "1", paramLabel = "FILE", description = "Where to write the snapshot; replaced only once the whole snapshot is on disk.")
  Path file;

  @Override
  public Integer call() {
    SchedulerApi.BackupWritten written = admin.root.api(cluster).backup(file);
    var out = admin.spec.commandLine().getOut();
    out.println("Backed up " + written.jobs() + " jobs and " + written.tasks() + " tasks (" + written.bytes() + " bytes) to " + file);
    out.println("Restore it with the scheduler stopped: borealis admin restore " + file + " --data-dir DIR");
    out.flush();
    return 0;
  }
}
