package io.borealis.model;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Aurora's {@code Task}: processes sharing one sandbox and one resource budget. {@code order} holds
 * the ordering constraints ({@code order(a, b)}: b starts after a succeeded).
 */
public record TaskConfig(
    String name,
    List<ProcessConfig> processes,
    List<List<String>> order,
    Resources resources,
    int maxFailures,
    int maxConcurrency,
    int finalizationWaitSecs) {

  public static final int DEFAULT_MAX_FAILURES = 1;
  public static final int DEFAULT_FINALIZATION_WAIT_SECS = 30;

  private static final Pattern PORT_REF = Pattern.compile("\\{\\{\\s*thermos\\.ports\\[([^\\]]+)]\\s*}}");

  public TaskConfig {
    processes = List.copyOf(processes);
    order = order.stream().map(List::copyOf).toList();
  }

  /**
   * The port names this task asks for, as Aurora derives them: every {@code {{thermos.ports[name]}}}
   * referenced by a process command line becomes a port the scheduler must assign.
   */
  public Set<String> requestedPorts() {
    Set<String> names = new TreeSet<>();
    for (ProcessConfig process : processes) {
      Matcher matcher = PORT_REF.matcher(process.cmdline());
      while (matcher.find()) {
        names.add(matcher.group(1).trim());
      }
    }
    return names;
  }
}
