package io.borealis.model;

/** Aurora's {@code HealthCheckConfig}, with its defaults. Exactly one checker kind is set. */
public record HealthCheckConfig(
    HttpChecker http,
    ShellChecker shell,
    double initialIntervalSecs,
    double intervalSecs,
    int maxConsecutiveFailures,
    int minConsecutiveSuccesses,
    double timeoutSecs) {

  /** GET {@code endpoint} on the port named {@code health}; an empty expected response disables the body check. */
  public record HttpChecker(String endpoint, String expectedResponse, int expectedResponseCode) {
    public static final HttpChecker DEFAULT = new HttpChecker("/health", "ok", 0);
  }

  public record ShellChecker(String shellCommand) {}

  public static final HealthCheckConfig DEFAULT =
      new HealthCheckConfig(HttpChecker.DEFAULT, null, 15.0, 10.0, 0, 1, 1.0);
}
