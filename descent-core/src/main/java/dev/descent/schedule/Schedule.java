package dev.descent.schedule;

/**
 * A learning-rate schedule: a pure function from the step count t = 0, 1, 2, ... to a learning
 * rate, as in optax. The same step always gives the same rate, so a schedule needs no state to
 * checkpoint: only the step is saved.
 */
@FunctionalInterface
public interface Schedule {

    /** The learning rate at step {@code t ≥ 0}. */
    double at(long t);
}
