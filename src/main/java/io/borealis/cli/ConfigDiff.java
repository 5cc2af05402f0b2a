package io.borealis.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A readable diff of two jobs in the same JSON shape ({@code JobJson.write}): each job is flattened
 * to one line per field ({@code task.processes[0].cmdline: "sleep 60"}), so every line names what
 * it is, and the lines are compared with a longest-common-subsequence diff. Only changed lines are
 * shown: {@code - } for the old side, {@code + } for the new.
 */
final class ConfigDiff {
  private ConfigDiff() {}

  /** The changed lines, in document order; empty when the jobs are equal. */
  static List<String> diff(JsonNode before, JsonNode after) {
    return diffLines(flatten(before), flatten(after));
  }

  static List<String> flatten(JsonNode node) {
    List<String> lines = new ArrayList<>();
    flatten("", node, lines);
    return lines;
  }

  private static void flatten(String path, JsonNode node, List<String> lines) {
    if (node.isObject() && !node.isEmpty()) {
      for (Map.Entry<String, JsonNode> field : node.properties()) {
        flatten(path.isEmpty() ? field.getKey() : path + "." + field.getKey(), field.getValue(), lines);
      }
    } else if (node.isArray() && !node.isEmpty()) {
      for (int i = 0; i < node.size(); i++) {
        flatten(path + "[" + i + "]", node.get(i), lines);
      }
    } else {
      lines.add(path + ": " + node);
    }
  }

  /**
   * Lines of {@code a} not kept are removed ({@code - }), lines of {@code b} not kept are added
   * ({@code + }); kept lines are a longest common subsequence. Jobs flatten to tens or hundreds of
   * lines, so the quadratic table is small.
   */
  static List<String> diffLines(List<String> a, List<String> b) {
    int[][] common = new int[a.size() + 1][b.size() + 1];
    for (int i = a.size() - 1; i >= 0; i--) {
      for (int j = b.size() - 1; j >= 0; j--) {
        common[i][j] = a.get(i).equals(b.get(j)) ? common[i + 1][j + 1] + 1 : Math.max(common[i + 1][j], common[i][j + 1]);
      }
    }
    List<String> out = new ArrayList<>();
    int i = 0;
    int j = 0;
    while (i < a.size() || j < b.size()) {
      if (i < a.size() && j < b.size() && a.get(i).equals(b.get(j))) {
        i++;
        j++;
      } else if (j == b.size() || i < a.size() && common[i + 1][j] >= common[i][j + 1]) {
        out.add("- " + a.get(i++));
      } else {
        out.add("+ " + b.get(j++));
      }
    }
    return out;
  }
}
