package io.borealis.config.aurora;

import io.borealis.config.aurora.python.PyException;
import io.borealis.config.aurora.pystachio.Interpolation;
import io.borealis.config.aurora.pystachio.Mustache;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code --bind NAME=VALUE} values: parsing them, and applying them to plain text (for JSON job files). */
public final class Binds {
  private Binds() {}

  /**
   * Parses {@code NAME=VALUE} items, split at the first {@code =}; a later item for a name wins.
   *
   * @throws AuroraConfigError naming the item that is not {@code NAME=VALUE} or whose name is not a reference
   */
  public static Map<String, String> parse(List<String> items) {
    Map<String, String> binds = new LinkedHashMap<>();
    for (String item : items) {
      int eq = item.indexOf('=');
      if (eq <= 0) {
        throw new AuroraConfigError("--bind " + item + ": expected NAME=VALUE, like --bind stop_file=/tmp/stop");
      }
      String name = item.substring(0, eq);
      try {
        io.borealis.config.aurora.pystachio.Ref.parse(name);
      } catch (PyException e) {
        throw new AuroraConfigError("--bind " + item + ": " + name + " is not a reference name (letters, digits, _ and . or [index])");
      }
      binds.remove(name);
      binds.put(name, item.substring(eq + 1));
    }
    return binds;
  }

  /** {@code text} with every {@code {{name}}} that a bind defines replaced; other references stay. */
  public static String apply(String text, Map<String, String> binds) {
    if (binds.isEmpty() || !text.contains("{{")) {
      return text;
    }
    try {
      return Mustache.resolve(text, AuroraConfigLoader.bindings(binds), new Interpolation()).text();
    } catch (PyException e) {
      throw new AuroraConfigError(e.getMessage());
    }
  }
}
