package io.borealis.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Aurora's {@code JobUpTimeSlaVector}, computed from a job's active tasks as the API returns them:
 * each instance's uptime is the time since its task first became STARTING (instances that never
 * started do not count), and the two SLA numbers are simple statistics over those uptimes.
 */
final class SlaVector {
  /** Instance id → whole seconds up; sorted by instance so output never depends on task order. */
  private final Map<Integer, Long> uptimes;

  SlaVector(Map<Integer, Long> uptimes) {
    this.uptimes = new TreeMap<>(uptimes);
  }

  /** From {@code GET /api/v1/jobs/{key}}'s {@code active_tasks}, at {@code now}. */
  static SlaVector of(JsonNode activeTasks, Instant now) {
    Map<Integer, Long> uptimes = new TreeMap<>();
    for (JsonNode task : activeTasks) {
      for (JsonNode event : task.path("events")) {
        if (event.path("state").asText().equals("STARTING")) {
          Instant started = Instant.parse(event.path("timestamp").asText());
          uptimes.put(task.path("instance").asInt(), Math.max(0, Duration.between(started, now).toSeconds()));
          break;
        }
      }
    }
    return new SlaVector(uptimes);
  }

  /**
   * Percentage of counted instances up for at least {@code duration}; 0 with none. Three instances up
   * 30 s, 90 s and 2 h: for 1 minute that is 2 of 3 = 66.67 %.
   */
  double taskUpCount(Duration duration) {
    if (uptimes.isEmpty()) {
      return 0;
    }
    long above = uptimes.values().stream().filter(up -> up >= duration.toSeconds()).count();
    return 100.0 * above / uptimes.size();
  }

  /**
   * The uptime that {@code percentile} % of instances reach, as Aurora computes it: sort ascending and
   * take index {@code n - floor(p/100 * n) - 1}. Uptimes 10, 20, 30, 40 s at the 75th percentile:
   * index 4 - 3 - 1 = 0, so 10 s; at the 50th, index 1, so 20 s: at least that share of instances
   * has been up that long.
   * With no instance counted it is 0, as in Aurora.
   */
  long jobUptime(double percentile) {
    if (percentile <= 0 || percentile >= 100) {
      throw new IllegalArgumentException("percentile must be within (0, 100), got " + percentile);
    }
    List<Long> sorted = new ArrayList<>(uptimes.values());
    sorted.sort(null);
    int total = sorted.size();
    int index = total - (int) Math.floor(percentile / 100.0 * total) - 1;
    return index >= 0 && index < total ? sorted.get(index) : 0;
  }

  int instancesCounted() {
    return uptimes.size();
  }
}
