package io.borealis.executor;

import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills in the {@code {{...}}} references of a process cmdline, the subset of Thermos' Pystachio
 * bindings that Aurora jobs use at run time. Pure: same bindings, same result.
 *
 * <p>Known references: {@code thermos.ports[NAME]}, {@code thermos.task_id}, {@code thermos.user},
 * {@code mesos.instance}, {@code mesos.hostname}. Anything else is an error rather than an empty
 * string, because a silently blank port or path is much harder to debug than a failed task.
 */
final class CommandTemplate {
  private static final Pattern REFERENCE = Pattern.compile("\\{\\{([^{}]*)}}");
  private static final Pattern PORT = Pattern.compile("thermos\\.ports\\[([^\\[\\]]+)]");

  /** What the references resolve to; {@code hostname} and {@code user} may be null if unknown. */
  record Bindings(String taskId, int instance, String hostname, String user, Map<String, Integer> ports) {
    Bindings {
      ports = ports == null ? Map.of() : Map.copyOf(ports);
    }
  }

  /** A reference that cannot be filled in; the message names it and says why. */
  static final class UnresolvedReferenceException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    UnresolvedReferenceException(String message) {
      super(message);
    }
  }

  private CommandTemplate() {}

  /**
   * Replaces every reference in {@code cmdline}.
   *
   * @throws UnresolvedReferenceException for the first reference that cannot be filled in
   */
  static String render(String cmdline, Bindings bindings) {
    Matcher matcher = REFERENCE.matcher(cmdline);
    StringBuilder out = new StringBuilder(cmdline.length());
    while (matcher.find()) {
      String value = resolve(matcher.group(1).strip(), matcher.group(), bindings);
      matcher.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    matcher.appendTail(out);
    return out.toString();
  }

  private static String resolve(String name, String reference, Bindings bindings) {
    Matcher port = PORT.matcher(name);
    if (port.matches()) {
      Integer number = bindings.ports().get(port.group(1).strip());
      if (number == null) {
        throw new UnresolvedReferenceException("Unknown port in " + reference + ": the task was assigned "
            + (bindings.ports().isEmpty() ? "no ports" : "ports " + new TreeMap<>(bindings.ports()).keySet()));
      }
      return number.toString();
    }
    return switch (name) {
      case "thermos.task_id" -> bindings.taskId();
      case "mesos.instance" -> Integer.toString(bindings.instance());
      case "mesos.hostname" -> required(bindings.hostname(), reference, "the agent did not say its hostname");
      case "thermos.user" -> required(bindings.user(), reference, "the task payload has no role");
      default -> throw new UnresolvedReferenceException("Unknown reference " + reference + " (known: "
          + "{{thermos.ports[NAME]}}, {{thermos.task_id}}, {{thermos.user}}, {{mesos.instance}}, {{mesos.hostname}})");
    };
  }

  private static String required(String value, String reference, String why) {
    if (value == null) {
      throw new UnresolvedReferenceException("Cannot fill in " + reference + ": " + why);
    }
    return value;
  }
}
