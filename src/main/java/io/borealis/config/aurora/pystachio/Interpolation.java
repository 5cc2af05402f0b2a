package io.borealis.config.aurora.pystachio;

import io.borealis.config.aurora.python.PyException;

/**
 * The work budget of one interpolation. Pystachio repeats substitution at most 100 times per string;
 * on top of that Borealis caps how deep lookups may nest (a default that refers to itself recurses)
 * and how long a string may grow ({@code x = '{{x}}{{x}}'} doubles on every pass), so a hostile
 * config fails with a message instead of hanging or exhausting memory.
 */
public final class Interpolation {
  public static final int MAX_PASSES = 100;
  public static final int MAX_DEPTH = 64;
  public static final int MAX_LENGTH = 1 << 20;
  public static final long MAX_LOOKUPS = 2_000_000;

  private int depth;
  private long lookups;

  void enter(String text) {
    if (++depth > MAX_DEPTH) {
      depth = 0;
      throw uninterpolatable("Unable to interpolate " + text + ": references nest more than " + MAX_DEPTH
          + " deep (does a value refer to itself?)");
    }
  }

  void leave() {
    depth--;
  }

  void lookup() {
    if (++lookups > MAX_LOOKUPS) {
      throw uninterpolatable("Unable to interpolate: more than " + MAX_LOOKUPS + " reference lookups");
    }
  }

  static String checkLength(String text) {
    if (text.length() > MAX_LENGTH) {
      throw uninterpolatable("Unable to interpolate " + text.substring(0, 60) + "...: the result grew beyond "
          + MAX_LENGTH + " characters");
    }
    return text;
  }

  static PyException uninterpolatable(String message) {
    return new PyException("Uninterpolatable", message);
  }
}
