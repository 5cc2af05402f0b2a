package io.borealis.mesos.wire;

/** Mesos {@code MasterInfo}. {@code ip} is the legacy little-endian uint32; {@code address} is what to use. */
public record MasterInfo(String id, Long ip, Integer port, String pid, String hostname, String version, Address address) {

  public record Address(String hostname, String ip, Integer port) {}
}
