package io.borealis.model;

/** {@code cluster/role/environment/name}, Aurora's job key. */
public record JobKey(String cluster, String role, String environment, String name) {

  public JobKey {
    requireIdentifier("cluster", cluster);
    requireIdentifier("role", role);
    requireIdentifier("environment", environment);
    requireIdentifier("name", name);
  }

  private static void requireIdentifier(String part, String value) {
    String problem = Identifiers.problemWith(value);
    if (problem != null) {
      throw new IllegalArgumentException("job key " + part + " " + problem);
    }
  }

  /**
   * Parses {@code cluster/role/env/name}.
   *
   * @throws IllegalArgumentException saying what is wrong with the text
   */
  public static JobKey parse(String text) {
    String[] parts = text.split("/", -1);
    if (parts.length != 4) {
      throw new IllegalArgumentException(
          "'" + text + "' is not a job key: expected cluster/role/environment/name");
    }
    return new JobKey(parts[0], parts[1], parts[2], parts[3]);
  }

  /** The path under a URL prefix, without the cluster: {@code role/env/name}. */
  public String path() {
    return role + "/" + environment + "/" + name;
  }

  @Override
  public String toString() {
    return cluster + "/" + role + "/" + environment + "/" + name;
  }
}
