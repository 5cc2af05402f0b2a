package io.borealis.config.aurora.python;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The standard-library modules a config may import, reduced to what cannot touch the world:
 * {@code getpass.getuser()} and {@code os.getenv}/{@code os.environ} read the environment the
 * evaluator was given; every other {@code os} or {@code sys} member is refused by name.
 */
public final class StandardModules {
  private StandardModules() {}

  public static Map<String, PyModule> create(Map<String, String> environment) {
    Map<String, Object> environ = new LinkedHashMap<>(environment);
    PyCallable getuser = (site, args, kwargs) -> {
      for (String name : List.of("LOGNAME", "USER", "LNAME", "USERNAME")) { // Python's getpass order
        String value = environment.get(name);
        if (value != null && !value.isEmpty()) {
          return value;
        }
      }
      throw new PyException("KeyError", "getpass.getuser(): none of LOGNAME, USER, LNAME, USERNAME is set");
    };
    PyModule path = new PyModule("os.path", Map.of(
        "join", (PyCallable) (site, args, kwargs) -> {
          String joined = "";
          for (Object part : args) {
            String p = Methods.text(part);
            joined = p.startsWith("/") || joined.isEmpty() ? p : joined + (joined.endsWith("/") ? "" : "/") + p;
          }
          return joined;
        },
        "basename", (PyCallable) (site, args, kwargs) -> {
          String p = Methods.text(Methods.arg(args, 0, "basename"));
          return p.substring(p.lastIndexOf('/') + 1);
        },
        "dirname", (PyCallable) (site, args, kwargs) -> {
          String p = Methods.text(Methods.arg(args, 0, "dirname"));
          return p.lastIndexOf('/') < 0 ? "" : p.substring(0, Math.max(1, p.lastIndexOf('/')));
        },
        "sep", "/"), Set.of("*"));
    PyModule os = new PyModule("os", Map.of(
        "getenv", (PyCallable) (site, args, kwargs) -> {
          Object value = environ.get(Methods.text(Methods.arg(args, 0, "getenv")));
          return value != null ? value : args.size() > 1 ? args.get(1) : kwargs.getOrDefault("default", Py.NONE);
        },
        "environ", environ,
        "path", path,
        "sep", "/",
        "linesep", "\n"), Set.of("*"));
    return Map.of(
        "getpass", new PyModule("getpass", Map.of("getuser", getuser), Set.of("*")),
        "os", os,
        "os.path", path,
        "sys", new PyModule("sys", Map.of("maxsize", Long.MAX_VALUE, "maxint", Long.MAX_VALUE), Set.of("*")));
  }
}
