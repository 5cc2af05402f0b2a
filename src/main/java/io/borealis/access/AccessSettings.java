package io.borealis.access;

/**
 * How the API admits callers.
 *
 * @param users who may write; null runs the scheduler open (everyone may do everything)
 * @param authenticateReads reads need credentials too (by default they are open, as Aurora's UI is)
 */
public record AccessSettings(Users users, boolean authenticateReads) {
  public static final AccessSettings OPEN = new AccessSettings(null, false);

  public AccessSettings {
    if (users == null && authenticateReads) {
      throw new IllegalArgumentException("authenticating reads needs a users file");
    }
  }

  public boolean open() {
    return users == null;
  }
}
