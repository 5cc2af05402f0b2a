package io.borealis.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code borealis task run|ssh}: Aurora's commands that reach into running tasks' hosts. Borealis
 * has no way to run commands on agents yet, so both parse their arguments and then say so.
 */
@Command(name = "task", mixinStandardHelpOptions = true, description = "Run commands in, or open a shell on, a job's tasks.",
    subcommands = {TaskCommand.Run.class, TaskCommand.Ssh.class})
final class TaskCommand implements Runnable {
  private static final String WHAT = "remote commands";
  private static final String MISSING = "way to run commands on agents";

  @ParentCommand
  BorealisCommand root;

  @Spec
  CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** {@code task run CLUSTER/ROLE/ENV/NAME[/INSTANCES] CMD...}. */
  @Command(name = "run", mixinStandardHelpOptions = true,
      description = "Run a shell command on the hosts (or in the sandboxes) of a job's tasks. Not available yet.",
      footer = {"", "Example:", "  borealis task run -e devcluster/www-data/prod/hello/0-2 \\", "      'cat .logs/hello/0/stdout'"},
      exitCodeListHeading = ExitCodes.HEADING, exitCodeList = {ExitCodes.UNAVAILABLE, ExitCodes.USAGE})
  static final class Run implements Callable<Integer> {
    @ParentCommand
    TaskCommand task;

    @Parameters(index = "0", paramLabel = "CLUSTER/ROLE/ENV/NAME[/INSTANCES]", description = "The tasks to run the command on.")
    String key;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "CMD", description = "The command line to run; quote it when it has options of its own: 'ls -l'.")
    List<String> command = new ArrayList<>();

    @Option(names = "--threads", defaultValue = "1", description = "Hosts to run on in parallel (default ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--ssh-user", paramLabel = "USER", description = "Log in as USER instead of the job's role.")
    String sshUser;

    @Option(names = "--ssh-options", paramLabel = "OPTIONS", description = "Extra options for ssh.")
    String sshOptions;

    @Option(names = {"-e", "--executor-sandbox"}, description = "Run in the task's sandbox rather than the host's home.")
    boolean sandbox;

    @Override
    public Integer call() {
      JobSpec.parse(key);
      throw Unavailable.on(task.root, Unavailable.clusterOf(key), WHAT, MISSING);
    }
  }

  /** {@code task ssh CLUSTER/ROLE/ENV/NAME/INSTANCE}. */
  @Command(name = "ssh", mixinStandardHelpOptions = true,
      description = "Open a shell on the host of one task, in its sandbox. Not available yet.",
      footer = {"", "Example:", "  borealis task ssh --tunnels 8080:http devcluster/www-data/prod/hello/0"},
      exitCodeListHeading = ExitCodes.HEADING, exitCodeList = {ExitCodes.UNAVAILABLE, ExitCodes.USAGE})
  static final class Ssh implements Callable<Integer> {
    @ParentCommand
    TaskCommand task;

    @Parameters(index = "0", paramLabel = "CLUSTER/ROLE/ENV/NAME/INSTANCE", description = "The one task to log in to.")
    String key;

    @Option(names = {"-c", "--command"}, paramLabel = "CMD", description = "Run CMD instead of an interactive shell.")
    String command;

    @Option(names = "--tunnels", split = ",", paramLabel = "PORT:NAME",
        description = "Forward local PORT to the task's port named NAME (repeatable, comma separated).")
    List<String> tunnels = new ArrayList<>();

    @Option(names = "--ssh-user", paramLabel = "USER", description = "Log in as USER instead of the job's role.")
    String sshUser;

    @Option(names = "--ssh-options", paramLabel = "OPTIONS", description = "Extra options for ssh.")
    String sshOptions;

    @Option(names = {"-e", "--executor-sandbox"}, description = "Start in the task's sandbox (the default on Borealis).")
    boolean sandbox;

    @Override
    public Integer call() {
      JobSpec spec = JobSpec.parse(key);
      if (spec.instances() == null || spec.instances().ids().size() != 1) {
        throw new CliException("task ssh needs exactly one instance, like " + spec.key() + "/0");
      }
      throw Unavailable.on(task.root, spec.key().cluster(), WHAT, MISSING);
    }
  }
}
