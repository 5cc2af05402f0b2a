package io.borealis.cli;

import java.time.Duration;
import picocli.CommandLine.Option;

/** How long {@code job kill} and {@code job killall} wait for the tasks to die. */
final class KillWaitOptions {
  @Option(names = "--no-wait", description = "Return as soon as the kill is accepted.")
  boolean noWait;

  @Option(names = "--wait-timeout", defaultValue = "PT2M", description = "How long to wait for the tasks to die (ISO-8601).")
  Duration waitTimeout;
}
