/**
 * The {@code borealis} command line, Aurora's nouns and verbs ({@code borealis job create ...}) on
 * picocli. It reaches a scheduler only through its public HTTP API ({@link SchedulerApi}), found by
 * cluster name in {@code clusters.json} ({@link Clusters}), and reads job files locally.
 */
package io.borealis.cli;
