package io.borealis.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/** A set of instance ids written as Aurora writes them: {@code 0-3,7}. */
public record InstanceRanges(SortedSet<Integer> ids) {
  /** Guards against {@code 0-2000000000} allocating a huge set by mistake. */
  public static final int MAX_INSTANCE_ID = 1_000_000;

  public InstanceRanges {
    ids = Collections.unmodifiableSortedSet(new TreeSet<>(ids));
  }

  /**
   * Parses {@code 0-3,7}.
   *
   * @throws IllegalArgumentException naming the bad part
   */
  public static InstanceRanges parse(String text) {
    TreeSet<Integer> ids = new TreeSet<>();
    for (String part : text.split(",", -1)) {
      String trimmed = part.trim();
      int dash = trimmed.indexOf('-');
      int first = parseId(dash < 0 ? trimmed : trimmed.substring(0, dash), text);
      int last = dash < 0 ? first : parseId(trimmed.substring(dash + 1), text);
      if (last < first) {
        throw new IllegalArgumentException("instance range '" + trimmed + "' in '" + text + "' ends before it starts");
      }
      for (int id = first; id <= last; id++) {
        ids.add(id);
      }
    }
    return new InstanceRanges(ids);
  }

  private static int parseId(String id, String whole) {
    try {
      int value = Integer.parseInt(id.trim());
      if (value < 0 || value > MAX_INSTANCE_ID) {
        throw new NumberFormatException();
      }
      return value;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "'" + whole + "' is not a list of instances: expected ids and ranges like 0-3,7");
    }
  }

  public static InstanceRanges of(Iterable<Integer> ids) {
    TreeSet<Integer> set = new TreeSet<>();
    ids.forEach(set::add);
    return new InstanceRanges(set);
  }

  public boolean contains(int id) {
    return ids.contains(id);
  }

  /** Compact text form: consecutive ids collapse into ranges. */
  @Override
  public String toString() {
    List<String> parts = new ArrayList<>();
    Integer start = null;
    Integer previous = null;
    for (int id : ids) {
      if (previous != null && id == previous + 1) {
        previous = id;
        continue;
      }
      if (start != null) {
        parts.add(start.equals(previous) ? start.toString() : start + "-" + previous);
      }
      start = id;
      previous = id;
    }
    if (start != null) {
      parts.add(start.equals(previous) ? start.toString() : start + "-" + previous);
    }
    return String.join(",", parts);
  }
}
