/**
 * {@code .aurora} job configs, evaluated the way Apache Aurora's client evaluates them, in pure Java.
 *
 * <p>Why not embed Python: an Aurora config is Python 2 plus the Pystachio template library, but
 * the evaluator must be safe to run on files Borealis did not write and fast enough for every CLI
 * call. An embedded interpreter fails one or the other: Jython starts in about 0.9 s cold and has no
 * sandbox at all (a config could read /etc or spawn processes), and GraalPy's sandbox costs about
 * 5 s of cold start and 150 MB of jars (measured in ../shared/deps.md §3). The subset configs use is
 * small, so it is implemented here: {@code python} runs the code with no file, process, network or
 * reflection builtins (sandboxed by construction, with step, depth and size caps), {@code pystachio}
 * gives Pystachio's typed, lazily-coerced templates and its {@code {{ref}}} scoping, and
 * {@code schema} declares Aurora's schema with its exact names and defaults.
 *
 * <p>Vocabulary: {@link io.borealis.config.aurora.AuroraConfigLoader} runs a file and binds
 * {@code --bind} values into each {@link io.borealis.config.aurora.AuroraJob};
 * {@link io.borealis.config.aurora.JobEvaluation} is a job interpolated and checked, with its unbound
 * references and requested ports; {@link io.borealis.config.aurora.JobConversion} turns it into the
 * model's {@code JobConfig}, separating Aurora's refusals (problems), what Borealis cannot run yet
 * (unsupported: cron, appc images) and what it accepts but ignores (warnings: SLA policies, task links,
 * metadata...). References resolved only by the executor ({@code {{mesos.instance}}},
 * {@code {{thermos.ports[x]}}}...) stay in the command lines.
 */
package io.borealis.config.aurora;
