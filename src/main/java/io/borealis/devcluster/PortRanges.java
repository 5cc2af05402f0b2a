package io.borealis.devcluster;

import io.borealis.mesos.wire.Resource.Range;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Set arithmetic on inclusive port ranges, kept sorted and merged. */
final class PortRanges {
  private PortRanges() {}

  static List<Range> normalize(List<Range> ranges) {
    List<Range> sorted = new ArrayList<>(ranges);
    sorted.sort(Comparator.comparingLong(Range::begin));
    List<Range> merged = new ArrayList<>(sorted.size());
    for (Range range : sorted) {
      if (!merged.isEmpty() && range.begin() <= merged.get(merged.size() - 1).end() + 1) {
        Range last = merged.remove(merged.size() - 1);
        merged.add(new Range(last.begin(), Math.max(last.end(), range.end())));
      } else {
        merged.add(range);
      }
    }
    return List.copyOf(merged);
  }

  static List<Range> subtract(List<Range> from, List<Range> taken) {
    List<Range> result = new ArrayList<>(from);
    for (Range cut : taken) {
      List<Range> next = new ArrayList<>(result.size() + 1);
      for (Range range : result) {
        if (cut.end() < range.begin() || cut.begin() > range.end()) {
          next.add(range);
          continue;
        }
        if (range.begin() < cut.begin()) {
          next.add(new Range(range.begin(), cut.begin() - 1));
        }
        if (range.end() > cut.end()) {
          next.add(new Range(cut.end() + 1, range.end()));
        }
      }
      result = next;
    }
    return result;
  }

  static boolean containsAll(List<Range> available, List<Range> wanted) {
    for (Range want : wanted) {
      boolean inside = available.stream().anyMatch(r -> r.begin() <= want.begin() && want.end() <= r.end());
      if (!inside) {
        return false;
      }
    }
    return true;
  }
}
