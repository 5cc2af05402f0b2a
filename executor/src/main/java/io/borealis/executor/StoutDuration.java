package io.borealis.executor;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as Mesos' stout writes them in the executor environment: a decimal number directly
 * followed by a unit, e.g. {@code 5secs}, {@code 500ms}, {@code 1.5secs}, {@code 2mins}.
 */
final class StoutDuration {
  private static final Pattern FORM = Pattern.compile("(\\d+(?:\\.\\d*)?|\\.\\d+)(ns|us|ms|secs|mins|hrs|days|weeks)");

  private static final Map<String, Long> NANOS_PER_UNIT = Map.of(
      "ns", 1L,
      "us", 1_000L,
      "ms", 1_000_000L,
      "secs", 1_000_000_000L,
      "mins", 60L * 1_000_000_000L,
      "hrs", 3_600L * 1_000_000_000L,
      "days", 86_400L * 1_000_000_000L,
      "weeks", 7L * 86_400L * 1_000_000_000L);

  private StoutDuration() {}

  /**
   * Parses one duration. {@code 1.5secs} is 1.5 × 10^9 ns = 1500 ms; fractions below a nanosecond
   * are dropped, as stout does.
   *
   * @throws IllegalArgumentException saying what the accepted form is
   */
  static Duration parse(String text) {
    Matcher matcher = FORM.matcher(text == null ? "" : text.strip());
    if (!matcher.matches()) {
      throw new IllegalArgumentException("'" + text + "' is not a duration: expected a number followed by one of "
          + "ns, us, ms, secs, mins, hrs, days, weeks (for example 5secs or 500ms)");
    }
    BigDecimal nanos = new BigDecimal(matcher.group(1)).multiply(BigDecimal.valueOf(NANOS_PER_UNIT.get(matcher.group(2))));
    if (nanos.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
      throw new IllegalArgumentException("'" + text + "' is too long a duration");
    }
    return Duration.ofNanos(nanos.longValue());
  }
}
