package io.borealis.access;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The users of a users file, found by name (HTTP Basic) or by API token (bearer). */
public final class Users {
  /**
   * Checked when the user name is unknown, so an unknown name costs as much time as a wrong password
   * and the answer's timing does not tell which user names exist.
   */
  private static final String DECOY_HASH = Secrets.hashPassword("decoy");

  private final Map<String, UserAccount> byName = new LinkedHashMap<>();
  private final Map<String, UserAccount> byTokenHash = new HashMap<>();

  public Users(Collection<UserAccount> accounts) {
    for (UserAccount account : accounts) {
      if (byName.put(account.name(), account) != null) {
        throw new IllegalArgumentException("user '" + account.name() + "' appears twice");
      }
      for (String tokenHash : account.tokenHashes()) {
        if (byTokenHash.put(tokenHash, account) != null) {
          throw new IllegalArgumentException("a token of user '" + account.name() + "' also belongs to another user");
        }
      }
    }
  }

  /** The caller a bearer token authenticates; fast (one hash and a lookup). */
  public Optional<Caller> withToken(String token) {
    return Optional.ofNullable(byTokenHash.get(Secrets.hashToken(token))).map(UserAccount::caller);
  }

  /** The caller a user name and password authenticate. Slow on purpose (PBKDF2): call it on a worker. */
  public Optional<Caller> withPassword(String name, String password) {
    UserAccount account = byName.get(name);
    if (account == null || account.passwordHash() == null) {
      Secrets.passwordMatches(DECOY_HASH, password);
      return Optional.empty();
    }
    return Secrets.passwordMatches(account.passwordHash(), password) ? Optional.of(account.caller()) : Optional.empty();
  }

  public int size() {
    return byName.size();
  }
}
