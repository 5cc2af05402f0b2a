package io.borealis.mesos.client;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The framework's principal and secret, sent as HTTP Basic on every call, as a Mesos master run with
 * {@code --authenticate_http_frameworks} requires. {@link #toString} hides the secret.
 */
public record FrameworkCredentials(String principal, String secret) {
  public String authorizationHeader() {
    return "Basic " + Base64.getEncoder().encodeToString((principal + ":" + secret).getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public String toString() {
    return "FrameworkCredentials[principal=" + principal + ", secret=(hidden)]";
  }
}
