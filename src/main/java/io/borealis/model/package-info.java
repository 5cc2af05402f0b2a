/**
 * Borealis's own vocabulary, shared by every layer: a job is identified by a {@link JobKey}
 * ({@code cluster/role/environment/name}) and described by a {@link JobConfig} (Aurora's Job: a
 * {@link TaskConfig} replicated into {@code instances}); the scheduler runs each instance as a
 * {@link ScheduledTask}. Validation returns every {@link Problem} with its path instead of stopping
 * at the first. Pure: no I/O, no clock reads, no frameworks.
 */
package io.borealis.model;
