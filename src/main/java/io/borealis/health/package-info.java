/**
 * Aurora's health-check policy as the scheduler applies it to its own probes of a task's
 * {@code health} port: when to probe ({@code initial_interval_secs} after RUNNING, then every
 * {@code interval_secs}), and when the task is healthy ({@code min_consecutive_successes} in a row) or
 * unhealthy (more than {@code max_consecutive_failures} in a row). Pure: the health-check verticle
 * probes over HTTP and feeds the results in.
 */
package io.borealis.health;
