package dev.descent.minimize;

/**
 * A direction rule's running state (the NextDirectioner of gonum/optimize): it proposes a search
 * direction at the current point and learns from each accepted step. Created per run from a
 * {@link Method}; allocates its buffers once.
 */
interface Direction {

    /** Writes the search direction at (x, ∇f(x) = g) into d. Must not modify x or g. */
    void compute(double[] x, double[] g, double[] d);

    /**
     * Learns from an accepted step: s = xₖ₊₁ − xₖ, y = ∇fₖ₊₁ − ∇fₖ, α the step length.
     * Must not modify its arguments.
     */
    void update(double[] s, double[] y, double alpha);

    /** Forgets all curvature information; the next direction is steepest descent or Newton's. */
    void reset();

    /** Whether α = 1 is the natural first trial step now (Newton, or quasi-Newton with memory). */
    boolean unitStep();
}
