/**
 * The {@code borealis} command line, Aurora's nouns and verbs ({@code borealis job create ...}) on
 * picocli. It reaches a scheduler only through its public HTTP API ({@link SchedulerApi}), found by
 * cluster name in {@code clusters.json} ({@link Clusters}), and reads job files locally.
 *
 * <p>Vocabulary: a <em>verb</em> is a leaf command; every verb documents an example and its exit codes
 * ({@link ExitCodes}: 0 success, 1 failed, 2 usage). Verbs whose capability the scheduler lacks
 * ({@link Unavailable}: cron, remote commands, quotas) still parse fully and then say what is missing.
 * Verbs that wait show {@link Progress}: a bar on a terminal, plain {@code n/m ...} lines elsewhere.
 */
package io.borealis.cli;
