package io.borealis.cli;

import io.borealis.config.aurora.AuroraConfigError;
import io.borealis.config.aurora.Binds;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/** {@code --bind NAME=VALUE} (repeatable) and {@code --read-json}, shared by every command that reads a job file. */
final class BindOptions {
  @Option(names = "--bind", paramLabel = "NAME=VALUE",
      description = "Bind a template variable {{NAME}} to VALUE (repeatable; the last value of a name wins).")
  List<String> binds = new ArrayList<>();

  @Option(names = "--read-json", description = "Read the file as JSON (Aurora's --read-json format) whatever its name.")
  boolean readJson;

  Map<String, String> parsed() {
    try {
      return Binds.parse(binds);
    } catch (AuroraConfigError e) {
      throw new CliException(e.getMessage());
    }
  }
}
