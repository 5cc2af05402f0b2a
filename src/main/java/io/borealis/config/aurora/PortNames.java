package io.borealis.config.aurora;

import io.borealis.config.aurora.python.Py;
import io.borealis.config.aurora.pystachio.PMap;
import io.borealis.config.aurora.pystachio.PObject;
import io.borealis.config.aurora.pystachio.Ref;
import io.borealis.config.aurora.pystachio.Struct;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The named ports a job asks the scheduler for: every {@code {{thermos.ports[x]}}} left unbound,
 * plus the announcer's portmap targets. A portmap key is an alias: {@code {'alias': 'http'}} makes
 * {@code thermos.ports[alias]} the http port, so only http is requested. Numeric targets are static
 * ports, not requested.
 */
final class PortNames {
  private PortNames() {}

  static SortedSet<String> requested(Struct job, List<Ref> unbound) {
    Map<String, String> portmap = portmap(job);
    SortedSet<String> ports = new TreeSet<>();
    for (Ref ref : unbound) {
      if (ref.address().startsWith("thermos.ports[") && ref.components().size() == 3) {
        add(ports, resolve(ref.components().get(2).value(), portmap));
      }
    }
    portmap.keySet().forEach(alias -> add(ports, resolve(alias, portmap)));
    return ports;
  }

  /** The announcer's portmap, alias to target (empty without an announcer). */
  static Map<String, String> portmap(Struct job) {
    Map<String, String> portmap = new LinkedHashMap<>();
    PObject announce = job.raw("announce");
    if (announce instanceof Struct announcer && announcer.raw("portmap") instanceof PMap map) {
      map.entries().forEach(e -> portmap.put(Py.str(e.key().get()), Py.str(e.value().get())));
    }
    return portmap;
  }

  /**
   * A command line with aliased port references pointing at their target, as Aurora's executor
   * resolves them: with {@code {'alias': 'http'}}, {@code {{thermos.ports[alias]}}} is the http port,
   * and with {@code {'admin': '8080'}} it is the static port 8080.
   */
  static String resolveAliases(String cmdline, Map<String, String> portmap) {
    String out = cmdline;
    for (String alias : portmap.keySet()) {
      String target = resolve(alias, portmap);
      if (target == null) {
        continue;
      }
      String replacement = target.chars().allMatch(Character::isDigit) ? target : "{{thermos.ports[" + target + "]}}";
      out = out.replace("{{thermos.ports[" + alias + "]}}", replacement);
    }
    return out;
  }

  private static void add(Set<String> ports, String name) {
    if (name != null && !name.chars().allMatch(Character::isDigit)) {
      ports.add(name);
    }
  }

  /** Follows aliases to a port name; null for a cycle. */
  private static String resolve(String name, Map<String, String> portmap) {
    Set<String> seen = new HashSet<>();
    String current = name;
    while (portmap.containsKey(current)) {
      if (!seen.add(current)) {
        return null;
      }
      current = portmap.get(current);
    }
    return current;
  }
}
