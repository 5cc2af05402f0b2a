package io.borealis.devcluster;

import io.borealis.mesos.wire.FrameworkInfo;
import java.util.HashSet;
import java.util.List;

/**
 * The master's checks of a SUBSCRIBE's FrameworkInfo. Mesos answers a subscription these reject with
 * a 200 stream holding a single ERROR event (not a 4xx): the call itself was well formed.
 */
final class SubscribeValidation {
  /** Mesos caps {@code failover_timeout} at what a Duration in nanoseconds can hold. */
  private static final double MAX_FAILOVER_TIMEOUT_SECONDS = Long.MAX_VALUE / 1e9;

  private SubscribeValidation() {}

  /** Why the framework may not subscribe, or null. */
  static String problem(FrameworkInfo info) {
    List<String> roles = info.roles() == null ? List.of() : info.roles();
    if (new HashSet<>(roles).size() != roles.size()) {
      return "'FrameworkInfo.roles' contains duplicate items";
    }
    for (String role : roles) {
      String invalid = roleProblem(role);
      if (invalid != null) {
        return "Role '" + role + "' is invalid: " + invalid;
      }
    }
    Double failover = info.failoverTimeout();
    if (failover != null && (failover.isNaN() || failover < 0 || failover > MAX_FAILOVER_TIMEOUT_SECONDS)) {
      return "Invalid failover_timeout: " + failover;
    }
    return null;
  }

  /** Mesos' role grammar: slash-separated path segments, none empty, '.', '..' or starting with '-'. */
  private static String roleProblem(String role) {
    if (role.isEmpty()) {
      return "empty role name is invalid";
    }
    if (role.equals("*")) {
      return null;
    }
    if (role.startsWith("/") || role.endsWith("/")) {
      return "it cannot start or end with a slash";
    }
    if (role.chars().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
      return "it cannot contain whitespace or control characters";
    }
    for (String segment : role.split("/", -1)) {
      if (segment.isEmpty()) {
        return "it cannot contain two adjacent slashes";
      }
      if (segment.equals(".") || segment.equals("..") || segment.equals("*")) {
        return "'" + segment + "' cannot be a path segment";
      }
      if (segment.startsWith("-")) {
        return "a path segment cannot start with '-'";
      }
    }
    return null;
  }
}
