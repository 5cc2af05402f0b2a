package io.borealis.state;

import io.borealis.model.Resources;
import java.util.Locale;

/**
 * Aurora's production quota rule: a role's production jobs together may use at most the role's
 * quota (cpu, ram, disk); a role without one has none. Non-production jobs are not counted.
 */
public final class QuotaCheck {
  public static final Resources NONE = new Resources(0, 0, 0, 0);

  private QuotaCheck() {}

  public static Resources times(Resources each, int count) {
    return new Resources(each.cpu() * count, each.ramBytes() * count, each.diskBytes() * count, each.gpu() * count);
  }

  public static Resources plus(Resources a, Resources b) {
    return new Resources(a.cpu() + b.cpu(), a.ramBytes() + b.ramBytes(), a.diskBytes() + b.diskBytes(), a.gpu() + b.gpu());
  }

  /**
   * @param consumed what the role's other production tasks use now
   * @param asked what the change adds
   * @return null when it fits, else why not: how much is asked and how much is left
   */
  public static String refusal(String role, Resources quota, Resources consumed, Resources asked) {
    // A little slack for cpu sums of fractions (0.1 + 0.2), which are not exact in binary.
    boolean fits = consumed.cpu() + asked.cpu() <= quota.cpu() + 1e-9
        && consumed.ramBytes() + asked.ramBytes() <= quota.ramBytes()
        && consumed.diskBytes() + asked.diskBytes() <= quota.diskBytes();
    if (fits) {
      return null;
    }
    Resources left = new Resources(Math.max(0, quota.cpu() - consumed.cpu()), Math.max(0, quota.ramBytes() - consumed.ramBytes()),
        Math.max(0, quota.diskBytes() - consumed.diskBytes()), 0);
    return "Insufficient resource quota for role " + role + ": production jobs would need " + describe(asked) + " more, "
        + "but only " + describe(left) + " is left of its quota of " + describe(quota)
        + " (an administrator sets it with: borealis admin set-quota CLUSTER " + role + " CPU RAM DISK)";
  }

  public static String describe(Resources resources) {
    return String.format(Locale.ROOT, "cpu %s, ram %d MiB, disk %d MiB", trim(resources.cpu()), resources.ramMb(), resources.diskMb());
  }

  private static String trim(double value) {
    return value == Math.rint(value) ? Long.toString((long) value) : String.format(Locale.ROOT, "%.2f", value);
  }
}
