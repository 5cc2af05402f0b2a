package io.borealis.cli;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/**
 * What the CLI signs in with: an API token (sent as {@code Authorization: Bearer}) or a user name and
 * password (HTTP Basic). Never printed: {@link #toString} names only the kind.
 */
final class Credentials {
  static final String TOKEN_VARIABLE = "BOREALIS_TOKEN";
  static final String USER_VARIABLE = "BOREALIS_USER";
  static final String PASSWORD_VARIABLE = "BOREALIS_PASSWORD";

  private final String user;
  private final String secret;

  private Credentials(String user, String secret) {
    this.user = user;
    this.secret = secret;
  }

  static Credentials token(String token) {
    return new Credentials(null, token);
  }

  static Credentials password(String user, String password) {
    return new Credentials(user, password);
  }

  /** From {@code BOREALIS_TOKEN}, or {@code BOREALIS_USER} and {@code BOREALIS_PASSWORD}; null if neither is set. */
  static Credentials fromEnvironment(Map<String, String> env) {
    String token = env.get(TOKEN_VARIABLE);
    if (token != null && !token.isBlank()) {
      return token(token.trim());
    }
    String user = env.get(USER_VARIABLE);
    String password = env.get(PASSWORD_VARIABLE);
    if (user != null && !user.isBlank() && password != null) {
      return password(user, password);
    }
    return null;
  }

  String authorizationHeader() {
    if (user == null) {
      return "Bearer " + secret;
    }
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + secret).getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public String toString() {
    return user == null ? "a token" : "user '" + user + "' and a password";
  }
}
