/**
 * Aurora's config schema as a config sees it before its first line ({@code AuroraNames}): Thermos's
 * Process/Task/Resources, Aurora's Job (really named MesosJob), Service, UpdateConfig and its
 * strategies, health checks, containers, policies, units (MB, GB...) and the eager helpers
 * ({@code order}, {@code SequentialTask}, {@code SimpleTask}, {@code Tasks.combine/concat}), with
 * Aurora's field names and defaults exactly.
 */
package io.borealis.config.aurora.schema;
