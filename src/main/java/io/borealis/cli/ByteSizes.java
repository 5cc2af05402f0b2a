package io.borealis.cli;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Sizes as people write them ({@code 512MB}, {@code 4GB}, {@code 1.5TB}, or plain bytes), in Aurora's binary units. */
final class ByteSizes {
  private static final Pattern SIZE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(B|KB|MB|GB|TB|KIB|MIB|GIB|TIB)?");

  private ByteSizes() {}

  static long parse(String text, String what) {
    Matcher matcher = SIZE.matcher(text.trim().toUpperCase(Locale.ROOT));
    if (!matcher.matches()) {
      throw new CliException(what + " '" + text + "' is not a size; write e.g. 512MB, 4GB or a number of bytes");
    }
    double number = Double.parseDouble(matcher.group(1));
    String unit = matcher.group(2) == null ? "B" : matcher.group(2).replace("I", "");
    int power = "BKMGT".indexOf(unit.charAt(0));
    return Math.round(number * Math.pow(1024, power));
  }

  static String describe(long bytes) {
    if (bytes >= 1L << 30) {
      return String.format(Locale.ROOT, "%.1f GB", bytes / (double) (1L << 30));
    }
    return (bytes >> 20) + " MB";
  }
}
