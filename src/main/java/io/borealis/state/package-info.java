/**
 * The task life cycle as Aurora defines it: which {@link io.borealis.model.TaskState} may follow
 * which, and what each move obliges the scheduler to do ({@link Effect}: kill the task on its agent,
 * reschedule a replacement, delete it). {@link TaskStateMachine} only decides; the state verticle
 * applies the effects, in the order they are listed, after the new state is stored. Pure.
 */
package io.borealis.state;
