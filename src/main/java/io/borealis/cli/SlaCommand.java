package io.borealis.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code borealis sla get-task-up-count|get-job-uptime}: Aurora's job SLA numbers, computed here from
 * the job's active tasks and their event history (the scheduler keeps no SLA statistics of its own).
 * Output lines are Aurora's: {@code 1 mins\t- 100.00 %} and {@code 99.0 percentile\t- 42 seconds}.
 */
@Command(name = "sla", mixinStandardHelpOptions = true, description = "Show how long a job's instances have been up.",
    subcommands = {SlaCommand.TaskUpCount.class, SlaCommand.JobUptime.class})
final class SlaCommand implements Runnable {
  static final String DEFAULT_DURATIONS = "1m,10m,1h,12h,7d";
  static final String DEFAULT_PERCENTILES = "99,95,90,85,75,60,50,30,10";

  @ParentCommand
  BorealisCommand root;

  @Spec
  CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  SlaVector vector(String key) {
    JobSpec spec = JobSpec.parse(key);
    if (spec.instances() != null) {
      throw new CliException("sla commands take a job key without instances: " + spec.key());
    }
    JsonNode job = root.api(spec.key().cluster()).job(spec.key());
    return SlaVector.of(job.path("active_tasks"), Instant.now());
  }

  void print(String text) {
    PrintWriter out = spec.commandLine().getOut();
    out.print(text);
    out.flush();
  }

  /** {@code sla get-task-up-count CLUSTER/ROLE/ENV/NAME}. */
  @Command(name = "get-task-up-count", mixinStandardHelpOptions = true,
      description = "Print the percentage of a job's instances that have been up for at least each duration.",
      footer = {"", "Example:", "  borealis sla get-task-up-count --durations 30s,5m \\", "      devcluster/www-data/prod/hello",
          "  30 secs\t- 100.00 %%", "  5 mins\t- 66.67 %%"},
      exitCodeListHeading = ExitCodes.HEADING, exitCodeList = {ExitCodes.OK, ExitCodes.FAILED, ExitCodes.USAGE})
  static final class TaskUpCount implements Callable<Integer> {
    @ParentCommand
    SlaCommand sla;

    @Parameters(index = "0", paramLabel = "CLUSTER/ROLE/ENV/NAME")
    String key;

    @Option(names = "--durations", defaultValue = DEFAULT_DURATIONS, paramLabel = "XdYhZmWs,...",
        description = "Durations to report, each XdYhZmWs with every field optional (default ${DEFAULT-VALUE}).")
    String durations;

    @Override
    public Integer call() {
      List<Duration> parsed = TimeValues.parseList(durations);
      SlaVector vector = sla.vector(key);
      StringBuilder text = new StringBuilder();
      for (Duration duration : parsed) {
        text.append(TimeValues.display(duration)).append("\t- ")
            .append(String.format(Locale.ROOT, "%.2f %%", vector.taskUpCount(duration))).append('\n');
      }
      sla.print(text.toString());
      return 0;
    }
  }

  /** {@code sla get-job-uptime CLUSTER/ROLE/ENV/NAME}. */
  @Command(name = "get-job-uptime", mixinStandardHelpOptions = true,
      description = "Print the uptime each percentile of a job's instances has reached, highest percentile first.",
      footer = {"", "Example:", "  borealis sla get-job-uptime --percentiles 50,95.5 \\", "      devcluster/www-data/prod/hello",
          "  95.5 percentile\t- 12 seconds", "  50.0 percentile\t- 310 seconds"},
      exitCodeListHeading = ExitCodes.HEADING, exitCodeList = {ExitCodes.OK, ExitCodes.FAILED, ExitCodes.USAGE})
  static final class JobUptime implements Callable<Integer> {
    @ParentCommand
    SlaCommand sla;

    @Parameters(index = "0", paramLabel = "CLUSTER/ROLE/ENV/NAME")
    String key;

    @Option(names = "--percentiles", defaultValue = DEFAULT_PERCENTILES, paramLabel = "P,...",
        description = "Percentiles within (0, 100) to report (default ${DEFAULT-VALUE}).")
    String percentiles;

    @Override
    public Integer call() {
      List<Double> parsed = parsePercentiles(percentiles);
      SlaVector vector = sla.vector(key);
      StringBuilder text = new StringBuilder();
      for (double percentile : parsed) {
        text.append(pythonFloat(percentile)).append(" percentile\t- ").append(vector.jobUptime(percentile)).append(" seconds\n");
      }
      sla.print(text.toString());
      return 0;
    }

    /** Highest first, as Aurora sorts them. */
    static List<Double> parsePercentiles(String text) {
      List<Double> values = new ArrayList<>();
      for (String part : text.split(",")) {
        try {
          double value = Double.parseDouble(part.trim());
          if (value <= 0 || value >= 100) {
            throw new NumberFormatException();
          }
          values.add(value);
        } catch (NumberFormatException e) {
          throw new CliException("Invalid percentile '" + part.trim() + "': give numbers within (0, 100), like 50,75,95.5");
        }
      }
      values.sort((a, b) -> Double.compare(b, a));
      return values;
    }

    /** As Python prints a float: {@code 99.0}, {@code 95.5}. */
    static String pythonFloat(double value) {
      return value == Math.rint(value) ? String.format(Locale.ROOT, "%.1f", value) : Double.toString(value);
    }
  }
}
