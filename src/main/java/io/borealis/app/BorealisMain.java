package io.borealis.app;

import io.borealis.cli.BorealisCommand;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.logging.LogManager;
import picocli.CommandLine;

/** {@code borealis}: the CLI's nouns plus {@code local} and {@code scheduler}, which run servers. */
public final class BorealisMain {
  private BorealisMain() {}

  /** One line per log record, unless the user pointed java.util.logging at a file of their own. */
  private static void configureLogging() {
    if (System.getProperty("java.util.logging.config.file") != null) {
      return;
    }
    try (InputStream config = BorealisMain.class.getResourceAsStream("/logging.properties")) {
      if (config != null) {
        LogManager.getLogManager().readConfiguration(config);
      }
    } catch (IOException e) {
      System.err.println("Cannot read logging configuration: " + e.getMessage());
    }
  }

  /** The whole command tree: the CLI's nouns, the servers, and the admin verbs that hash secrets. */
  static CommandLine commandLine(Map<String, String> environment, PrintWriter out, PrintWriter err) {
    CommandLine commandLine = new CommandLine(new BorealisCommand(environment))
        .addSubcommand(new LocalCommand())
        .addSubcommand(new SchedulerCommand());
    commandLine.getSubcommands().get("admin")
        .addSubcommand(new AdminSecretCommands.HashPassword())
        .addSubcommand(new AdminSecretCommands.NewToken());
    return BorealisCommand.configure(commandLine, out, err);
  }

  public static void main(String[] args) {
    configureLogging();
    PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
    PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
    int exit = commandLine(System.getenv(), out, err).execute(args);
    if (exit != 0 || !LocalCommand.RUNNING.get()) {
      System.exit(exit);
    }
  }
}
