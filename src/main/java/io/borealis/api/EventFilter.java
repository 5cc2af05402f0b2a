package io.borealis.api;

import io.borealis.events.ClusterEvent;
import io.borealis.model.Problem;
import io.vertx.core.MultiMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which events one subscriber wants: the query parameters {@code role}, {@code env}, {@code job} and
 * {@code type} of {@code GET /api/v1/events}. Each takes one value or a comma list (identifiers
 * cannot hold commas), repeated parameters add to the list, and an absent one matches everything.
 * A well-formed role that no job has simply matches nothing, as a dashboard may watch a role before
 * its first job exists; a malformed value or an event type that does not exist is the caller's
 * mistake and is refused.
 */
final class EventFilter {
  /** Every SSE event name of {@link ClusterEvent}; {@code reset} is the stream's own and always sent. */
  static final List<String> TYPES = List.of("task", "health", "job", "update");
  private static final Pattern IDENTIFIER = Pattern.compile("[\\w\\-.]+");
  static final EventFilter ALL = new EventFilter(null, null, null, null);

  /** Null means "any". */
  private final Set<String> roles;
  private final Set<String> envs;
  private final Set<String> jobs;
  private final Set<String> types;

  private EventFilter(Set<String> roles, Set<String> envs, Set<String> jobs, Set<String> types) {
    this.roles = roles;
    this.envs = envs;
    this.jobs = jobs;
    this.types = types;
  }

  /** The filter the parameters describe; each malformed one adds a problem naming it. */
  static EventFilter parse(MultiMap params, List<Problem> problems) {
    Set<String> roles = identifiers(params, "role", problems);
    Set<String> envs = identifiers(params, "env", problems);
    Set<String> jobs = identifiers(params, "job", problems);
    Set<String> types = values(params, "type", problems);
    if (types != null) {
      for (String type : types) {
        if (!TYPES.contains(type)) {
          problems.add(new Problem("type", "unknown event type '" + type + "'; use one or more of " + String.join(",", TYPES)));
        }
      }
    }
    if (roles == null && envs == null && jobs == null && types == null) {
      return ALL;
    }
    return new EventFilter(roles, envs, jobs, types);
  }

  /** Whether every event passes, so this subscriber can share the frames sent to unfiltered ones. */
  boolean matchesAll() {
    return this == ALL;
  }

  boolean test(ClusterEvent event) {
    return (roles == null || roles.contains(event.job().role()))
        && (envs == null || envs.contains(event.job().environment()))
        && (jobs == null || jobs.contains(event.job().name()))
        && (types == null || types.contains(event.type()));
  }

  private static Set<String> identifiers(MultiMap params, String name, List<Problem> problems) {
    Set<String> values = values(params, name, problems);
    if (values != null) {
      for (String value : values) {
        if (!IDENTIFIER.matcher(value).matches()) {
          problems.add(new Problem(name, "'" + value + "' is not an identifier (letters, digits, _ - .)"));
        }
      }
    }
    return values;
  }

  private static Set<String> values(MultiMap params, String name, List<Problem> problems) {
    List<String> raw = params.getAll(name);
    if (raw.isEmpty()) {
      return null;
    }
    Set<String> values = new LinkedHashSet<>();
    for (String param : raw) {
      for (String value : param.split(",", -1)) {
        if (value.isBlank()) {
          problems.add(new Problem(name, "is empty; leave the parameter out to match every " + name));
        } else {
          values.add(value.trim());
        }
      }
    }
    return values;
  }
}
