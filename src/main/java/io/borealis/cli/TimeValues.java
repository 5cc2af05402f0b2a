package io.borealis.cli;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Aurora's time values, {@code XdYhZmWs} with each field optional but in that order ({@code 1d},
 * {@code 3m}, {@code 1h3m10s}), and how Aurora prints them: in the largest unit that divides the
 * value, so 60 s is {@code 1 mins} and 3790 s is {@code 3790 secs}.
 */
final class TimeValues {
  private static final Pattern VALUE = Pattern.compile("(?:(\\d+)d)?(?:(\\d+)h)?(?:(\\d+)m)?(?:(\\d+)s)?");

  private TimeValues() {}

  static List<Duration> parseList(String text) {
    List<Duration> values = new ArrayList<>();
    for (String part : text.split(",")) {
      values.add(parse(part.trim()));
    }
    return values;
  }

  static Duration parse(String text) {
    Matcher matcher = VALUE.matcher(text);
    if (text.isEmpty() || !matcher.matches()) {
      throw new CliException("Invalid time value '" + text + "': use XdYhZmWs with each field optional, like 1d, 3m or 1h3m10s");
    }
    long[] perUnit = {86_400, 3_600, 60, 1};
    long seconds = 0;
    try {
      for (int group = 1; group <= 4; group++) {
        if (matcher.group(group) != null) {
          seconds = Math.addExact(seconds, Math.multiplyExact(Long.parseLong(matcher.group(group)), perUnit[group - 1]));
        }
      }
    } catch (ArithmeticException | NumberFormatException e) {
      throw new CliException("Time value '" + text + "' is too large");
    }
    return Duration.ofSeconds(seconds);
  }

  static String display(Duration duration) {
    long seconds = duration.toSeconds();
    if (seconds != 0 && seconds % 86_400 == 0) {
      return seconds / 86_400 + " days";
    }
    if (seconds != 0 && seconds % 3_600 == 0) {
      return seconds / 3_600 + " hrs";
    }
    if (seconds != 0 && seconds % 60 == 0) {
      return seconds / 60 + " mins";
    }
    return seconds + " secs";
  }
}
