package io.borealis.mesos.wire;

/**
 * Mesos {@code URL}: how to reach a process over HTTP. An offer carries its agent's, which is where
 * the agent's {@code /files} endpoints (sandbox reads) are served. {@code path} is the agent's
 * libprocess id ({@code /slave(1)}); the {@code /files} endpoints live at the root, not under it.
 */
public record Url(String scheme, MasterInfo.Address address, String path) {

  /** {@code scheme://host:port}, preferring the IP (hostnames need not resolve from everywhere); null without an address. */
  public String base() {
    if (address == null || address.port() == null) {
      return null;
    }
    String host = address.ip() != null ? address.ip() : address.hostname();
    return host == null ? null : (scheme == null ? "http" : scheme) + "://" + host + ":" + address.port();
  }
}
