/**
 * The scheduler's actors. Each mutable piece of state has exactly one owner verticle, on one event
 * loop, and the others ask it over the event bus ({@link io.borealis.events}):
 * {@link StateVerticle} owns jobs and tasks and applies the task state machine's effects;
 * {@link OfferVerticle} holds offers and places pending tasks with the pure matcher;
 * {@link MesosVerticle} owns the Mesos subscription and is the only place that turns Mesos messages
 * into Borealis ones and back ({@link MesosAdapter}).
 */
package io.borealis.scheduler;
