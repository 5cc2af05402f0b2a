package io.borealis.config.aurora.pystachio;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Pystachio's {@code MustacheParser.resolve}: replaces every {@code {{ref}}} found in the scopes,
 * scanning the result again (so substituted text and nested staches resolve) until a pass resolves
 * nothing, at most 100 passes. {@code {{&x}}} is an escape for a literal {@code {{x}}}.
 */
public final class Mustache {
  private static final Pattern STACHE = Pattern.compile("\\{\\{(&)?([^{}]+?)}}");

  private Mustache() {}

  /** The resolved text and the references no scope could resolve (in order, without duplicates). */
  public record Resolved(String text, List<Ref> unbound) {}

  public static Resolved resolve(String text, List<Namable> scopes, Interpolation context) {
    if (text.indexOf("{{") < 0) {
      return new Resolved(text, List.of());
    }
    String current = text;
    Set<Ref> unbound = new LinkedHashSet<>();
    for (int pass = 0; ; pass++) {
      if (pass == Interpolation.MAX_PASSES) {
        throw Interpolation.uninterpolatable("Unable to interpolate " + current + "!  Maximum replacements reached.");
      }
      unbound.clear();
      int resolved = 0;
      StringBuilder out = new StringBuilder();
      Matcher m = STACHE.matcher(current);
      int last = 0;
      while (m.find()) {
        out.append(current, last, m.start());
        last = m.end();
        if (m.group(1) != null) {
          out.append(m.group());
          continue;
        }
        Ref ref = Ref.parse(m.group(2));
        Object found = lookup(ref, scopes, context);
        if (found == null) {
          out.append(m.group());
          unbound.add(ref);
        } else {
          out.append(PObject.text(found, context));
          resolved++;
        }
      }
      out.append(current, last, current.length());
      current = Interpolation.checkLength(out.toString());
      if (resolved == 0) {
        break;
      }
    }
    return new Resolved(STACHE.matcher(current).replaceAll(r -> r.group(1) == null
        ? Matcher.quoteReplacement(r.group()) : Matcher.quoteReplacement("{{" + r.group(2) + "}}")),
        new ArrayList<>(unbound));
  }

  private static Object lookup(Ref ref, List<Namable> scopes, Interpolation context) {
    for (Namable scope : scopes) {
      try {
        return scope.find(ref, context);
      } catch (Namable.NotFound e) {
        // the next scope may define it
      }
    }
    return null;
  }

  /** Every reference written in {@code text}, resolved or not. */
  public static List<Ref> refs(String text) {
    List<Ref> refs = new ArrayList<>();
    Matcher m = STACHE.matcher(text);
    while (m.find()) {
      if (m.group(1) == null) {
        refs.add(Ref.parse(m.group(2)));
      }
    }
    return refs;
  }
}
