package io.borealis.access;

import java.util.Set;
import java.util.TreeSet;

/**
 * Who made a request: a user from the users file, or everyone when the scheduler runs open.
 *
 * @param roles the Aurora roles this caller may create, kill, restart and update jobs of
 * @param admin may act for every role, and set quotas and take backups
 */
public record Caller(String name, Set<String> roles, boolean admin) {
  /** The caller of a scheduler without access control: anyone who can reach it may do anything. */
  public static final Caller EVERYONE = new Caller("anonymous", Set.of(), true);

  public Caller {
    roles = Set.copyOf(roles);
  }

  public boolean mayActFor(String role) {
    return admin || roles.contains(role);
  }

  /** Why this caller may not act for {@code role}, in words for them (names no secret). */
  public String refusal(String role) {
    return "user '" + name + "' may not act for role '" + role + "'"
        + (roles.isEmpty() ? "; they may act for no role" : "; they may act for: " + String.join(", ", new TreeSet<>(roles)));
  }
}
