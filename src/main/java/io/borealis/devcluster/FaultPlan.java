package io.borealis.devcluster;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Faults to apply by themselves at set times after the master starts, as {@code borealis local
 * --faults=PLAN} takes them: a comma-separated list of {@code <fault>[?<params>][@<when>]}, where a
 * fault and its parameters are written exactly as on the fault endpoint
 * ({@code POST /devcluster/faults/<fault>?<params>}) and {@code when} is a time after the start such
 * as {@code 500ms}, {@code 10s}, {@code 2m} or {@code 1h} (none: at once). For example
 * {@code cut-streams@10s,restart-master?downtime_seconds=2@1m,unavailable?seconds=5@90s}.
 *
 * <p>The whole plan is checked when parsed: an error names the entry (its position and text) and
 * what is wrong with it, so a typo fails {@code borealis local} at once instead of an hour later.
 */
public final class FaultPlan {
  public static final FaultPlan NONE = new FaultPlan(List.of());
  private static final Pattern WHEN = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m|h)");

  /** One planned fault: {@code command} applied {@code at} after the master starts. */
  record Entry(Duration at, FaultCommand command, String text) {}

  private final List<Entry> entries;

  private FaultPlan(List<Entry> entries) {
    this.entries = List.copyOf(entries);
  }

  /** @throws IllegalArgumentException naming the first entry that is wrong and why */
  public static FaultPlan parse(String plan) {
    if (plan == null || plan.isBlank()) {
      return NONE;
    }
    List<Entry> entries = new ArrayList<>();
    String[] parts = plan.split(",", -1);
    for (int i = 0; i < parts.length; i++) {
      String text = parts[i].strip();
      try {
        entries.add(entry(text));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("fault " + (i + 1) + " of " + parts.length + " ('" + text + "'): " + e.getMessage(), e);
      }
    }
    return new FaultPlan(entries);
  }

  private static Entry entry(String text) {
    if (text.isEmpty()) {
      throw new IllegalArgumentException("empty; write <fault>[?<params>][@<when>], e.g. cut-streams@10s");
    }
    int at = text.lastIndexOf('@');
    Duration when = at < 0 ? Duration.ZERO : when(text.substring(at + 1));
    String fault = at < 0 ? text : text.substring(0, at);
    int query = fault.indexOf('?');
    String name = query < 0 ? fault : fault.substring(0, query);
    Map<String, String> params = new LinkedHashMap<>();
    if (query >= 0) {
      for (String param : fault.substring(query + 1).split("&")) {
        int equals = param.indexOf('=');
        if (param.isEmpty() || equals <= 0) {
          throw new IllegalArgumentException("parameter '" + param + "' is not <name>=<value>");
        }
        String key = param.substring(0, equals);
        if (params.put(key, URLDecoder.decode(param.substring(equals + 1), StandardCharsets.UTF_8)) != null) {
          throw new IllegalArgumentException("parameter '" + key + "' is given twice");
        }
      }
    }
    return new Entry(when, FaultCommand.parse(name, params), text);
  }

  private static Duration when(String text) {
    Matcher matcher = WHEN.matcher(text);
    if (!matcher.matches()) {
      throw new IllegalArgumentException("'" + text + "' after '@' is not a time after the start; write e.g. 500ms, 10s, 2m or 1h");
    }
    double amount = Double.parseDouble(matcher.group(1));
    long unitMillis = switch (matcher.group(2)) {
      case "ms" -> 1;
      case "s" -> 1000;
      case "m" -> 60_000;
      default -> 3_600_000;
    };
    return Duration.ofMillis((long) (amount * unitMillis));
  }

  List<Entry> entries() {
    return entries;
  }

  public boolean isEmpty() {
    return entries.isEmpty();
  }

  /** The plan as written, entries in order: for the start banner and logs. */
  @Override
  public String toString() {
    return String.join(",", entries.stream().map(Entry::text).toList());
  }
}
