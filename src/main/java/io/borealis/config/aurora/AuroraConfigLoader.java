package io.borealis.config.aurora;

import io.borealis.config.aurora.python.Builtins;
import io.borealis.config.aurora.python.Interpreter;
import io.borealis.config.aurora.python.Py;
import io.borealis.config.aurora.python.PyException;
import io.borealis.config.aurora.python.PyModule;
import io.borealis.config.aurora.python.PyTuple;
import io.borealis.config.aurora.python.StandardModules;
import io.borealis.config.aurora.pystachio.Environment;
import io.borealis.config.aurora.pystachio.Namable;
import io.borealis.config.aurora.pystachio.Ref;
import io.borealis.config.aurora.pystachio.Struct;
import io.borealis.config.aurora.schema.AuroraNames;
import io.borealis.config.aurora.schema.AuroraSchema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Loads a {@code .aurora} file as Aurora's client does: runs it with the schema preloaded, takes its
 * {@code jobs} list, and binds the {@code --bind} values to every job (the last {@code --bind} of a
 * name wins). Reads nothing but the file and files it {@code include}s from its own directory.
 */
public final class AuroraConfigLoader {
  private AuroraConfigLoader() {}

  /**
   * @param binds {@code --bind} values in the order given; keys are references like {@code a.b}
   * @param environment what {@code getpass.getuser()} and {@code os.getenv} see
   * @throws AuroraConfigError with the file, line and column of the problem
   */
  public static AuroraConfig load(Path file, Map<String, String> binds, Map<String, String> environment) {
    return load(file, binds, environment, Files::readString);
  }

  static AuroraConfig load(Path file, Map<String, String> binds, Map<String, String> environment,
      Interpreter.SourceReader reader) {
    Map<String, PyModule> modules = new HashMap<>(StandardModules.create(environment));
    modules.putAll(AuroraNames.modules());
    Map<String, Object> globals = new HashMap<>(AuroraNames.prelude());
    globals.put("sys", modules.get("sys")); // pystachio's `import *` brings sys along
    try {
      new Interpreter(Builtins.create(), modules, reader).run(file, globals);
      return new AuroraConfig(file, jobs(file, globals.get("jobs"), bindings(binds)));
    } catch (PyException e) {
      throw new AuroraConfigError(e.describe(), e.location());
    }
  }

  /**
   * As {@link #load(Path, Map, Map)}, for a config that is text rather than a file (one sent to the
   * API): {@code name} only labels error locations, and {@code include} fails, there being no
   * directory to include from.
   */
  public static AuroraConfig loadSource(String name, String source, Map<String, String> binds,
      Map<String, String> environment) {
    Path file = Path.of(name);
    return load(file, binds, environment, read -> {
      if (read.equals(file)) {
        return source;
      }
      throw new IOException("include() is not available for a config sent as text; inline the included file");
    });
  }

  /** One scope per {@code --bind}, newest first, as {@code job.bind(*bindings)} orders them. */
  static List<Namable> bindings(Map<String, String> binds) {
    List<Namable> scopes = new ArrayList<>();
    binds.forEach((key, value) -> {
      Ref.parse(key); // a bad name fails here, naming the --bind
      Map<Object, Object> one = new LinkedHashMap<>();
      one.put(key, value);
      scopes.add(Environment.of(one));
    });
    Collections.reverse(scopes);
    return scopes;
  }

  private static List<AuroraJob> jobs(Path file, Object exported, List<Namable> bindings) {
    if (exported == null) {
      return List.of();
    }
    List<?> items = exported instanceof List<?> list ? list : exported instanceof PyTuple t ? t.items() : null;
    if (items == null) {
      throw new AuroraConfigError(file + ": jobs must be a list of Job objects, but it is a " + Py.typeName(exported));
    }
    List<AuroraJob> jobs = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      Object item = items.get(i);
      if (!(item instanceof Struct job) || job.type() != AuroraSchema.MESOS_JOB) {
        throw new AuroraConfigError(file + ": jobs[" + i + "] is a " + Py.typeName(item) + ", not a Job");
      }
      jobs.add(new AuroraJob(file, (Struct) (bindings.isEmpty() ? job : job.bind(bindings))));
    }
    return jobs;
  }
}
