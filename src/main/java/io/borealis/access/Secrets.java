package io.borealis.access;

import io.vertx.ext.auth.hashing.HashingStrategy;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

/**
 * Hashing of the secrets in the users file, with Vert.x's hashing strategies so the stored form is a
 * standard {@code $algorithm$params$salt$hash} string.
 *
 * <p>Passwords are chosen by people, so they get a salted, deliberately slow PBKDF2 (about 0.1 s on
 * this hardware: verify them off the event loop). Tokens are 256 random bits we generate, so an
 * unsalted SHA-512 is as safe and lets the API find a token's owner with one map lookup.
 */
public final class Secrets {
  static final String PASSWORD_ALGORITHM = "pbkdf2";
  static final String TOKEN_ALGORITHM = "sha512";
  private static final String PBKDF2_ITERATIONS = "100000";
  private static final int TOKEN_BYTES = 32;
  private static final int SALT_BYTES = 16;

  private static final HashingStrategy HASHING = HashingStrategy.load();
  private static final SecureRandom RANDOM = new SecureRandom();

  private Secrets() {}

  public static String hashPassword(String password) {
    byte[] salt = randomBytes(SALT_BYTES);
    return HASHING.hash(PASSWORD_ALGORITHM, Map.of("it", PBKDF2_ITERATIONS), Base64.getEncoder().withoutPadding().encodeToString(salt),
        password);
  }

  /** Slow on purpose (PBKDF2): call it on a worker thread. */
  public static boolean passwordMatches(String passwordHash, String password) {
    return HASHING.verify(passwordHash, password);
  }

  /** A fresh API token: 256 random bits, URL-safe. */
  public static String newToken() {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes(TOKEN_BYTES));
  }

  public static String hashToken(String token) {
    return HASHING.hash(TOKEN_ALGORITHM, null, "", token);
  }

  private static byte[] randomBytes(int count) {
    byte[] random = new byte[count];
    RANDOM.nextBytes(random);
    return random;
  }
}
