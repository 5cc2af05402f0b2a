package io.borealis.access;

import java.util.Set;

/**
 * One user of the users file.
 *
 * @param passwordHash the password for HTTP Basic, hashed ({@code $pbkdf2$...}); null if the user has only tokens
 * @param tokenHashes the user's API tokens for {@code Authorization: Bearer}, hashed ({@code $sha512$$...})
 */
public record UserAccount(String name, String passwordHash, Set<String> tokenHashes, Set<String> roles, boolean admin) {
  public UserAccount {
    tokenHashes = Set.copyOf(tokenHashes);
    roles = Set.copyOf(roles);
  }

  public Caller caller() {
    return new Caller(name, roles, admin);
  }
}
