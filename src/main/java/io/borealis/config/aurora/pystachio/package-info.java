/**
 * A port of Pystachio 0.8.5, the typed template library of Aurora configs (see
 * ../shared/reference/pystachio.md).
 *
 * <p>Vocabulary: a {@code PType} ({@code String}, {@code List(Process)}, a Struct class, a
 * {@code Choice}) constructs a {@code PObject}; values are immutable and keep the raw input, coercing
 * only when interpolated (lazy coercion). A value carries scopes ({@code Namable}s: an
 * {@code Environment}, or a Struct/List/Map) in which its {@code {{refs}}} ({@code Ref}) resolve;
 * {@code bind} puts scopes first, {@code in_scope} last. A Struct's own fields beat its bindings, a
 * parent passes its scopes down when it interpolates, and {@code Mustache} re-scans substituted text
 * up to 100 passes. {@code check()} returns a {@code TypeCheck} with Pystachio's messages
 * ({@code MesosJob[task] failed: ...}). {@code Interpolation} adds caps Pystachio lacks (lookup depth,
 * string growth).
 */
package io.borealis.config.aurora.pystachio;
