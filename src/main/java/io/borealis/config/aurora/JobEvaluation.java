package io.borealis.config.aurora;

import io.borealis.config.aurora.pystachio.Struct;
import io.borealis.config.aurora.pystachio.TypeCheck;
import java.util.List;
import java.util.SortedSet;

/**
 * A job after interpolation: the resolved job, the references still unbound (sorted), the result
 * of Pystachio's {@code check()} and the named ports it requests. {@code origin} is where the
 * config built the job, for error messages.
 */
public record JobEvaluation(String key, Struct job, List<String> unbound, TypeCheck check,
    SortedSet<String> ports, String origin) {

  /** Converts to Borealis's model, or says why the cluster cannot run this job. */
  public JobConversion convert() {
    return JobConversion.of(this);
  }
}
