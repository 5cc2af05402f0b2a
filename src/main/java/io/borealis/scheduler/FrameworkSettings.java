package io.borealis.scheduler;

/**
 * How the framework introduces itself to Mesos, beyond its name and user.
 *
 * @param role the role offers are allocated to (Mesos' default {@code *}: unreserved resources)
 * @param principal the framework's principal; with a secret it is sent as HTTP Basic on every call
 *     (masters run with {@code --authenticate_http_frameworks} require it); null: none
 * @param secret the principal's secret; null without a principal
 * @param hostname the host Mesos shows for the framework; null: the master fills it in
 * @param webuiUrl the link Mesos' UI shows for the framework; null: this scheduler's dashboard
 */
public record FrameworkSettings(String role, String principal, String secret, String hostname, String webuiUrl) {
  public static final String DEFAULT_ROLE = "*";
  public static final FrameworkSettings DEFAULT = new FrameworkSettings(DEFAULT_ROLE, null, null, null, null);

  public FrameworkSettings {
    if (role == null || role.isBlank()) {
      role = DEFAULT_ROLE;
    }
    if (secret != null && principal == null) {
      throw new IllegalArgumentException("a framework secret needs a principal (--framework-principal)");
    }
  }

  /** Settings are printed in logs; the secret never is. */
  @Override
  public String toString() {
    return "FrameworkSettings[role=" + role + ", principal=" + principal + ", secret=" + (secret == null ? "none" : "(hidden)")
        + ", hostname=" + hostname + ", webuiUrl=" + webuiUrl + "]";
  }
}
