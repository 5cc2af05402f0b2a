package io.borealis.model;

import java.time.Instant;

/** One step in a task's history: the state it entered, when, and why. */
public record TaskEvent(Instant timestamp, TaskState state, String message) {}
