package io.borealis.cli;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code borealis completion}: a bash completion script for every noun, verb and option, from picocli's model. */
@Command(name = "completion", mixinStandardHelpOptions = true,
    description = "Print a bash completion script for borealis (also works in zsh after 'autoload -U bashcompinit; bashcompinit').",
    footer = {"", "Example:", "  source <(borealis completion)",
        "  borealis completion > /etc/bash_completion.d/borealis"},
    exitCodeListHeading = ExitCodes.HEADING, exitCodeList = {ExitCodes.OK, ExitCodes.USAGE})
final class CompletionCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    var out = spec.commandLine().getOut();
    out.print(AutoComplete.bash("borealis", spec.root().commandLine()));
    out.flush();
    return 0;
  }
}
