package io.borealis.app;

import io.borealis.access.Secrets;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code borealis admin hash-password} and {@code admin new-token}: the hashed secrets a users file
 * holds. They live beside the servers (not in the CLI package) because they hash with the same
 * library the scheduler verifies with.
 */
final class AdminSecretCommands {
  private AdminSecretCommands() {}

  @Command(name = "hash-password", mixinStandardHelpOptions = true,
      description = "Read a password (without echo on a terminal, else one line of stdin) and print its hash for a users file.",
      footer = {"", "Example:", "  borealis admin hash-password", "  # then in users.json: {\"name\": \"alice\", \"password\": \"$pbkdf2$...\", \"roles\": [\"www-data\"]}"},
      exitCodeListHeading = "%nExit codes:%n",
      exitCodeList = {"0:Printed the hash.", "1:No password was given, or the two entries differ.", "2:Invalid command line."})
  static final class HashPassword implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
      char[] password = readPassword();
      if (password == null || password.length == 0) {
        spec.commandLine().getErr().println("Error: no password given");
        return 1;
      }
      spec.commandLine().getOut().println(Secrets.hashPassword(new String(password)));
      Arrays.fill(password, ' ');
      return 0;
    }

    private char[] readPassword() throws IOException {
      Console console = System.console();
      if (console == null) {
        String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        return line == null ? null : line.toCharArray();
      }
      char[] first = console.readPassword("Password: ");
      char[] again = console.readPassword("Again: ");
      if (!Arrays.equals(first, again)) {
        spec.commandLine().getErr().println("Error: the two passwords differ");
        return null;
      }
      return first;
    }
  }

  @Command(name = "new-token", mixinStandardHelpOptions = true,
      description = "Make a new API token: prints the token (give it to its user; it is not kept anywhere) and its hash "
          + "(put it in the user's \"tokens\" in the users file).",
      footer = {"", "Example:", "  borealis admin new-token", "  export BOREALIS_TOKEN=<the token>   # on the user's machine"},
      exitCodeListHeading = "%nExit codes:%n", exitCodeList = {"0:Printed a token and its hash.", "2:Invalid command line."})
  static final class NewToken implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
      String token = Secrets.newToken();
      spec.commandLine().getOut().println("token: " + token);
      spec.commandLine().getOut().println("hash:  " + Secrets.hashToken(token));
      return 0;
    }
  }
}
