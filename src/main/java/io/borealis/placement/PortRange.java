package io.borealis.placement;

/** An inclusive range of port numbers on a host. */
public record PortRange(int begin, int end) {
  public int size() {
    return end - begin + 1;
  }
}
