package io.borealis.config.aurora;

import io.borealis.config.aurora.python.Py;
import io.borealis.config.aurora.python.PyException;
import io.borealis.config.aurora.pystachio.Environment;
import io.borealis.config.aurora.pystachio.PObject;
import io.borealis.config.aurora.pystachio.Ref;
import io.borealis.config.aurora.pystachio.Scalar;
import io.borealis.config.aurora.pystachio.Struct;
import io.borealis.config.aurora.pystachio.TypeCheck;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** One job of a config, with the {@code --bind} values applied. */
public final class AuroraJob {
  /** Deprecated names Aurora's client still resolves: {@code {{mesos.role}}} is the job's role, and so on. */
  private static final Environment ALIASES = Environment.of(Map.of(
      "mesos", Map.of("role", "{{role}}", "cluster", "{{cluster}}"),
      "thermos", Map.of("user", "{{role}}")));

  private final Path file;
  private final Struct job;

  AuroraJob(Path file, Struct job) {
    this.file = file;
    this.job = job;
  }

  public Struct struct() {
    return job;
  }

  /** {@code cluster/role/env/name} from the interpolated fields; unresolved staches show as written. */
  public String key() {
    return part("cluster") + "/" + part("role") + "/" + part("environment") + "/" + part("name");
  }

  private String part(String field) {
    try {
      PObject value = job.field(field);
      return value == null ? "{MISSING}" : Py.str(value.get());
    } catch (PyException e) {
      throw new AuroraConfigError(file + ": job " + field + ": " + e.describe());
    }
  }

  /**
   * Interpolates the job and checks it as Aurora's client does before creating it.
   *
   * @throws AuroraConfigError when a reference is malformed or cannot be resolved within the caps
   */
  public JobEvaluation evaluate() {
    String key = key();
    try {
      Struct bound = (Struct) job.bind(List.of(ALIASES));
      TypeCheck check = bound.check();
      PObject.Interpolated interpolated;
      try {
        interpolated = bound.interpolate();
      } catch (PyException e) {
        if (check.ok()) {
          throw e;
        }
        // check() names the field at fault (MesosJob[instances] failed: ...), interpolate() does not
        throw new AuroraConfigError(origin() + ": job " + key + ": " + check.message());
      }
      TreeSet<String> unbound = new TreeSet<>();
      interpolated.unbound().forEach(ref -> unbound.add(ref.toString()));
      Struct resolved = (Struct) interpolated.value();
      return new JobEvaluation(key, resolved, List.copyOf(unbound), check, PortNames.requested(resolved,
          interpolated.unbound()), origin());
    } catch (PyException e) {
      throw new AuroraConfigError(origin() + ": job " + key + ": " + e.describe());
    }
  }

  private String origin() {
    return job.origin() == null ? file.toString() : job.origin().toString();
  }

  static boolean isExecutorRef(Ref ref) {
    String address = ref.address();
    return address.equals("thermos.task_id") || address.equals("mesos.instance") || address.equals("mesos.hostname")
        || address.startsWith("thermos.ports[") && ref.components().size() == 3;
  }

  static String text(PObject value) {
    return value == null ? null : value instanceof Scalar s ? Py.str(s.raw()) : value.toString();
  }
}
