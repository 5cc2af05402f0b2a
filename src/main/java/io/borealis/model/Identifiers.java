package io.borealis.model;

import java.util.regex.Pattern;

/** Aurora's rule for role, environment, job and cluster names. */
public final class Identifiers {
  public static final Pattern PATTERN = Pattern.compile("[\\w\\-.]+");
  public static final int MAX_LENGTH = 255;

  private Identifiers() {}

  public static boolean isValid(String value) {
    return value != null && value.length() <= MAX_LENGTH && PATTERN.matcher(value).matches();
  }

  /** Why {@code value} is not a valid identifier, or null when it is. */
  public static String problemWith(String value) {
    if (value == null || value.isEmpty()) {
      return "must not be empty";
    }
    if (value.length() > MAX_LENGTH) {
      return "must be at most " + MAX_LENGTH + " characters";
    }
    if (!PATTERN.matcher(value).matches()) {
      return "'" + value + "' may contain only letters, digits, '_', '-' and '.'";
    }
    return null;
  }
}
