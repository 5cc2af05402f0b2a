package io.borealis.model;

/** Aurora's {@code Resources}: cpu cores, and ram and disk in bytes as the config language writes them. */
public record Resources(double cpu, long ramBytes, long diskBytes, int gpu) {
  public static final long MB = 1024L * 1024L;

  /** Mesos counts memory in MB; Aurora floors (Python 2 integer division), so 1.5 MB is 1 MB. */
  public long ramMb() {
    return ramBytes / MB;
  }

  public long diskMb() {
    return diskBytes / MB;
  }
}
