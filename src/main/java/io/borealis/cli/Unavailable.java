package io.borealis.cli;

/**
 * Verbs Aurora has whose capability this scheduler lacks (cron, remote commands, quotas): they parse
 * their arguments fully, so scripts get usage errors now and work unchanged later, and then fail
 * with exit code 1 saying what is missing where.
 */
final class Unavailable {
  private Unavailable() {}

  /**
   * Checks the cluster is known (an unknown one is the more useful error), then refuses.
   *
   * @param what the capability as users name it, e.g. "cron jobs"
   * @param missing what the scheduler lacks, e.g. "cron support"
   */
  static CliException on(BorealisCommand root, String cluster, String what, String missing) {
    root.clusters().schedulerUri(cluster);
    return new CliException(what + " are not available on cluster '" + cluster + "' (this Borealis scheduler has no "
        + missing + " yet)");
  }

  /** The cluster of a {@code cluster/...} argument, for the message. */
  static String clusterOf(String key) {
    int slash = key.indexOf('/');
    return slash < 0 ? key : key.substring(0, slash);
  }
}
