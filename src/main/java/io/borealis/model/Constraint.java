package io.borealis.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A placement constraint on a host attribute, parsed from Aurora's map form: {@code "rack": "a,b"}
 * (the host's value must be one of these), {@code "rack": "!a,b"} (must be none of these), or
 * {@code "host": "limit:2"} (at most two active tasks of the job per value of the attribute).
 */
public sealed interface Constraint {
  String attribute();

  record Value(String attribute, boolean negated, Set<String> values) implements Constraint {
    public Value {
      values = Set.copyOf(values);
    }

    /** Aurora's rule: any of the host's values is listed, XOR negated; a host without the attribute lists none. */
    public boolean allows(String hostValue) {
      return (hostValue != null && values.contains(hostValue)) != negated;
    }
  }

  record Limit(String attribute, int limit) implements Constraint {}

  /** The attribute that marks a host as reserved for one role's jobs. */
  String DEDICATED = "dedicated";

  /** Parses a job's constraints (already validated by {@link JobConfigValidator}). */
  static List<Constraint> parse(Map<String, String> constraints) {
    List<Constraint> parsed = new ArrayList<>(constraints.size());
    constraints.forEach((attribute, expression) -> {
      if (expression.startsWith("limit:")) {
        parsed.add(new Limit(attribute, Integer.parseInt(expression.substring("limit:".length()))));
      } else {
        boolean negated = expression.startsWith("!");
        String values = negated ? expression.substring(1) : expression;
        parsed.add(new Value(attribute, negated, Set.of(values.split(","))));
      }
    });
    return parsed;
  }
}
