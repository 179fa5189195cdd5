package dev.descent.minimize;

/**
 * A direction rule's running state (the NextDirectioner of gonum/optimize): it proposes a search
 * direction at the current point and learns from each accepted step. Created per run from a
 * {@link Method}; allocates its buffers once.
 */
interface Direction {

    /**
     * Writes the search direction at (x, ∇f(x) = g) into d and returns dᵀg. Must not modify x or g.
     */
    double compute(double[] x, double[] g, double[] d);

    /**
     * Learns from an accepted step: s = xₖ₊₁ − xₖ, y = ∇fₖ₊₁ − ∇fₖ, α the step length.
     * Must not modify its arguments. The default learns nothing: the memoryless rules (steepest
     * descent, Newton, Newton-CG) compute each direction from the current point alone.
     */
    default void update(double[] s, double[] y, double alpha) {}

    /**
     * Learns from the accepted step x → xNew. The default forms s and y in the caller's scratch
     * arrays and calls {@link #update}; a rule that stores the pair (L-BFGS) writes it in place.
     */
    default void step(double[] x, double[] xNew, double[] g, double[] gNew, double alpha, double[] s, double[] y) {
        for (int i = 0; i < x.length; i++) {
            s[i] = xNew[i] - x[i];
            y[i] = gNew[i] - g[i];
        }
        update(s, y, alpha);
    }

    /**
     * Forgets all curvature information; the next direction is steepest descent or Newton's. The
     * default, for the memoryless rules, has nothing to forget.
     */
    default void reset() {}

    /** Whether α = 1 is the natural first trial step now (Newton, or quasi-Newton with memory). */
    boolean unitStep();
}
