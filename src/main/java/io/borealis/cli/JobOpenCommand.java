package io.borealis.cli;

import java.awt.Desktop;
import java.awt.GraphicsEnvironment;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code borealis job open CLUSTER/ROLE/ENV/NAME}: the job's dashboard page. Always printed, so it
 * works over ssh and in scripts; opened in a browser too when this is a desktop session.
 */
@Command(name = "open", mixinStandardHelpOptions = true,
    description = "Print the URL of a job's page in the web UI and open it in a browser when there is a desktop.",
    footer = {"", "Example:", "  borealis job open devcluster/www-data/prod/hello",
        "  http://127.0.0.1:8081/scheduler/www-data/prod/hello"},
    exitCodeListHeading = ExitCodes.HEADING, exitCodeList = {ExitCodes.OK, "1:Unknown cluster.", ExitCodes.USAGE})
final class JobOpenCommand implements Callable<Integer> {
  @ParentCommand
  JobCommand job;

  @Parameters(index = "0", paramLabel = "CLUSTER/ROLE/ENV/NAME")
  String key;

  @Override
  public Integer call() {
    JobSpec spec = JobSpec.parse(key);
    String url = job.root.api(spec.key().cluster()).dashboardUrl(spec.key());
    var out = job.spec.commandLine().getOut();
    out.println(url);
    out.flush();
    if (hasDesktop(job.root.environment())) {
      try {
        Desktop.getDesktop().browse(URI.create(url));
      } catch (Exception e) { // a browser that will not start is no reason to fail: the URL is printed
        job.spec.commandLine().getErr().println("Could not open a browser: " + e.getMessage());
      }
    }
    return 0;
  }

  /**
   * On Linux and other X11/Wayland systems, a display in the command's environment first: without
   * one there is no desktop, and tests (whose environment has none) must never start a browser.
   */
  private static boolean hasDesktop(Map<String, String> environment) {
    String os = System.getProperty("os.name", "");
    boolean needsDisplay = !os.startsWith("Mac") && !os.startsWith("Windows");
    if (needsDisplay && !environment.containsKey("DISPLAY") && !environment.containsKey("WAYLAND_DISPLAY")) {
      return false;
    }
    return !GraphicsEnvironment.isHeadless() && Desktop.isDesktopSupported()
        && Desktop.getDesktop().isSupported(Desktop.Action.BROWSE);
  }
}
