package io.borealis.executor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Who a task's processes and shell health checks run as, decided as Thermos does: the task's user
 * (Mesos' {@code CommandInfo.user}, which the scheduler sets to the role) when this executor runs as
 * root, else whoever this executor runs as, since only root can switch. Root is used only when
 * the task's user is root.
 *
 * @param name the user's name
 * @param uid its numeric user id
 * @param gid its primary group id
 * @param home its home directory, given to processes as {@code HOME}
 * @param switched true when processes must be switched to this user ({@link #commandPrefix()});
 *     false when they simply run as this executor does
 */
record TaskUser(String name, int uid, int gid, String home, boolean switched) {

  /** The task's user has no account on this host; the message is what the task's status says. */
  static final class NoSuchUserException extends IOException {
    private static final long serialVersionUID = 1L;

    NoSuchUserException(String user, String role) {
      super("no system user '" + user + "' for role '" + role + "'");
    }
  }

  private static final List<String> SETPRIV = Stream.of("/usr/bin/setpriv", "/bin/setpriv")
      .filter(path -> Files.isExecutable(Path.of(path))).findFirst().map(List::of).orElse(List.of());

  /**
   * What goes before {@code bash -c ...}: {@code setpriv} sets the real and effective uid and gid and
   * the user's supplementary groups, then execs the command in place, so the pid stays the one we
   * watch and kill. Unlike {@code su} or {@code runuser} it opens no PAM session and forks nothing.
   */
  List<String> commandPrefix() {
    if (!switched) {
      return List.of();
    }
    return List.of(SETPRIV.get(0), "--reuid=" + uid, "--regid=" + gid, "--init-groups", "--");
  }

  /** The login variables a process of this user expects; left alone when nothing is switched. */
  void applyTo(Map<String, String> environment) {
    if (switched) {
      environment.put("HOME", home);
      environment.put("USER", name);
      environment.put("LOGNAME", name);
    }
  }

  /** Whether this executor runs as root and so can (and must) switch users. */
  static boolean executorIsRoot() {
    try {
      // /proc/self belongs to our effective uid.
      return ((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid")) == 0;
    } catch (IOException | RuntimeException noProc) {
      return "root".equals(System.getProperty("user.name"));
    }
  }

  /** The user this executor runs as: its processes run as it too, without switching. */
  static TaskUser executorUser() {
    return new TaskUser(System.getProperty("user.name"), -1, -1, System.getProperty("user.home"), false);
  }

  /**
   * Decides who runs the task. Blocking (runs {@code getent}): call from a worker thread.
   *
   * @param user the task's user; null or empty runs it as the executor does
   * @param role for the message when that user does not exist
   * @throws NoSuchUserException if the executor is root and {@code user} has no account here
   */
  static TaskUser resolve(String user, String role, boolean executorIsRoot) throws IOException, InterruptedException {
    if (!executorIsRoot || user == null || user.isEmpty()) {
      return executorUser();
    }
    String entry = getentPasswd(user);
    if (entry == null) {
      throw new NoSuchUserException(user, role);
    }
    TaskUser found = parsePasswd(entry);
    if (found.uid() == 0) {
      return new TaskUser(found.name(), 0, found.gid(), found.home(), false);
    }
    if (SETPRIV.isEmpty()) {
      throw new IOException("cannot run as user '" + user + "': setpriv (util-linux) is not installed");
    }
    return found;
  }

  /**
   * Reads one {@code passwd} line, {@code name:x:uid:gid:gecos:home:shell}, as a user to switch to.
   *
   * @throws IllegalArgumentException if the line does not have that shape
   */
  static TaskUser parsePasswd(String line) {
    String[] fields = line.strip().split(":", -1);
    if (fields.length < 7) {
      throw new IllegalArgumentException("not a passwd entry: " + line);
    }
    try {
      return new TaskUser(fields[0], Integer.parseInt(fields[2]), Integer.parseInt(fields[3]), fields[5], true);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not a passwd entry: " + line, e);
    }
  }

  /** {@code getent} asks NSS, so users from LDAP or sssd count too, not only {@code /etc/passwd}. */
  private static String getentPasswd(String user) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("getent", "passwd", "--", user));
    Process getent = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(getent.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!getent.waitFor(10, TimeUnit.SECONDS)) {
      getent.destroyForcibly();
      throw new IOException("getent passwd " + user + " did not answer within 10 s");
    }
    // Exit 2: no such key. A numeric name would also match a uid; insist on the name.
    if (getent.exitValue() != 0 || !out.startsWith(user + ":")) {
      return null;
    }
    return out.lines().findFirst().orElse(null);
  }
}
