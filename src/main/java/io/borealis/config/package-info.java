/**
 * Job configurations as users write them, turned into {@link io.borealis.model.JobConfig}: the JSON
 * form of Aurora's schema ({@link JobJson}, the same field names and shapes as the {@code .aurora}
 * objects, as Aurora's client reads with {@code --read-json}) and {@code .aurora} files
 * ({@link io.borealis.config.aurora}).
 * Reading never stops at the first mistake: it returns every problem with its JSON path.
 */
package io.borealis.config;
