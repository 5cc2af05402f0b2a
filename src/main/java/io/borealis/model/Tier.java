package io.borealis.model;

import java.util.Locale;

/**
 * Aurora's task tiers. PREFERRED tasks are production: they count against quota, may preempt and are
 * never preempted. PREEMPTIBLE tasks may be stopped for them. REVOCABLE tasks would run on
 * resources Mesos may take back (oversubscription).
 */
public enum Tier {
  PREFERRED, PREEMPTIBLE, REVOCABLE;

  /** The tier named as in a config ({@code "preferred"}), or null for a name that is none. */
  public static Tier named(String name) {
    for (Tier tier : values()) {
      if (tier.configName().equals(name)) {
        return tier;
      }
    }
    return null;
  }

  public String configName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
