package io.borealis.devcluster;

import io.borealis.mesos.wire.CommandInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Starts a plain command task's process the way Mesos' command executor does: {@code /bin/sh -c value}
 * (or {@code value} with {@code arguments} when {@code shell} is false) in its sandbox, output in the
 * sandbox's {@code stdout} and {@code stderr}. An agent running as root runs it as the command's user,
 * else the framework's (Mesos' {@code --switch_user}), so a curl-driven framework cannot run root
 * commands by accident. Blocking (directories, {@code id}, fork/exec): call it from a worker thread.
 */
final class CommandTaskLauncher {
  private static final List<String> SETPRIV = Stream.of("/usr/bin/setpriv", "/bin/setpriv")
      .filter(path -> Files.isExecutable(Path.of(path))).findFirst().map(List::of).orElse(List.of());

  private CommandTaskLauncher() {}

  static Process launch(CommandInfo command, String frameworkUser, Path sandbox, Map<String, String> environment)
      throws IOException, InterruptedException {
    Files.createDirectories(sandbox);
    List<String> argv = new ArrayList<>();
    String user = command.user() != null ? command.user() : frameworkUser;
    if (agentIsRoot() && user != null && !user.isEmpty() && !user.equals("root")) {
      argv.addAll(switchTo(user, sandbox));
    }
    if (Boolean.FALSE.equals(command.shell())) {
      argv.add(command.value());
      List<String> arguments = command.arguments() == null ? List.of() : command.arguments();
      // Mesos passes arguments as the whole argv, argv[0] included.
      argv.addAll(arguments.isEmpty() ? List.of() : arguments.subList(1, arguments.size()));
    } else {
      argv.addAll(List.of("/bin/sh", "-c", command.value()));
    }
    ProcessBuilder builder = new ProcessBuilder(argv);
    builder.environment().putAll(environment);
    command.variables().forEach(v -> builder.environment().put(v.name(), v.value()));
    return builder.directory(sandbox.toFile())
        .redirectOutput(sandbox.resolve("stdout").toFile())
        .redirectError(sandbox.resolve("stderr").toFile())
        .start();
  }

  /** {@code setpriv} to {@code user}, who is given the sandbox; fails if the user does not exist. */
  private static List<String> switchTo(String user, Path sandbox) throws IOException, InterruptedException {
    Process id = new ProcessBuilder("id", "-g", "--", user).redirectErrorStream(true).start();
    String gid = new String(id.getInputStream().readAllBytes()).strip();
    if (id.waitFor() != 0) {
      throw new IOException("Failed to switch to user '" + user + "': no such user on this agent");
    }
    if (SETPRIV.isEmpty()) {
      throw new IOException("Failed to switch to user '" + user + "': setpriv (util-linux) is not installed");
    }
    UserPrincipal owner = sandbox.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(user);
    Files.setOwner(sandbox, owner);
    return List.of(SETPRIV.get(0), "--reuid=" + user, "--regid=" + gid, "--init-groups", "--");
  }

  private static boolean agentIsRoot() {
    try {
      return ((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid")) == 0;
    } catch (IOException | RuntimeException noProc) {
      return "root".equals(System.getProperty("user.name"));
    }
  }
}
