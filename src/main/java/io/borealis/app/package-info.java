/**
 * Entry points and wiring: the {@code borealis} command line ({@link BorealisMain}) with its
 * {@code local} and {@code scheduler} commands, and {@link LocalCluster}, which starts the scheduler
 * and an embedded dev cluster in one process. Nothing imports this package.
 */
package io.borealis.app;
